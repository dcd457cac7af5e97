CREATE TYPE risk_level AS ENUM ('low', 'medium', 'high');

CREATE TABLE findings (
  id    integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  risk  risk_level NOT NULL
);
