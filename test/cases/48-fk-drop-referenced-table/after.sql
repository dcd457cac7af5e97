CREATE TABLE books (
  id         integer PRIMARY KEY,
  title      text NOT NULL,
  author_id  integer
);
