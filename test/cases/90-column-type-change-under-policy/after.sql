DO $$ BEGIN CREATE ROLE c90_app NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;

CREATE TABLE wallets (id integer PRIMARY KEY, owner_id bigint NOT NULL, balance_cents integer NOT NULL DEFAULT 0);
GRANT SELECT ON wallets TO c90_app;
CREATE POLICY wallets_owner ON wallets TO c90_app
  USING (owner_id = nullif(current_setting('app.current_user_id', true), '')::bigint);
ALTER TABLE wallets ENABLE ROW LEVEL SECURITY;
