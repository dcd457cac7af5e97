DO $$ BEGIN CREATE ROLE c90_app NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;

CREATE TABLE wallets (id integer PRIMARY KEY, owner_id integer NOT NULL, balance_cents integer NOT NULL DEFAULT 0);
GRANT SELECT ON wallets TO c90_app;
CREATE POLICY wallets_owner ON wallets TO c90_app
  USING (owner_id = nullif(current_setting('app.current_user_id', true), '')::integer);
ALTER TABLE wallets ENABLE ROW LEVEL SECURITY;
INSERT INTO wallets VALUES (1, 7, 100), (2, 8, 200);
