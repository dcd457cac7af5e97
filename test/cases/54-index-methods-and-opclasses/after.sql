CREATE EXTENSION pg_trgm;

CREATE TABLE documents (
  id            integer PRIMARY KEY,
  title         text NOT NULL,
  slug          text NOT NULL,
  body          jsonb NOT NULL DEFAULT '{}',
  tags          text[] NOT NULL DEFAULT '{}',
  visible       tstzrange,
  checksum      text,
  published_at  timestamptz
);

CREATE INDEX documents_body_idx ON documents USING gin (body jsonb_path_ops);
CREATE INDEX documents_tags_idx ON documents USING gin (tags);
CREATE INDEX documents_title_trgm_idx ON documents USING gin (title gin_trgm_ops);
CREATE INDEX documents_visible_idx ON documents USING gist (visible);
CREATE INDEX documents_checksum_idx ON documents USING hash (checksum);
CREATE INDEX documents_published_idx ON documents USING brin (published_at) WITH (pages_per_range = 32);
CREATE INDEX documents_slug_prefix_idx ON documents (slug text_pattern_ops);
