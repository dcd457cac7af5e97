CREATE TABLE accounts (
  id       integer PRIMARY KEY,
  name     text NOT NULL,
  balance  numeric NOT NULL DEFAULT 0
);

-- Objects over the row types of a table and of a view: each needs the relation first, and goes
-- before it when dropped.
CREATE DOMAIN solvent_account AS accounts CHECK ((VALUE).balance >= 0);

CREATE FUNCTION account_label(a accounts) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$ SELECT a.name || ' #' || a.id $$;

CREATE VIEW account_labels AS SELECT id, account_label(accounts) AS label FROM accounts;

CREATE FUNCTION labels_from(min_id integer) RETURNS SETOF account_labels
  LANGUAGE sql STABLE AS $$ SELECT * FROM account_labels WHERE id >= min_id ORDER BY id $$;
