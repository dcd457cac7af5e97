CREATE TABLE files (
  id        integer PRIMARY KEY,
  path      text COLLATE "C" NOT NULL,
  name      text,
  sort_key  text COLLATE "C"
);

CREATE INDEX files_path_idx ON files (path);
