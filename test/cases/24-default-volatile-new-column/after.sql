CREATE TABLE sessions (
  id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_name  text NOT NULL,
  token      uuid NOT NULL DEFAULT gen_random_uuid()
);
