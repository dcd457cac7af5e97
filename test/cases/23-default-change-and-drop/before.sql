CREATE TABLE products (
  id          integer PRIMARY KEY,
  status      text NOT NULL DEFAULT 'draft',
  currency    char(3) DEFAULT 'USD',
  stock       integer NOT NULL DEFAULT 0,
  updated_at  timestamptz
);

INSERT INTO products (id) VALUES (1);
