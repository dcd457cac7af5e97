CREATE TABLE customers (
  id    integer PRIMARY KEY,
  name  text NOT NULL,
  fax   text
);

INSERT INTO customers VALUES (1, 'Acme', '555-0100'), (2, 'Globex', NULL);
