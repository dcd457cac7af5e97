CREATE TABLE events (
  id bigint NOT NULL,
  at timestamp NOT NULL,
  kind text NOT NULL
) PARTITION BY RANGE (at);
CREATE TABLE events_2026_01 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
