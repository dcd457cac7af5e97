CREATE FUNCTION is_valid_sku(sku text) RETURNS boolean LANGUAGE sql IMMUTABLE
  RETURN sku ~ '^[A-Z]{3}-[0-9]{4}$';
CREATE TABLE items (id integer PRIMARY KEY, sku varchar(8) NOT NULL, CONSTRAINT items_sku_check CHECK (is_valid_sku(sku)));
