CREATE SEQUENCE ticket_seq;
CREATE TABLE tickets (id integer PRIMARY KEY, code text NOT NULL);
INSERT INTO tickets VALUES (1, 'T-0001');
