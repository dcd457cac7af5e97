CREATE TABLE categories (
  id         integer PRIMARY KEY,
  name       text NOT NULL,
  parent_id  integer
);

INSERT INTO categories VALUES (1, 'Books', NULL), (2, 'Fiction', 1), (3, 'Fantasy', 2);
