DO $$ BEGIN CREATE ROLE c98_app NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;

CREATE TABLE posts (id integer PRIMARY KEY, title text NOT NULL, slug text, author_id integer NOT NULL);
GRANT SELECT ON posts TO c98_app;
