DO $$ BEGIN CREATE ROLE c99_app NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;

CREATE TABLE orders (id integer PRIMARY KEY, region text NOT NULL, cancelled boolean NOT NULL DEFAULT false);
GRANT SELECT ON orders TO c99_app;
CREATE POLICY orders_region ON orders FOR ALL TO c99_app USING (region = 'eu');
CREATE POLICY orders_active ON orders FOR ALL TO c99_app USING (NOT cancelled);
ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
INSERT INTO orders VALUES (1, 'eu', false), (2, 'eu', true), (3, 'us', false);
