-- pgform plan
-- pgform-version: 0.1.0
-- source: sha256:aee93e7d68628b0a
-- target: sha256:aee93e7d68628b0a
-- managed-schemas: ["public"]
-- plan-hash: sha256:818212cc972500173d4b3f761bf4db642d4e3e16610b502b9d5a4d83cc3e28f6
-- mode: online
-- no changes

SET lock_timeout = '5s';
SET statement_timeout = '1h';
SET check_function_bodies = off;
