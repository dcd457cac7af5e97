CREATE TABLE contacts (
  id     integer PRIMARY KEY,
  email  text,
  phone  text NOT NULL
);

INSERT INTO contacts VALUES (1, 'a@example.com', '555-0101'), (2, 'b@example.com', '555-0102');
