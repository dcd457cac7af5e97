CREATE EXTENSION pgcrypto;
CREATE EXTENSION "uuid-ossp";

CREATE TABLE api_keys (
  id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  label      text NOT NULL,
  public_id  uuid NOT NULL DEFAULT uuid_generate_v4(),
  salt       bytea NOT NULL DEFAULT gen_random_bytes(16)
);
