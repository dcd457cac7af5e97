CREATE TABLE order_lines (
  id          integer PRIMARY KEY,
  unit_price  numeric(10,2) NOT NULL,
  quantity    integer NOT NULL,
  line_total  numeric(12,2) GENERATED ALWAYS AS (unit_price * quantity) STORED
);
