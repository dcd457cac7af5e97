CREATE TYPE account_status AS ENUM ('active', 'suspended', 'banned', 'deleted');

CREATE TABLE accounts (
  id      integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  status  account_status NOT NULL DEFAULT 'active'
);

INSERT INTO accounts (status) VALUES ('active'), ('deleted'), ('suspended');
