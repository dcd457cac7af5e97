CREATE TABLE measurements (
  id       integer PRIMARY KEY,
  reading  integer NOT NULL
);

INSERT INTO measurements VALUES (1, 2000000000), (2, -5);
