DO $$ BEGIN CREATE ROLE c92_support NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;

CREATE TABLE customers (id integer PRIMARY KEY, email text NOT NULL, card_last4 text, note text);
INSERT INTO customers VALUES (1, 'a@example.com', '4242', NULL);
GRANT SELECT (id, email, card_last4) ON customers TO c92_support;
