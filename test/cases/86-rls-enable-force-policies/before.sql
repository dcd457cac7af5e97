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

INSERT INTO memberships VALUES (1, 10), (2, 20);
INSERT INTO org_docs VALUES (1, 10, 'acme plan', false), (2, 10, 'acme old plan', true), (3, 20, 'globex plan', false);
