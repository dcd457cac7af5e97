DO $$ BEGIN CREATE ROLE c82_app NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;

CREATE TABLE secrets (id integer PRIMARY KEY, token text NOT NULL);
INSERT INTO secrets VALUES (1, 'abc123');
GRANT SELECT ON secrets TO c82_app;
