CREATE TABLE readings (id integer PRIMARY KEY, value integer NOT NULL);
CREATE FUNCTION reject_negative() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.value < 0 THEN RAISE EXCEPTION 'negative reading'; END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER readings_check BEFORE INSERT ON readings FOR EACH ROW EXECUTE FUNCTION reject_negative();
CREATE TRIGGER readings_check_update BEFORE UPDATE ON readings FOR EACH ROW EXECUTE FUNCTION reject_negative();
