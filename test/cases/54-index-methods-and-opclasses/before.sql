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
