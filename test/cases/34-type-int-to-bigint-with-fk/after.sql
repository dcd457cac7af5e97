CREATE TABLE accounts (
  id    bigint PRIMARY KEY,
  name  text NOT NULL
);

CREATE TABLE transfers (
  id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id    bigint NOT NULL REFERENCES accounts (id),
  amount_cents  bigint NOT NULL
);

CREATE INDEX transfers_account_id_idx ON transfers (account_id);
