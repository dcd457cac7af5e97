CREATE TABLE counters (
  id        integer PRIMARY KEY,
  name      text NOT NULL,
  hits      bigint NOT NULL DEFAULT 0
);

CREATE INDEX counters_name_idx ON counters (name) WITH (fillfactor = 70);
