CREATE TABLE measurements (
  id bigint NOT NULL,
  day date NOT NULL,
  value numeric DEFAULT 0 CHECK (value >= 0),
  note text
) PARTITION BY RANGE (day);
CREATE TABLE measurements_2026_01 PARTITION OF measurements FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
-- February leaves the parent as a table of its own, without the parent's new column.
CREATE TABLE measurements_2026_02 (
  id bigint NOT NULL,
  day date NOT NULL,
  value numeric DEFAULT 0 CHECK (value >= 0)
);
CREATE INDEX measurements_2026_02_day_idx ON measurements_2026_02 (day);
