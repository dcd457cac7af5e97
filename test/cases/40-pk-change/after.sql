CREATE TABLE memberships (
  id        integer NOT NULL,
  user_id   integer NOT NULL,
  group_id  integer NOT NULL,
  CONSTRAINT memberships_pkey PRIMARY KEY (user_id, group_id),
  CONSTRAINT memberships_id_key UNIQUE (id)
);
