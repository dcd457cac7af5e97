CREATE TABLE invoices (
  id     bigint NOT NULL PRIMARY KEY,
  total  numeric(12,2) NOT NULL
);

CREATE SEQUENCE invoices_id_seq OWNED BY invoices.id;

ALTER TABLE invoices ALTER COLUMN id SET DEFAULT nextval('invoices_id_seq');
