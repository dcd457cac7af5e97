CREATE SCHEMA crm;
CREATE SCHEMA sales;

CREATE TABLE crm.customers (
  id    integer PRIMARY KEY,
  name  text NOT NULL
);

CREATE TABLE sales.orders (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id  integer NOT NULL REFERENCES crm.customers (id),
  placed_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX orders_customer_id_idx ON sales.orders (customer_id);
