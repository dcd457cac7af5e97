-- pgform plan
-- pgform-version: 0.1.0
-- source: sha256:4b1345553bc78d4e
-- target: sha256:4b1345553bc78d4e
-- managed-schemas: ["public"]
-- plan-hash: sha256:033ce0254046a591ca9006e1afab0c262d94790770827a0e9383c5b7e9340030
-- mode: online
-- no changes

SET lock_timeout = '5s';
SET statement_timeout = '1h';
SET check_function_bodies = off;
