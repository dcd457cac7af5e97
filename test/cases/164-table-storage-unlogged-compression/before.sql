CREATE TABLE events (
  id      integer PRIMARY KEY,
  payload text,
  doc     jsonb,
  amount  numeric
);
ALTER TABLE events ALTER COLUMN amount SET STORAGE EXTERNAL;

CREATE UNLOGGED TABLE cache_entries (
  key   text PRIMARY KEY,
  value text
);

CREATE TABLE counters (
  id integer PRIMARY KEY,
  n  integer
) WITH (fillfactor = 80, autovacuum_enabled = false);

INSERT INTO events VALUES (1, 'a', '{"x": 1}', 1.5), (2, 'b', '{"y": 2}', 2.5);
INSERT INTO cache_entries VALUES ('k1', 'v1'), ('k2', 'v2');
INSERT INTO counters VALUES (1, 10);

CREATE MATERIALIZED VIEW counter_totals WITH (fillfactor = 80) AS SELECT sum(n) AS total FROM counters;
