CREATE TABLE countries (
  id        integer PRIMARY KEY,
  iso_code  char(2) NOT NULL UNIQUE,
  name      text NOT NULL
);

CREATE TABLE addresses (
  id            integer PRIMARY KEY,
  street        text NOT NULL,
  country_code  char(2) NOT NULL REFERENCES countries (iso_code)
);
