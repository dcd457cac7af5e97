CREATE SEQUENCE ticket_seq;
CREATE FUNCTION next_ticket_code(prefix text DEFAULT 'T') RETURNS text
  LANGUAGE sql VOLATILE
  RETURN prefix || '-' || lpad(nextval('ticket_seq')::text, 4, '0');
CREATE TABLE tickets (id integer PRIMARY KEY, code text NOT NULL DEFAULT next_ticket_code());
