CREATE TABLE invoices (
  id     bigint NOT NULL PRIMARY KEY,
  total  numeric(12,2) NOT NULL
);

CREATE SEQUENCE invoices_id_seq;

INSERT INTO invoices VALUES (1, 10.50), (2, 99.00);
