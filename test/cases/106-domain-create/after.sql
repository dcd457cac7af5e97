CREATE DOMAIN posint AS integer DEFAULT 1 NOT NULL CONSTRAINT posint_check CHECK (VALUE > 0);
COMMENT ON DOMAIN posint IS 'a positive integer';

CREATE DOMAIN short_code AS varchar(8) COLLATE "C" CHECK (VALUE ~ '^[A-Z]+$');

CREATE FUNCTION double_it(x posint) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT x * 2';

CREATE TABLE items (
  id        integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name      text NOT NULL,
  quantity  posint,
  code      short_code
);
