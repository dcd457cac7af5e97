CREATE TABLE tickets (id integer PRIMARY KEY, title text NOT NULL, secret_note text, closed boolean NOT NULL DEFAULT false);
CREATE VIEW open_tickets AS SELECT id, title FROM tickets WHERE NOT closed;
CREATE VIEW open_ticket_titles AS SELECT title FROM open_tickets;
