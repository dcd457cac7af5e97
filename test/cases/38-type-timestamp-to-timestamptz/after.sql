CREATE TABLE events (
  id           integer PRIMARY KEY,
  name         text NOT NULL,
  occurred_at  timestamptz NOT NULL DEFAULT now()
);
