-- events stops being partitioned; its 2026 partition stays as a table of its own.
CREATE TABLE events (
  id bigint NOT NULL,
  at date NOT NULL,
  note text,
  source text
);
CREATE INDEX events_at_idx ON events (at);
CREATE TABLE events_2026 (
  id bigint NOT NULL,
  at date NOT NULL,
  note text
);
