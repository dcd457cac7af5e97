CREATE TABLE people (
  name        text NOT NULL,
  legacy      text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  name_key    text GENERATED ALWAYS AS (lower(name)) STORED
);

INSERT INTO people (name, legacy) VALUES ('Ada', 'x'), ('Grace', NULL);
