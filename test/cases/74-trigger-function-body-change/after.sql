CREATE TABLE notes (id integer PRIMARY KEY, body text NOT NULL, updated_at timestamptz, revision integer NOT NULL DEFAULT 0);
CREATE FUNCTION touch_note() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  NEW.revision := OLD.revision + 1;
  RETURN NEW;
END
$$;
CREATE TRIGGER notes_touch BEFORE UPDATE ON notes FOR EACH ROW EXECUTE FUNCTION touch_note();
