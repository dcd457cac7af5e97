CREATE TABLE line_items (id integer PRIMARY KEY, qty integer NOT NULL, unit_cents integer NOT NULL);
CREATE FUNCTION line_total(qty integer, unit_cents integer) RETURNS bigint
  LANGUAGE sql IMMUTABLE
  RETURN qty::bigint * unit_cents;
CREATE VIEW line_totals AS SELECT id, line_total(qty, unit_cents) AS total FROM line_items;
