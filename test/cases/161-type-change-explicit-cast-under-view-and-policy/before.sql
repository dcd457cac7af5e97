CREATE TYPE ticket_state AS ENUM ('open', 'closed');

CREATE TABLE tickets (
  id     integer PRIMARY KEY,
  ref    text NOT NULL,
  state  varchar(10) NOT NULL DEFAULT 'open',
  prio   text
);

CREATE VIEW open_tickets AS SELECT id, ref FROM tickets WHERE state::text = 'open';

ALTER TABLE tickets ENABLE ROW LEVEL SECURITY;
CREATE POLICY not_closed ON tickets USING (state::text <> 'closed');

INSERT INTO tickets VALUES
  (1, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'open', '2'),
  (2, 'b1ffcd88-8d1a-4ef8-bb6d-6bb9bd380a22', 'closed', NULL);
