DO $$ BEGIN CREATE ROLE c173_app NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE c173_report NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;

-- PostgreSQL's default: USAGE for PUBLIC.
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TYPE pair AS (a integer, b integer);

-- Only the application may use the domain.
CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
REVOKE USAGE ON DOMAIN positive FROM PUBLIC;
GRANT USAGE ON DOMAIN positive TO c173_app;

CREATE TYPE status AS ENUM ('new', 'open', 'closed');
GRANT USAGE ON TYPE status TO c173_report WITH GRANT OPTION;

CREATE TYPE old_kind AS ENUM ('x');
REVOKE USAGE ON TYPE old_kind FROM PUBLIC;

CREATE TABLE tickets (id integer PRIMARY KEY, status status NOT NULL, score positive);
INSERT INTO tickets VALUES (1, 'new', 3), (2, 'closed', NULL);
