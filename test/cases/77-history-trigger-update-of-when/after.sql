CREATE TABLE parcels (id integer PRIMARY KEY, label text NOT NULL, weight numeric(8,2) NOT NULL);
CREATE TABLE parcel_weight_history (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  parcel_id integer NOT NULL REFERENCES parcels (id),
  old_weight numeric(8,2),
  new_weight numeric(8,2),
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE FUNCTION record_weight_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO parcel_weight_history (parcel_id, old_weight, new_weight) VALUES (OLD.id, OLD.weight, NEW.weight);
  RETURN NULL;
END
$$;
CREATE TRIGGER parcels_weight_history
  AFTER UPDATE OF weight ON parcels
  FOR EACH ROW
  WHEN (OLD.weight IS DISTINCT FROM NEW.weight)
  EXECUTE FUNCTION record_weight_change();
COMMENT ON TRIGGER parcels_weight_history ON parcels IS 'Keeps every weight a parcel had';
