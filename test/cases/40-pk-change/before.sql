CREATE TABLE memberships (
  id        integer NOT NULL,
  user_id   integer NOT NULL,
  group_id  integer NOT NULL,
  CONSTRAINT memberships_pkey PRIMARY KEY (id)
);

INSERT INTO memberships VALUES (1, 10, 100), (2, 10, 200), (3, 20, 100);
