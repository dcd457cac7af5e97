CREATE TABLE users (
  id        integer PRIMARY KEY,
  username  varchar(50) NOT NULL,
  bio       varchar(500)
);

CREATE UNIQUE INDEX users_username_key ON users (username);

INSERT INTO users VALUES (1, 'ada', 'Mathematician'), (2, 'grace', NULL);
