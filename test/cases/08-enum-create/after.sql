CREATE TYPE ticket_priority AS ENUM ('low', 'normal', 'high', 'urgent');

CREATE TABLE tickets (
  id        integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title     text NOT NULL,
  priority  ticket_priority NOT NULL DEFAULT 'normal'
);
