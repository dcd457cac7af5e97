CREATE SCHEMA legacy;

CREATE TABLE legacy.audit_log (
  id       bigint PRIMARY KEY,
  message  text NOT NULL
);

CREATE TABLE accounts (
  id    integer PRIMARY KEY,
  name  text NOT NULL
);

INSERT INTO legacy.audit_log VALUES (1, 'created'), (2, 'updated');
INSERT INTO accounts VALUES (1, 'Acme');
