-- Declared as a DBA writes it: the new identity key first, a new column in the middle, the
-- generated column replaced in place. A table that exists keeps its order; new columns come last.
CREATE TABLE people (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name        text NOT NULL,
  email       text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  name_key    text GENERATED ALWAYS AS (upper(name)) STORED
);
