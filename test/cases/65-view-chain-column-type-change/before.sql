CREATE TABLE orders (
  id integer PRIMARY KEY,
  customer text NOT NULL,
  amount integer NOT NULL
);
CREATE VIEW order_amounts AS SELECT id, customer, amount FROM orders;
CREATE VIEW customer_totals AS SELECT customer, sum(amount) AS total, count(*) AS orders FROM order_amounts GROUP BY customer;
CREATE VIEW big_customers AS SELECT customer, total FROM customer_totals WHERE total > 100;
COMMENT ON VIEW big_customers IS 'Customers above 100';
INSERT INTO orders VALUES (1, 'acme', 80), (2, 'acme', 70), (3, 'globex', 20);
