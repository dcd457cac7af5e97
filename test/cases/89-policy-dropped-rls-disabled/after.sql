DO $$ BEGIN CREATE ROLE c89_app NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;

CREATE TABLE invoices (id integer PRIMARY KEY, org_id integer NOT NULL);
GRANT SELECT ON invoices TO c89_app;
