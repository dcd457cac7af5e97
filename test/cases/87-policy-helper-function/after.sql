DO $$ BEGIN CREATE ROLE c87_app NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;

CREATE TABLE memberships (user_id integer NOT NULL, org_id integer NOT NULL, PRIMARY KEY (user_id, org_id));
CREATE TABLE projects (id integer PRIMARY KEY, org_id integer NOT NULL, name text NOT NULL);
GRANT SELECT ON projects TO c87_app;
CREATE FUNCTION is_member_of(org integer) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public, pg_temp
AS $$
  SELECT EXISTS (
    SELECT 1 FROM memberships
     WHERE org_id = org AND user_id = nullif(current_setting('app.current_user_id', true), '')::integer)
$$;
CREATE POLICY projects_member ON projects FOR SELECT TO c87_app USING (is_member_of(org_id));
ALTER TABLE projects ENABLE ROW LEVEL SECURITY;
