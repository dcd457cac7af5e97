CREATE TABLE accounts (id integer PRIMARY KEY, email text NOT NULL);
CREATE FUNCTION lowercase_email() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.email := lower(NEW.email);
  RETURN NEW;
END
$$;
CREATE TRIGGER accounts_normalize BEFORE INSERT OR UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION lowercase_email();
INSERT INTO accounts VALUES (1, 'Ann@Example.COM');
