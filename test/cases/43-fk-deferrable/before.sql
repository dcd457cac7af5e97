CREATE TABLE parents (
  id  integer PRIMARY KEY
);

CREATE TABLE children (
  id         integer PRIMARY KEY,
  parent_id  integer NOT NULL,
  CONSTRAINT children_parent_fk FOREIGN KEY (parent_id) REFERENCES parents (id)
);

CREATE TABLE toys (
  id        integer PRIMARY KEY,
  child_id  integer NOT NULL
);
