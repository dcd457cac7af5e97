CREATE TABLE products (
  id        integer PRIMARY KEY,
  price     numeric(10,2) NOT NULL,
  discount  numeric(5,2),
  sku       text NOT NULL,
  CONSTRAINT products_price_check CHECK (price > 0),
  CONSTRAINT products_legacy_check CHECK (sku <> '')
);

INSERT INTO products VALUES (1, 100.00, 10.00, 'A-1'), (2, 5.00, NULL, 'B-2');
