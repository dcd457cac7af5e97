CREATE EXTENSION btree_gist;

CREATE TABLE reservations (
  id       integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  room_id  integer NOT NULL,
  during   tstzrange NOT NULL,
  CONSTRAINT reservations_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&)
);
