CREATE FUNCTION area(side integer) RETURNS integer LANGUAGE sql IMMUTABLE RETURN side * side;
CREATE FUNCTION area(width integer, height integer) RETURNS integer LANGUAGE sql IMMUTABLE RETURN width * height;
