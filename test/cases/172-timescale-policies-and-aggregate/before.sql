CREATE EXTENSION IF NOT EXISTS timescaledb;

CREATE TABLE readings (at timestamptz NOT NULL, device text NOT NULL, value double precision);
SELECT create_hypertable('readings', 'at', chunk_time_interval => interval '1 day');
ALTER TABLE readings SET (timescaledb.compress, timescaledb.compress_segmentby = 'device', timescaledb.compress_orderby = 'at DESC');
SELECT add_compression_policy('readings', interval '7 days');
SELECT add_retention_policy('readings', interval '90 days');
-- Recent rows: the server's background jobs run the policies while the case runs.
INSERT INTO readings VALUES (now() - interval '2 hours', 'a', 1.5), (now() - interval '1 hour', 'b', 2.5);
