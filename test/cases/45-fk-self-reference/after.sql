CREATE TABLE categories (
  id         integer PRIMARY KEY,
  name       text NOT NULL,
  parent_id  integer REFERENCES categories (id) ON DELETE CASCADE
);

CREATE TABLE comments (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  body       text NOT NULL,
  reply_to   bigint REFERENCES comments (id)
);
