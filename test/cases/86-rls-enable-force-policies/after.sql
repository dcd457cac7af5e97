DO $$ BEGIN CREATE ROLE c86_app NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;

CREATE TABLE memberships (user_id integer NOT NULL, org_id integer NOT NULL, PRIMARY KEY (user_id, org_id));
CREATE TABLE org_docs (
  id integer PRIMARY KEY,
  org_id integer NOT NULL,
  title text NOT NULL,
  archived boolean NOT NULL DEFAULT false
);
GRANT SELECT ON memberships TO c86_app;
GRANT SELECT, INSERT, UPDATE ON org_docs TO c86_app;

CREATE POLICY org_docs_member ON org_docs AS PERMISSIVE FOR ALL TO c86_app
  USING (org_id IN (SELECT m.org_id FROM memberships m
                     WHERE m.user_id = nullif(current_setting('app.current_user_id', true), '')::integer))
  WITH CHECK (org_id IN (SELECT m.org_id FROM memberships m
                          WHERE m.user_id = nullif(current_setting('app.current_user_id', true), '')::integer));
CREATE POLICY org_docs_hide_archived ON org_docs AS RESTRICTIVE FOR SELECT TO c86_app
  USING (NOT archived);
ALTER TABLE org_docs ENABLE ROW LEVEL SECURITY;
ALTER TABLE org_docs FORCE ROW LEVEL SECURITY;
