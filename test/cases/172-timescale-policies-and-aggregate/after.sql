CREATE EXTENSION IF NOT EXISTS timescaledb;

CREATE TABLE readings (at timestamptz NOT NULL, device text NOT NULL, value double precision);
SELECT create_hypertable('readings', 'at', chunk_time_interval => interval '1 day');
ALTER TABLE readings SET (timescaledb.compress, timescaledb.compress_segmentby = 'device', timescaledb.compress_orderby = 'at DESC');
-- Policies changed: compress later, keep longer.
SELECT add_compression_policy('readings', interval '14 days');
SELECT add_retention_policy('readings', interval '180 days');

-- A continuous aggregate with its refresh policy.
CREATE MATERIALIZED VIEW readings_daily WITH (timescaledb.continuous) AS
  SELECT time_bucket('1 day', at) AS day, device, avg(value) AS avg_value FROM readings GROUP BY 1, 2
  WITH NO DATA;
SELECT add_continuous_aggregate_policy('readings_daily', start_offset => interval '3 days', end_offset => interval '1 hour', schedule_interval => interval '1 hour');
