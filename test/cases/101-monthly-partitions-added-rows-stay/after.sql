CREATE TABLE usage_logs (
  id bigint NOT NULL,
  created_at date NOT NULL,
  tokens integer NOT NULL
) PARTITION BY RANGE (created_at);
CREATE INDEX usage_logs_created_idx ON usage_logs (created_at);
CREATE TABLE usage_logs_2026_01 PARTITION OF usage_logs FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
CREATE TABLE usage_logs_2026_02 PARTITION OF usage_logs FOR VALUES FROM ('2026-02-01') TO ('2026-03-01');
CREATE TABLE usage_logs_2026_03 PARTITION OF usage_logs FOR VALUES FROM ('2026-03-01') TO ('2026-04-01');
