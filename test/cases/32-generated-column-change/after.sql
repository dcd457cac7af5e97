CREATE TABLE people (
  id          integer PRIMARY KEY,
  first_name  text NOT NULL,
  last_name   text NOT NULL,
  full_name   text GENERATED ALWAYS AS (last_name || ', ' || first_name) STORED
);
