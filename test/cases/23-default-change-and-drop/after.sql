CREATE TABLE products (
  id          integer PRIMARY KEY,
  status      text NOT NULL DEFAULT 'active',
  currency    char(3),
  stock       integer NOT NULL DEFAULT 0,
  updated_at  timestamptz DEFAULT now()
);
