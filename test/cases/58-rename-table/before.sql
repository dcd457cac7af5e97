CREATE TABLE clients (
  id     integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name   text NOT NULL,
  email  text
);

INSERT INTO clients (name, email) VALUES ('Acme', 'hq@acme.test'), ('Globex', NULL);
