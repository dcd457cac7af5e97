-- pgform plan
-- pgform-version: 0.1.0
-- source: sha256:c4610cd0f5a6fba7
-- target: sha256:c4610cd0f5a6fba7
-- managed-schemas: ["public"]
-- plan-hash: sha256:fc7881af44934b8b6a29d2ce98ff5796952c9c96abeaeaa713dc7f610ac6df38
-- no changes

SET lock_timeout = '5s';
SET statement_timeout = '1h';
SET check_function_bodies = off;
