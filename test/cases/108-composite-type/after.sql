CREATE TYPE pair AS (a integer, c boolean);

CREATE TYPE point3 AS (x double precision, y double precision, z double precision);
COMMENT ON TYPE point3 IS 'a point in space';

CREATE TABLE things (
  id      integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  p       pair,
  origin  point3
);
