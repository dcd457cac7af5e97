CREATE TABLE users (
  id     integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email  text NOT NULL
);

INSERT INTO users (email) VALUES ('Alice@Example.com'), ('bob@example.com');
