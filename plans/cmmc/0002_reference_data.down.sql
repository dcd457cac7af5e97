-- pgform plan
-- pgform-version: 0.1.0
-- source: sha256:879b9903d55d5cff
-- target: sha256:879b9903d55d5cff
-- managed-schemas: ["public"]
-- plan-hash: sha256:d559103f4ffe956483af88292a07af7e0aa43557239acc27d13544baf85ecb09
-- no changes

SET lock_timeout = '5s';
SET statement_timeout = '1h';
SET check_function_bodies = off;
