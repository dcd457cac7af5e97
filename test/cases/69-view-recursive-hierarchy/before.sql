CREATE TABLE categories (
  id integer PRIMARY KEY,
  parent_id integer REFERENCES categories (id),
  name text NOT NULL
);
INSERT INTO categories VALUES (1, NULL, 'Home'), (2, 1, 'Kitchen'), (3, 2, 'Knives'), (4, NULL, 'Garden');
