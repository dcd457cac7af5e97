CREATE TABLE products (
  id        integer PRIMARY KEY,
  price     numeric(10,2) NOT NULL CHECK (price >= 0),
  discount  numeric(5,2) CHECK (discount BETWEEN 0 AND 90),
  sku       text NOT NULL CHECK (sku ~ '^[A-Z]+-[0-9]+$'),
  CONSTRAINT discount_below_price CHECK (discount IS NULL OR discount < price)
);
