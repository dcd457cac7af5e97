CREATE TABLE documents (id integer PRIMARY KEY, owner_name text NOT NULL, public boolean NOT NULL DEFAULT false, body text);
CREATE VIEW public_documents WITH (security_barrier = true) AS
  SELECT id, owner_name, public, body FROM documents WHERE public
  WITH CASCADED CHECK OPTION;
CREATE VIEW document_owners WITH (security_invoker = true) AS SELECT DISTINCT owner_name FROM documents;
