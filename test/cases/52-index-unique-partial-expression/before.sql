CREATE TABLE users (
  id          integer PRIMARY KEY,
  email       text NOT NULL,
  username    text NOT NULL,
  deleted_at  timestamptz
);

INSERT INTO users VALUES
  (1, 'Ann@example.com', 'ann', NULL),
  (2, 'bob@example.com', 'bob', NULL),
  (3, 'old@example.com', 'ann', '2023-01-01 00:00:00+00');
