CREATE SEQUENCE legacy_order_no START WITH 500;

CREATE TABLE orders (
  id        integer PRIMARY KEY,
  order_no  bigint DEFAULT nextval('legacy_order_no')
);

INSERT INTO orders (id) VALUES (1), (2);
