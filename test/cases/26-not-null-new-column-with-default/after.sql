CREATE TABLE employees (
  id          integer PRIMARY KEY,
  name        text NOT NULL,
  department  text NOT NULL DEFAULT 'unassigned',
  hired_on    date NOT NULL DEFAULT CURRENT_DATE
);
