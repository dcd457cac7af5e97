CREATE TYPE article_state AS ENUM ('draft', 'published');

CREATE TABLE articles (
  id     integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  state  article_state NOT NULL DEFAULT 'draft'
);

INSERT INTO articles (state) VALUES ('published'), ('draft');
