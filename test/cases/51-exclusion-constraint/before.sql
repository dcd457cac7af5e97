CREATE TABLE reservations (
  id       integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  room_id  integer NOT NULL,
  during   tstzrange NOT NULL
);

INSERT INTO reservations (room_id, during) VALUES
  (1, '[2024-05-01 10:00+00,2024-05-01 11:00+00)'),
  (1, '[2024-05-01 11:00+00,2024-05-01 12:00+00)'),
  (2, '[2024-05-01 10:00+00,2024-05-01 12:00+00)');
