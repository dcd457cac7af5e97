CREATE TABLE prices (id integer PRIMARY KEY, net_cents integer NOT NULL);
INSERT INTO prices VALUES (1, 1000);
CREATE FUNCTION gross_cents(net integer, rate numeric DEFAULT 0.2) RETURNS integer
  LANGUAGE plpgsql IMMUTABLE STRICT
AS $$
BEGIN
  RETURN round(net * (1 + rate));
END
$$;
COMMENT ON FUNCTION gross_cents(integer, numeric) IS 'Price with tax';
