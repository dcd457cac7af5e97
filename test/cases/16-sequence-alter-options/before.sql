CREATE SEQUENCE ticket_seq;
SELECT setval('ticket_seq', 42);
