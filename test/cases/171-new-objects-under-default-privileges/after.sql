DO $$ BEGIN CREATE ROLE c171_reader NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE c171_writer NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;

ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO c171_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE ON TABLES TO c171_writer;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO c171_reader;

CREATE TABLE notes (id integer PRIMARY KEY, body text);

-- New objects that must not keep everything the default privileges give them.
CREATE TABLE salaries (id integer PRIMARY KEY, amount numeric NOT NULL);
REVOKE SELECT ON salaries FROM c171_reader;
REVOKE INSERT, UPDATE ON salaries FROM c171_writer;

CREATE VIEW note_titles AS SELECT id, left(body, 20) AS title FROM notes;
REVOKE INSERT, UPDATE ON note_titles FROM c171_writer;

CREATE FUNCTION salary_total() RETURNS numeric LANGUAGE sql STABLE AS $$ SELECT sum(amount) FROM salaries $$;
REVOKE EXECUTE ON FUNCTION salary_total() FROM c171_reader;
