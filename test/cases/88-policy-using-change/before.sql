DO $$ BEGIN CREATE ROLE c88_staff NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;

CREATE TABLE notes (id integer PRIMARY KEY, author text NOT NULL, shared boolean NOT NULL DEFAULT false, body text);
GRANT SELECT ON notes TO c88_staff;
ALTER TABLE notes ENABLE ROW LEVEL SECURITY;

CREATE POLICY notes_own ON notes FOR SELECT TO c88_staff USING (author = current_user);
INSERT INTO notes VALUES (1, 'c88_staff', false, 'mine'), (2, 'someone', true, 'shared'), (3, 'someone', false, 'private');
