CREATE TABLE invoices (id integer PRIMARY KEY, total_cents bigint NOT NULL, paid boolean NOT NULL DEFAULT false);
CREATE VIEW unpaid_invoices AS SELECT id, total_cents FROM invoices WHERE NOT paid;
CREATE VIEW unpaid_total AS SELECT sum(total_cents) AS total_cents FROM unpaid_invoices;
INSERT INTO invoices VALUES (1, 100, false), (2, 250, true);
