CREATE TABLE items (
  id    integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name  text NOT NULL
);

INSERT INTO items (name) VALUES ('a'), ('b');
