CREATE TABLE products (
  id integer PRIMARY KEY,
  name text NOT NULL,
  price_cents integer NOT NULL,
  discontinued boolean NOT NULL DEFAULT false
);
INSERT INTO products VALUES (1, 'Lamp', 2500, false), (2, 'Desk', 19900, true), (3, 'Chair', 8900, false);
