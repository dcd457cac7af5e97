CREATE TABLE authors (
  id    integer PRIMARY KEY,
  name  text NOT NULL
);

CREATE TABLE books (
  id         integer PRIMARY KEY,
  title      text NOT NULL,
  author_id  integer REFERENCES authors (id)
);

INSERT INTO authors VALUES (1, 'Ursula');
INSERT INTO books VALUES (1, 'Earthsea', 1), (2, 'Anonymous tales', NULL);
