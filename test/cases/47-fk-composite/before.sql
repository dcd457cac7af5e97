CREATE TABLE projects (
  tenant_id  integer NOT NULL,
  id         integer NOT NULL,
  name       text NOT NULL,
  PRIMARY KEY (tenant_id, id)
);

CREATE TABLE tasks (
  tenant_id   integer NOT NULL,
  id          integer NOT NULL,
  project_id  integer,
  title       text NOT NULL,
  PRIMARY KEY (tenant_id, id)
);

INSERT INTO projects VALUES (1, 1, 'Apollo'), (2, 1, 'Gemini');
INSERT INTO tasks VALUES (1, 1, 1, 'Launch'), (2, 1, 1, 'Orbit'), (2, 2, NULL, 'Idea');
