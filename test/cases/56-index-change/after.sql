CREATE TABLE orders (
  id           integer PRIMARY KEY,
  customer_id  integer NOT NULL,
  status       text NOT NULL,
  archived     boolean NOT NULL DEFAULT false,
  created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX orders_status_idx ON orders (status, created_at);
CREATE INDEX orders_lookup_idx ON orders (customer_id) WHERE NOT archived AND status <> 'cancelled';
