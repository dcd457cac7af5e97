CREATE TABLE orders (
  id           integer PRIMARY KEY,
  customer_id  integer NOT NULL,
  status       text NOT NULL,
  archived     boolean NOT NULL DEFAULT false,
  created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX orders_status_idx ON orders (status);
CREATE INDEX orders_lookup_idx ON orders (customer_id) WHERE archived = false;
CREATE INDEX orders_created_idx ON orders (created_at);
