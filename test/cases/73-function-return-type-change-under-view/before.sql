CREATE TABLE line_items (id integer PRIMARY KEY, qty integer NOT NULL, unit_cents integer NOT NULL);
INSERT INTO line_items VALUES (1, 3, 1000000000);
CREATE FUNCTION line_total(qty integer, unit_cents integer) RETURNS integer
  LANGUAGE sql IMMUTABLE
  RETURN qty * unit_cents;
CREATE VIEW line_totals AS SELECT id, line_total(qty, unit_cents) AS total FROM line_items;
