CREATE TABLE customers (
  id              integer PRIMARY KEY,
  name            text NOT NULL,
  phone           varchar(30),
  loyalty_points  integer NOT NULL DEFAULT 0
);
