-- pgform plan
-- pgform-version: 0.1.0
-- source: sha256:bec1ce31b5a4a437
-- target: sha256:bec1ce31b5a4a437
-- managed-schemas: ["public"]
-- plan-hash: sha256:70052fc1306202389435eaf1eb38334d6a9eb0e6dd0a3351660197b5bd7b5818
-- no changes

SET lock_timeout = '5s';
SET statement_timeout = '1h';
SET check_function_bodies = off;
