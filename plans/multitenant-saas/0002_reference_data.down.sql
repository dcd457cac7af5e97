-- pgform plan
-- pgform-version: 0.1.0
-- source: sha256:5718de5830680e39
-- target: sha256:5718de5830680e39
-- managed-schemas: ["public"]
-- plan-hash: sha256:646b99e0ad28a5e56a200df5a57a31a6848b2f5073c8f87c53f57915fd572a2a
-- no changes

SET lock_timeout = '5s';
SET statement_timeout = '1h';
SET check_function_bodies = off;
