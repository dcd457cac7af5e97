-- pgform plan
-- pgform-version: 0.1.0
-- source: sha256:c4610cd0f5a6fba7
-- target: sha256:c4610cd0f5a6fba7
-- managed-schemas: ["public"]
-- plan-hash: sha256:cbb720d47b916adc54049941940a51d4352dd3af57ccd4b785f0cdd337128413
-- no changes

SET lock_timeout = '5s';
SET statement_timeout = '1h';
SET check_function_bodies = off;
