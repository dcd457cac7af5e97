CREATE TABLE accounts (
  id      integer NOT NULL,
  code    text NOT NULL,
  region  text NOT NULL,
  CONSTRAINT accounts_pkey PRIMARY KEY (id),
  CONSTRAINT accounts_code_key UNIQUE NULLS NOT DISTINCT (code)
);
CREATE UNIQUE INDEX accounts_region_code_idx ON accounts (region, code) WITH (fillfactor = 80);
CREATE INDEX accounts_region_idx ON accounts (region, id);

CREATE TABLE invoices (
  id          integer NOT NULL,
  account_id  integer NOT NULL REFERENCES accounts (id),
  code        text NOT NULL REFERENCES accounts (code),
  region      text NOT NULL,
  CONSTRAINT invoices_region_code_fkey FOREIGN KEY (region, code) REFERENCES accounts (region, code),
  CONSTRAINT invoices_pkey PRIMARY KEY (id) DEFERRABLE
);
