DO $$ BEGIN CREATE ROLE c98_app NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;

CREATE TABLE posts (id integer PRIMARY KEY, title text NOT NULL, slug text, author_id integer NOT NULL);
CREATE FUNCTION slugify(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT
  RETURN lower(regexp_replace(t, '[^a-zA-Z0-9]+', '-', 'g'));
CREATE FUNCTION set_slug() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.slug := slugify(NEW.title); RETURN NEW; END $$;
CREATE TRIGGER posts_slug BEFORE INSERT OR UPDATE OF title ON posts FOR EACH ROW EXECUTE FUNCTION set_slug();
CREATE VIEW post_slugs AS SELECT id, slugify(title) AS slug FROM posts;
CREATE FUNCTION current_author() RETURNS integer LANGUAGE sql STABLE
  RETURN nullif(current_setting('app.current_user_id', true), '')::integer;
GRANT SELECT ON posts TO c98_app;
CREATE POLICY posts_author ON posts TO c98_app USING (author_id = current_author());
ALTER TABLE posts ENABLE ROW LEVEL SECURITY;
INSERT INTO posts (id, title, author_id) VALUES (1, 'Hello World', 1);
