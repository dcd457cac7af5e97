CREATE TABLE sessions (
  id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_name  text NOT NULL
);

INSERT INTO sessions (user_name) VALUES ('ann'), ('bob'), ('cat');
