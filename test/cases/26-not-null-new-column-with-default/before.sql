CREATE TABLE employees (
  id    integer PRIMARY KEY,
  name  text NOT NULL
);

INSERT INTO employees VALUES (1, 'Ada'), (2, 'Grace');
