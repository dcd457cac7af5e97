CREATE DOMAIN posint AS integer CONSTRAINT posint_check CHECK (VALUE > 0);
CREATE DOMAIN label AS text DEFAULT 'x' NOT NULL CONSTRAINT label_len CHECK (length(VALUE) < 100);

CREATE TABLE items (
  id   integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  qty  posint,
  tag  label
);

INSERT INTO items (qty, tag) VALUES (1, 'a'), (5, 'bb');
