CREATE TABLE inventory (
  id        integer PRIMARY KEY,
  sku       text NOT NULL,
  quantity  integer NOT NULL
);
