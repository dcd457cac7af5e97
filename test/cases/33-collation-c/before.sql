CREATE TABLE files (
  id    integer PRIMARY KEY,
  path  text NOT NULL,
  name  text
);

CREATE INDEX files_path_idx ON files (path);

INSERT INTO files VALUES (1, '/b', 'b'), (2, '/a', 'a'), (3, '/B', 'B');
