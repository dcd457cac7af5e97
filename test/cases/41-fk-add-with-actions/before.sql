CREATE TABLE authors (
  id    integer PRIMARY KEY,
  name  text NOT NULL
);

CREATE TABLE books (
  id         integer PRIMARY KEY,
  title      text NOT NULL,
  author_id  integer NOT NULL,
  editor_id  integer
);

INSERT INTO authors VALUES (1, 'Ursula'), (2, 'Terry');
INSERT INTO books VALUES (1, 'Earthsea', 1, 2), (2, 'Mort', 2, NULL);
