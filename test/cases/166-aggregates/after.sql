-- An aggregate changed (combine and moving-aggregate functions, PARALLEL SAFE) and commented,
-- another dropped, a new one with an EXECUTE grant taken from PUBLIC.
CREATE FUNCTION num_add(numeric, numeric) RETURNS numeric
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT $1 + $2 $$;

CREATE FUNCTION num_sub(numeric, numeric) RETURNS numeric
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT $1 - $2 $$;

CREATE FUNCTION concat_sep(text, text, text) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN $1 IS NULL THEN $2 ELSE $1 || $3 || $2 END $$;

CREATE AGGREGATE total(numeric) (
  SFUNC = num_add, STYPE = numeric, COMBINEFUNC = num_add, INITCOND = '0',
  MSFUNC = num_add, MINVFUNC = num_sub, MSTYPE = numeric, MINITCOND = '0', PARALLEL = SAFE
);
COMMENT ON AGGREGATE total(numeric) IS 'Sum that starts at zero';

CREATE AGGREGATE largest(integer) (SFUNC = int4larger, STYPE = integer, SORTOP = >);
REVOKE EXECUTE ON FUNCTION largest(integer) FROM PUBLIC;

CREATE TABLE amounts (id integer PRIMARY KEY, amount numeric NOT NULL);
