CREATE TABLE tenants (id integer PRIMARY KEY);
CREATE TABLE documents (
  id bigint NOT NULL,
  region text NOT NULL,
  body text
) PARTITION BY LIST (region);
CREATE TABLE documents_eu PARTITION OF documents FOR VALUES IN ('eu', 'uk');
CREATE TABLE documents_us PARTITION OF documents FOR VALUES IN ('us');
CREATE TABLE documents_other PARTITION OF documents DEFAULT;
CREATE TABLE sessions (
  id bigint NOT NULL,
  tenant_id integer NOT NULL REFERENCES tenants (id),
  token text NOT NULL,
  UNIQUE (tenant_id, id)
) PARTITION BY HASH (tenant_id);
CREATE TABLE sessions_p0 PARTITION OF sessions FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE sessions_p1 PARTITION OF sessions FOR VALUES WITH (MODULUS 2, REMAINDER 1);
