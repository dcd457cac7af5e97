CREATE TABLE invoices (id integer PRIMARY KEY, total_cents bigint NOT NULL, paid boolean NOT NULL DEFAULT false);
