CREATE SCHEMA catalog;

CREATE TYPE catalog.material AS ENUM ('wood', 'metal', 'plastic');

CREATE TABLE catalog.items (
  id         integer PRIMARY KEY,
  name       text NOT NULL,
  materials  catalog.material[] NOT NULL DEFAULT '{}'
);
