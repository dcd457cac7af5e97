CREATE TYPE article_state AS ENUM ('draft', 'in_review', 'published', 'archived');

CREATE TABLE articles (
  id     integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  state  article_state NOT NULL DEFAULT 'draft'
);
