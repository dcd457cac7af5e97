CREATE TYPE ticket_state AS ENUM ('open', 'closed');

-- No implicit cast from text to uuid or to an enum, nor from text to integer: the plan converts
-- through each type's input (USING col::type), under the view and the policy that use the columns.
CREATE TABLE tickets (
  id     integer PRIMARY KEY,
  ref    uuid NOT NULL,
  state  ticket_state NOT NULL DEFAULT 'open',
  prio   integer
);

CREATE VIEW open_tickets AS SELECT id, ref FROM tickets WHERE state::text = 'open';

ALTER TABLE tickets ENABLE ROW LEVEL SECURITY;
CREATE POLICY not_closed ON tickets USING (state::text <> 'closed');
