CREATE TABLE tickets (
  id       integer NOT NULL PRIMARY KEY,
  subject  text NOT NULL
);

INSERT INTO tickets VALUES (1, 'Login broken'), (2, 'Slow page');
