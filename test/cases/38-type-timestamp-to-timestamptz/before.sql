CREATE TABLE events (
  id           integer PRIMARY KEY,
  name         text NOT NULL,
  occurred_at  timestamp NOT NULL DEFAULT now()
);

INSERT INTO events VALUES
  (1, 'deploy', '2024-03-01 12:00:00'),
  (2, 'rollback', '2024-03-01 23:30:15');
