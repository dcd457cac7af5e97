CREATE TABLE change_log (table_name text NOT NULL, op text NOT NULL, tag text);
CREATE TABLE orders (id integer PRIMARY KEY, total integer NOT NULL);
CREATE FUNCTION log_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO change_log VALUES (TG_ARGV[0], TG_OP, TG_ARGV[1]);
  RETURN NULL;
END
$$;
CREATE TRIGGER orders_log AFTER INSERT OR UPDATE OR DELETE ON orders FOR EACH ROW EXECUTE FUNCTION log_change('orders', 'v2');
