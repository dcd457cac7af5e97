CREATE TABLE usage_logs (
  id bigint NOT NULL,
  created_at date NOT NULL,
  tokens integer NOT NULL
) PARTITION BY RANGE (created_at);
CREATE INDEX usage_logs_created_idx ON usage_logs (created_at);
CREATE TABLE usage_logs_2026_01 PARTITION OF usage_logs FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
INSERT INTO usage_logs VALUES (1, '2026-01-05', 10), (2, '2026-01-20', 20);
