CREATE TYPE pair AS (a integer, b text);

CREATE TABLE things (
  id  integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  p   pair
);

INSERT INTO things (p) VALUES (ROW(1, 'x')), (ROW(2, 'y'));
