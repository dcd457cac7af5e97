CREATE TABLE users (id integer PRIMARY KEY);
INSERT INTO users VALUES (1);
CREATE TABLE orders (
  id bigint NOT NULL,
  user_id integer NOT NULL,
  placed_on date NOT NULL,
  total numeric(12,2) NOT NULL,
  updated_at timestamptz
) PARTITION BY RANGE (placed_on);
CREATE TABLE orders_2026 PARTITION OF orders FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE TABLE orders_2027 PARTITION OF orders FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');
INSERT INTO orders VALUES (1, 1, '2026-05-01', 10, NULL), (2, 1, '2027-05-01', 20, NULL);
