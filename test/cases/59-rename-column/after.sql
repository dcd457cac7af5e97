CREATE TABLE users (
  id            integer PRIMARY KEY,
  display_name  text NOT NULL,
  email         text,
  CONSTRAINT users_mail_check CHECK (email LIKE '%@%')
);

CREATE INDEX users_mail_idx ON users (email);
