CREATE EXTENSION citext;
CREATE EXTENSION pg_trgm;

CREATE TABLE tags (
  name   citext PRIMARY KEY,
  label  text NOT NULL
);

CREATE INDEX tags_label_trgm_idx ON tags USING gin (label gin_trgm_ops);

INSERT INTO tags VALUES ('Postgres', 'database'), ('YAML', 'format');
