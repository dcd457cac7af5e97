CREATE TABLE accounts (
  id       integer PRIMARY KEY,
  name     text NOT NULL,
  balance  numeric NOT NULL DEFAULT 0
);

INSERT INTO accounts VALUES (1, 'Ada', 5), (2, 'Grace', 0);
