CREATE TABLE authors (
  id    integer PRIMARY KEY,
  name  text NOT NULL
);

CREATE TABLE books (
  id         integer PRIMARY KEY,
  title      text NOT NULL,
  author_id  integer NOT NULL REFERENCES authors (id) ON DELETE CASCADE ON UPDATE CASCADE,
  editor_id  integer REFERENCES authors (id) ON DELETE SET NULL
);
