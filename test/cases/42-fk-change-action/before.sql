CREATE TABLE orders (
  id  integer PRIMARY KEY
);

CREATE TABLE order_items (
  id        integer PRIMARY KEY,
  order_id  integer NOT NULL,
  sku       text NOT NULL,
  CONSTRAINT order_items_order_fk FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE RESTRICT
);

INSERT INTO orders VALUES (1), (2);
INSERT INTO order_items VALUES (1, 1, 'A'), (2, 1, 'B'), (3, 2, 'C');
