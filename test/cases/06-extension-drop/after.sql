CREATE EXTENSION citext;

CREATE TABLE tags (
  name   citext PRIMARY KEY,
  label  text NOT NULL
);
