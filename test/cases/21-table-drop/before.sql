CREATE TABLE customers (
  id    integer PRIMARY KEY,
  name  text NOT NULL
);

CREATE TABLE sessions (
  id          uuid PRIMARY KEY,
  started_at  timestamptz NOT NULL
);

INSERT INTO customers VALUES (1, 'Acme');
INSERT INTO sessions VALUES ('00000000-0000-0000-0000-000000000001', '2024-01-01 00:00:00+00');
