CREATE SCHEMA billing;

CREATE TABLE billing.invoices (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  total      numeric(12,2) NOT NULL,
  issued_at  timestamptz NOT NULL DEFAULT now()
);
