DO $$ BEGIN CREATE ROLE c96_owner NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;

CREATE SCHEMA billing;
CREATE TYPE billing.plan AS ENUM ('free', 'pro');
CREATE SEQUENCE billing.invoice_no;
CREATE TABLE billing.subscriptions (id integer PRIMARY KEY, plan billing.plan NOT NULL DEFAULT 'free');
CREATE VIEW billing.pro_subscriptions AS SELECT id FROM billing.subscriptions WHERE plan = 'pro';
CREATE FUNCTION billing.price_of(p billing.plan) RETURNS integer LANGUAGE sql IMMUTABLE
  RETURN CASE p WHEN 'pro' THEN 10 ELSE 0 END;

ALTER SCHEMA billing OWNER TO c96_owner;
ALTER TYPE billing.plan OWNER TO c96_owner;
ALTER SEQUENCE billing.invoice_no OWNER TO c96_owner;
ALTER TABLE billing.subscriptions OWNER TO c96_owner;
ALTER VIEW billing.pro_subscriptions OWNER TO c96_owner;
ALTER FUNCTION billing.price_of(billing.plan) OWNER TO c96_owner;
