CREATE TABLE users (
  id         integer PRIMARY KEY,
  full_name  text NOT NULL,
  mail       text,
  CONSTRAINT users_mail_check CHECK (mail LIKE '%@%')
);

CREATE INDEX users_mail_idx ON users (mail);

INSERT INTO users VALUES (1, 'Ada Lovelace', 'ada@example.com'), (2, 'Alan Turing', NULL);
