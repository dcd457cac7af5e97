CREATE TABLE order_lines (
  id          integer PRIMARY KEY,
  unit_price  numeric(10,2) NOT NULL,
  quantity    integer NOT NULL
);

INSERT INTO order_lines VALUES (1, 2.50, 4), (2, 10.00, 1);
