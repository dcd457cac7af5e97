CREATE TABLE users (
  id            integer PRIMARY KEY,
  email         text NOT NULL UNIQUE,
  tenant_id     integer,
  external_ref  text,
  nickname      text,
  CONSTRAINT users_tenant_ref_key UNIQUE NULLS NOT DISTINCT (tenant_id, external_ref)
);
