CREATE TYPE risk_level AS ENUM ('low', 'high');

CREATE TABLE findings (
  id    integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  risk  risk_level NOT NULL
);

INSERT INTO findings (risk) VALUES ('high'), ('low');
