CREATE TYPE shirt_size AS ENUM ('small', 'medium', 'large');

CREATE TABLE shirts (
  sku   text PRIMARY KEY,
  size  shirt_size NOT NULL
);
