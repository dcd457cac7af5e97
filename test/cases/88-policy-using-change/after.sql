DO $$ BEGIN CREATE ROLE c88_staff NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;

CREATE TABLE notes (id integer PRIMARY KEY, author text NOT NULL, shared boolean NOT NULL DEFAULT false, body text);
GRANT SELECT ON notes TO c88_staff;
ALTER TABLE notes ENABLE ROW LEVEL SECURITY;

CREATE POLICY notes_own ON notes FOR SELECT TO c88_staff, PUBLIC USING (author = current_user OR shared);
