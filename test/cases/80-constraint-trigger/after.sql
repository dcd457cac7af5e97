CREATE TABLE shipments (id integer PRIMARY KEY, total_weight integer NOT NULL DEFAULT 0);
CREATE TABLE shipment_items (id integer PRIMARY KEY, shipment_id integer NOT NULL REFERENCES shipments (id), weight integer NOT NULL);
CREATE FUNCTION check_shipment_weight() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT coalesce(sum(weight), 0) FROM shipment_items WHERE shipment_id = NEW.shipment_id) >
     (SELECT total_weight FROM shipments WHERE id = NEW.shipment_id) THEN
    RAISE EXCEPTION 'shipment % is over its declared weight', NEW.shipment_id;
  END IF;
  RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER shipment_items_weight
  AFTER INSERT OR UPDATE ON shipment_items
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION check_shipment_weight();
