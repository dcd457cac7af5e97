-- Storage parameters (the TOAST table's too), per-column STORAGE and COMPRESSION, and a table
-- turned from UNLOGGED to LOGGED (a rewrite) next to a new UNLOGGED one.
CREATE TABLE events (
  id      integer PRIMARY KEY,
  payload text COMPRESSION pglz,
  doc     jsonb,
  amount  numeric
) WITH (fillfactor = 70, toast.autovacuum_enabled = false);
ALTER TABLE events ALTER COLUMN doc SET STORAGE EXTERNAL;

CREATE TABLE cache_entries (
  key   text PRIMARY KEY,
  value text
);

CREATE UNLOGGED TABLE sessions (
  id   integer PRIMARY KEY,
  data text
) WITH (autovacuum_vacuum_scale_factor = 0.05);
ALTER TABLE sessions ALTER COLUMN data SET STORAGE MAIN;

CREATE TABLE counters (
  id integer PRIMARY KEY,
  n  integer
) WITH (fillfactor = 90);

CREATE MATERIALIZED VIEW counter_totals WITH (fillfactor = 90, autovacuum_enabled = false) AS SELECT sum(n) AS total FROM counters;
