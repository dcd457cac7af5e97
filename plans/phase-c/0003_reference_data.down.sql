-- pgform plan
-- pgform-version: 0.1.0
-- source: sha256:bec1ce31b5a4a437
-- target: sha256:bec1ce31b5a4a437
-- managed-schemas: ["public"]
-- plan-hash: sha256:96c2b6316d2492540b58d958ede9d1c40e6dccbbea4f5d20b0c7ad28e7105f5b
-- mode: online
-- no changes

SET lock_timeout = '5s';
SET statement_timeout = '1h';
SET check_function_bodies = off;
