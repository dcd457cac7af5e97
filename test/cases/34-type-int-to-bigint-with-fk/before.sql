CREATE TABLE accounts (
  id    integer PRIMARY KEY,
  name  text NOT NULL
);

CREATE TABLE transfers (
  id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id    integer NOT NULL REFERENCES accounts (id),
  amount_cents  integer NOT NULL
);

CREATE INDEX transfers_account_id_idx ON transfers (account_id);

INSERT INTO accounts VALUES (1, 'Checking'), (2, 'Savings');
INSERT INTO transfers (account_id, amount_cents) VALUES (1, 1500), (2, -200), (1, 2147483647);
