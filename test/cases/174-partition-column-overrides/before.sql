CREATE TABLE orders (
  id bigint NOT NULL,
  region text NOT NULL,
  priority integer DEFAULT 0,
  notes text,
  status text DEFAULT 'new',
  placed_at date
) PARTITION BY LIST (region);

CREATE TABLE orders_eu PARTITION OF orders FOR VALUES IN ('eu');
-- Its own default and its own NOT NULL.
CREATE TABLE orders_apac PARTITION OF orders (priority DEFAULT 5, status NOT NULL) FOR VALUES IN ('apac');
CREATE TABLE orders_old PARTITION OF orders (notes DEFAULT 'archived') FOR VALUES IN ('old');

INSERT INTO orders (id, region, priority, notes, status) VALUES
  (1, 'eu', 2, 'first', 'new'),
  (2, 'apac', 5, NULL, 'open'),
  (3, 'old', 0, 'archived', 'closed');
