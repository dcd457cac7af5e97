CREATE TABLE accounts (id integer PRIMARY KEY, name text NOT NULL);

-- A domain over a table's row type, and a table using it.
CREATE DOMAIN account_row AS accounts;
CREATE TABLE account_snapshots (taken date NOT NULL, account account_row);

-- Result columns of the new table's row type: PostgreSQL resolves them when the function is
-- created, so the table must exist first.
CREATE FUNCTION latest_snapshots(n integer) RETURNS TABLE(snapshot account_snapshots, place integer)
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN QUERY SELECT s, (row_number() OVER (ORDER BY s.taken DESC))::integer FROM account_snapshots s LIMIT n;
END
$$;
