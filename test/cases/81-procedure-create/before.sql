CREATE TABLE jobs (id integer PRIMARY KEY, finished boolean NOT NULL DEFAULT false, archived boolean NOT NULL DEFAULT false);
INSERT INTO jobs VALUES (1, true, false), (2, false, false), (3, true, false);
