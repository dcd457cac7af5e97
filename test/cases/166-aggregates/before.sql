CREATE FUNCTION num_add(numeric, numeric) RETURNS numeric
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT $1 + $2 $$;

CREATE FUNCTION concat_sep(text, text, text) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN $1 IS NULL THEN $2 ELSE $1 || $3 || $2 END $$;

CREATE AGGREGATE total(numeric) (SFUNC = num_add, STYPE = numeric, INITCOND = '0');

CREATE AGGREGATE joined(text, text) (SFUNC = concat_sep, STYPE = text);

CREATE TABLE amounts (id integer PRIMARY KEY, amount numeric NOT NULL);
INSERT INTO amounts VALUES (1, 1.5), (2, 2.5);
