CREATE TABLE documents (id integer PRIMARY KEY, owner_name text NOT NULL, public boolean NOT NULL DEFAULT false, body text);
CREATE VIEW public_documents AS SELECT id, owner_name, public, body FROM documents WHERE public;
CREATE VIEW document_owners AS SELECT DISTINCT owner_name FROM documents;
INSERT INTO documents VALUES (1, 'ann', true, 'hello'), (2, 'bob', false, 'secret');
