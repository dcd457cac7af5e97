CREATE TABLE prices (id integer PRIMARY KEY, net_cents integer NOT NULL);
CREATE FUNCTION gross_cents(net integer, rate numeric DEFAULT 0.2) RETURNS integer
  LANGUAGE plpgsql IMMUTABLE STRICT
AS $$
BEGIN
  IF net < 0 THEN
    RAISE EXCEPTION 'negative price %', net;
  END IF;
  RETURN ceil(net * (1 + rate));
END
$$;
COMMENT ON FUNCTION gross_cents(integer, numeric) IS 'Price with tax, rounded up';
