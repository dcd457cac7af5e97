CREATE FUNCTION area(side integer) RETURNS integer LANGUAGE sql IMMUTABLE RETURN side * side;
CREATE FUNCTION area(width integer, height integer) RETURNS integer LANGUAGE sql IMMUTABLE RETURN abs(width * height);
CREATE FUNCTION area(radius double precision) RETURNS double precision LANGUAGE sql IMMUTABLE RETURN pi() * radius * radius;
COMMENT ON FUNCTION area(double precision) IS 'Area of a circle';
