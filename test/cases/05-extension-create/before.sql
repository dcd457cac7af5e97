CREATE TABLE api_keys (
  id     integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  label  text NOT NULL
);

INSERT INTO api_keys (label) VALUES ('ci'), ('deploy');
