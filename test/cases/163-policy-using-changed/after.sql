CREATE TABLE notes (
  id         integer PRIMARY KEY,
  tenant_id  integer NOT NULL,
  body       text NOT NULL
);

ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
-- Only the USING clause changes: one ALTER POLICY, and the next plan is empty.
CREATE POLICY tenant_notes ON notes USING (tenant_id = 2);
