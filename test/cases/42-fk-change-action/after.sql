CREATE TABLE orders (
  id  integer PRIMARY KEY
);

CREATE TABLE order_items (
  id        integer PRIMARY KEY,
  order_id  integer NOT NULL,
  sku       text NOT NULL,
  CONSTRAINT order_items_order_fk FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE
);
