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
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT tasks_project_fk FOREIGN KEY (tenant_id, project_id)
    REFERENCES projects (tenant_id, id) MATCH SIMPLE ON DELETE CASCADE
);

CREATE INDEX tasks_project_idx ON tasks (tenant_id, project_id);
