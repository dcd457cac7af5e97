CREATE TABLE orders (
  id         serial PRIMARY KEY,
  reference  text NOT NULL
);

INSERT INTO orders (reference) VALUES ('A-1'), ('A-2'), ('A-3');
