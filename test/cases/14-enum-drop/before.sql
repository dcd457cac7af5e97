CREATE TYPE legacy_flag AS ENUM ('on', 'off');
CREATE TYPE colour AS ENUM ('red', 'green');

CREATE TABLE widgets (
  id    integer PRIMARY KEY,
  name  text NOT NULL,
  flag  legacy_flag
);

INSERT INTO widgets VALUES (1, 'gear', 'on');
