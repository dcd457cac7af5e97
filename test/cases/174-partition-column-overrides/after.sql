-- The parent's defaults change: priority 0 -> 1 (orders_apac keeps its own 5), placed_at gains one
-- (orders_apac and orders_us have none of their own).
CREATE TABLE orders (
  id bigint NOT NULL,
  region text NOT NULL,
  priority integer DEFAULT 1,
  notes text,
  status text DEFAULT 'new',
  placed_at date DEFAULT '2026-01-01'
) PARTITION BY LIST (region);

CREATE TABLE orders_eu PARTITION OF orders (notes NOT NULL) FOR VALUES IN ('eu');
CREATE TABLE orders_apac PARTITION OF orders (priority DEFAULT 5, placed_at DEFAULT NULL) FOR VALUES IN ('apac');
CREATE TABLE orders_old PARTITION OF orders FOR VALUES IN ('old');
CREATE TABLE orders_us PARTITION OF orders (
  priority DEFAULT 10,
  notes NOT NULL,
  status DEFAULT NULL,
  placed_at DEFAULT NULL
) FOR VALUES IN ('us');
