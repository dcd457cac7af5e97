DO $$ BEGIN CREATE ROLE c173_app NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE c173_report NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;

-- Withdrawn from PUBLIC, given to the application.
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
REVOKE USAGE ON TYPE mood FROM PUBLIC;
GRANT USAGE ON TYPE mood TO c173_app;

CREATE TYPE pair AS (a integer, b integer);

-- Back to the default.
CREATE DOMAIN positive AS integer CHECK (VALUE > 0);

-- A label removed: the type is rebuilt, and the new one gets these privileges again.
CREATE TYPE status AS ENUM ('new', 'closed');
REVOKE USAGE ON TYPE status FROM PUBLIC;
GRANT USAGE ON TYPE status TO c173_report;

-- A new type that only reports may use.
CREATE TYPE level AS ENUM ('low', 'high');
REVOKE USAGE ON TYPE level FROM PUBLIC;
GRANT USAGE ON TYPE level TO c173_report;

CREATE TABLE tickets (id integer PRIMARY KEY, status status NOT NULL, score positive);
