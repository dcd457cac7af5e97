CREATE TABLE users (
  id            integer PRIMARY KEY,
  email         text NOT NULL,
  tenant_id     integer,
  external_ref  text,
  nickname      text,
  CONSTRAINT users_nickname_key UNIQUE (nickname)
);

INSERT INTO users VALUES
  (1, 'ann@example.com', 1, 'A-1', 'ann'),
  (2, 'bob@example.com', NULL, NULL, NULL),
  (3, 'cat@example.com', 1, NULL, NULL);
