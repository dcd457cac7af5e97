CREATE TABLE users (
  id        integer PRIMARY KEY,
  username  varchar(200) NOT NULL,
  bio       text
);

CREATE UNIQUE INDEX users_username_key ON users (username);
