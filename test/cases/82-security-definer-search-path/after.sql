DO $$ BEGIN CREATE ROLE c82_app NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;

CREATE TABLE secrets (id integer PRIMARY KEY, token text NOT NULL);
CREATE FUNCTION token_matches(secret_id integer, candidate text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$ SELECT EXISTS (SELECT 1 FROM secrets WHERE id = secret_id AND token = candidate) $$;
REVOKE EXECUTE ON FUNCTION token_matches(integer, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION token_matches(integer, text) TO c82_app;
