CREATE TABLE orders (
  id           integer PRIMARY KEY,
  customer_id  integer NOT NULL,
  created_at   timestamptz NOT NULL,
  shipped_at   timestamptz,
  total        numeric(12,2) NOT NULL
);

CREATE INDEX orders_customer_recent_idx ON orders (customer_id, created_at DESC);
CREATE INDEX orders_shipping_idx ON orders (shipped_at NULLS FIRST, id DESC NULLS LAST);
CREATE INDEX orders_customer_cover_idx ON orders (customer_id) INCLUDE (total, created_at);
