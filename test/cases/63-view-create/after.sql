CREATE TABLE products (
  id integer PRIMARY KEY,
  name text NOT NULL,
  price_cents integer NOT NULL,
  discontinued boolean NOT NULL DEFAULT false
);
CREATE VIEW active_products AS
  SELECT id, name, price_cents / 100.0 AS price
    FROM products
   WHERE NOT discontinued;
COMMENT ON VIEW active_products IS 'Products that can still be ordered';
