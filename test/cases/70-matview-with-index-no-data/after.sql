CREATE TABLE page_views (id bigint PRIMARY KEY, path text NOT NULL, viewed_at timestamptz NOT NULL DEFAULT now());
CREATE MATERIALIZED VIEW page_view_counts AS
  SELECT path, count(*) AS views FROM page_views GROUP BY path
  WITH NO DATA;
CREATE UNIQUE INDEX page_view_counts_path_idx ON page_view_counts (path);
CREATE INDEX page_view_counts_views_idx ON page_view_counts (views DESC);
COMMENT ON MATERIALIZED VIEW page_view_counts IS 'Refreshed nightly';
