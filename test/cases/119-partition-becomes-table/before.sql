CREATE TABLE measurements (
  id bigint NOT NULL,
  day date NOT NULL,
  value numeric DEFAULT 0 CHECK (value >= 0)
) PARTITION BY RANGE (day);
CREATE TABLE measurements_2026_01 PARTITION OF measurements FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
CREATE TABLE measurements_2026_02 PARTITION OF measurements FOR VALUES FROM ('2026-02-01') TO ('2026-03-01');
INSERT INTO measurements VALUES (1, '2026-01-05', 1), (2, '2026-02-05', 2);
