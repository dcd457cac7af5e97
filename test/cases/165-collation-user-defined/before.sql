CREATE COLLATION posix_order (provider = libc, locale = 'POSIX');

CREATE TABLE products (
  id    integer PRIMARY KEY,
  code  text COLLATE posix_order,
  name  text
);

INSERT INTO products VALUES (1, 'a10', 'Bolt'), (2, 'a9', 'nut');
