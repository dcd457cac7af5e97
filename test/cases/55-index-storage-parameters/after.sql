CREATE TABLE counters (
  id        integer PRIMARY KEY,
  name      text NOT NULL,
  hits      bigint NOT NULL DEFAULT 0
);

CREATE INDEX counters_name_idx ON counters (name) WITH (fillfactor = 90);
CREATE INDEX counters_hits_idx ON counters (hits) WITH (fillfactor = 50, deduplicate_items = off);
