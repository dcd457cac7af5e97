DO $$ BEGIN CREATE ROLE c89_app NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;

CREATE TABLE invoices (id integer PRIMARY KEY, org_id integer NOT NULL);
GRANT SELECT ON invoices TO c89_app;
CREATE POLICY invoices_org ON invoices TO c89_app
  USING (org_id = nullif(current_setting('app.current_org_id', true), '')::integer);
CREATE POLICY invoices_not_zero ON invoices AS RESTRICTIVE TO c89_app USING (org_id <> 0);
ALTER TABLE invoices ENABLE ROW LEVEL SECURITY;
ALTER TABLE invoices FORCE ROW LEVEL SECURITY;
INSERT INTO invoices VALUES (1, 1), (2, 2);
