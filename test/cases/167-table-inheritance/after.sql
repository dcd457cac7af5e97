-- A column added to the parent reaches its children; a child gains a column of its own and a
-- check, and a key on an inherited column; a new child is created and an old one dropped.
CREATE TABLE events (
  id         integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  source     text,
  CONSTRAINT events_id_positive CHECK (id > 0)
);

CREATE TABLE click_events (
  url      text,
  referrer text,
  CONSTRAINT click_events_url_present CHECK (url IS NOT NULL),
  CONSTRAINT click_events_id_key UNIQUE (id)
) INHERITS (events);

CREATE TABLE view_events (
  page text
) INHERITS (events);
