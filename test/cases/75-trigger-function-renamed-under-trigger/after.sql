CREATE TABLE accounts (id integer PRIMARY KEY, email text NOT NULL);
CREATE FUNCTION normalize_account() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.email := lower(trim(NEW.email));
  RETURN NEW;
END
$$;
CREATE TRIGGER accounts_normalize BEFORE INSERT OR UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION normalize_account();
