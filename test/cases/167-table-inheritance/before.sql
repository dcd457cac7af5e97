CREATE TABLE events (
  id         integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT events_id_positive CHECK (id > 0)
);

CREATE TABLE click_events (
  url text
) INHERITS (events);

CREATE TABLE old_events (
  note text
) INHERITS (events);

INSERT INTO click_events (id, url) VALUES (1, 'https://example.com');
