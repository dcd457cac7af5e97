CREATE TYPE account_status AS ENUM ('active', 'suspended', 'deleted');

CREATE TABLE accounts (
  id      integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  status  account_status NOT NULL DEFAULT 'active'
);
