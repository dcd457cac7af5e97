-- pgform plan
-- pgform-version: 0.1.0
-- source: sha256:1c20ac7c1f7fb6b3
-- target: sha256:1c20ac7c1f7fb6b3
-- managed-schemas: ["public"]
-- plan-hash: sha256:69e21d3bc9c30e36d23aacb8b7cc2f2c828a53e24c6c72a4edcfff3f4dcff59b
-- no changes

SET lock_timeout = '5s';
SET statement_timeout = '1h';
SET check_function_bodies = off;
