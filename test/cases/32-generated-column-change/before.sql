CREATE TABLE people (
  id          integer PRIMARY KEY,
  first_name  text NOT NULL,
  last_name   text NOT NULL,
  full_name   text GENERATED ALWAYS AS (first_name || ' ' || last_name) STORED
);

INSERT INTO people VALUES (1, 'Ada', 'Lovelace'), (2, 'Alan', 'Turing');
