CREATE TABLE countries (
  id        integer PRIMARY KEY,
  iso_code  char(2) NOT NULL,
  name      text NOT NULL
);

CREATE TABLE addresses (
  id            integer PRIMARY KEY,
  street        text NOT NULL,
  country_code  char(2) NOT NULL
);

INSERT INTO countries VALUES (1, 'DE', 'Germany'), (2, 'FR', 'France');
INSERT INTO addresses VALUES (1, 'Unter den Linden 1', 'DE'), (2, 'Rue de Rivoli 1', 'FR');
