DO $$ BEGIN CREATE ROLE c92_support NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;

CREATE TABLE customers (id integer PRIMARY KEY, email text NOT NULL, card_last4 text, note text);
GRANT SELECT (id, email, note), UPDATE (note) ON customers TO c92_support;
