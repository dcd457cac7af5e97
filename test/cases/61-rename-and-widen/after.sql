CREATE TABLE measurements (
  id        integer PRIMARY KEY,
  value_mw  bigint NOT NULL
);
