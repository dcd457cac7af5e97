DO $$ BEGIN CREATE ROLE c87_app NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;

CREATE TABLE memberships (user_id integer NOT NULL, org_id integer NOT NULL, PRIMARY KEY (user_id, org_id));
CREATE TABLE projects (id integer PRIMARY KEY, org_id integer NOT NULL, name text NOT NULL);
GRANT SELECT ON projects TO c87_app;

INSERT INTO memberships VALUES (1, 10), (2, 20);
INSERT INTO projects VALUES (1, 10, 'alpha'), (2, 20, 'beta');
