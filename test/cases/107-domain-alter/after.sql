CREATE DOMAIN posint AS integer DEFAULT 1 NOT NULL
  CONSTRAINT posint_check CHECK (VALUE > 0)
  CONSTRAINT posint_small CHECK (VALUE < 1000);
CREATE DOMAIN label AS text CONSTRAINT label_len CHECK (length(VALUE) < 50);

CREATE TABLE items (
  id   integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  qty  posint,
  tag  label
);
