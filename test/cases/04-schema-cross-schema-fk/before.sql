CREATE SCHEMA crm;

CREATE TABLE crm.customers (
  id    integer PRIMARY KEY,
  name  text NOT NULL
);

INSERT INTO crm.customers VALUES (1, 'Acme'), (2, 'Globex');
