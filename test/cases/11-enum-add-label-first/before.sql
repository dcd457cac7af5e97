CREATE TYPE shirt_size AS ENUM ('medium', 'large');

CREATE TABLE shirts (
  sku   text PRIMARY KEY,
  size  shirt_size NOT NULL
);

INSERT INTO shirts VALUES ('T-1', 'large'), ('T-2', 'medium');
