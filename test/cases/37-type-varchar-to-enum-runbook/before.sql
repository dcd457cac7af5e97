CREATE TABLE users (
  id     integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email  text NOT NULL UNIQUE,
  role   varchar(20) NOT NULL DEFAULT 'member',
  CONSTRAINT users_role_check CHECK (role IN ('admin', 'member', 'guest'))
);

INSERT INTO users (email, role) VALUES
  ('ann@example.com', 'admin'),
  ('bob@example.com', 'member'),
  ('cat@example.com', 'guest'),
  ('dan@example.com', 'member');
