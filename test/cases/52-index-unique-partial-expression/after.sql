CREATE TABLE users (
  id          integer PRIMARY KEY,
  email       text NOT NULL,
  username    text NOT NULL,
  deleted_at  timestamptz
);

CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));
CREATE UNIQUE INDEX users_username_active_key ON users (username) WHERE deleted_at IS NULL;
CREATE INDEX users_deleted_at_idx ON users (deleted_at) WHERE deleted_at IS NOT NULL;
