CREATE TABLE users (id integer PRIMARY KEY);
CREATE TABLE orders (
  id bigint NOT NULL,
  user_id integer NOT NULL,
  placed_on date NOT NULL,
  total numeric(12,2) NOT NULL,
  updated_at timestamptz,
  CONSTRAINT orders_id_placed_on_key UNIQUE (id, placed_on),
  CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id)
) PARTITION BY RANGE (placed_on);
CREATE INDEX orders_user_idx ON orders (user_id);
CREATE TABLE orders_2026 PARTITION OF orders FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE TABLE orders_2027 PARTITION OF orders FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := '2026-06-01 00:00:00+00'; RETURN NEW; END $$;
CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION touch();
