-- A libc collation dropped once its column moves to a new ICU one; a case-insensitive
-- (nondeterministic) collation with a comment.
CREATE COLLATION natural_order (provider = icu, locale = 'en-u-kn-true');
CREATE COLLATION case_insensitive (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
COMMENT ON COLLATION case_insensitive IS 'Compares letters without case';

CREATE TABLE products (
  id    integer PRIMARY KEY,
  code  text COLLATE natural_order,
  name  text COLLATE case_insensitive
);
