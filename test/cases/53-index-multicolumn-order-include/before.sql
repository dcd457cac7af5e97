CREATE TABLE orders (
  id           integer PRIMARY KEY,
  customer_id  integer NOT NULL,
  created_at   timestamptz NOT NULL,
  shipped_at   timestamptz,
  total        numeric(12,2) NOT NULL
);
