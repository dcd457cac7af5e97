-- pgform plan
-- pgform-version: 0.1.0
-- source: sha256:aee93e7d68628b0a
-- target: sha256:879b9903d55d5cff
-- managed-schemas: ["public"]
-- plan-hash: sha256:28b3ad6be5b9faef691d8f8c7a92c2aa7a0cfab8de842489b2c1a114f2aec2c2
-- mode: online
-- steps: 4
--   grant grant: 4
-- hazards: authz_change: 4

SET lock_timeout = '5s';
SET statement_timeout = '1h';
SET check_function_bodies = off;

-- transaction 1/1: steps 1-4
BEGIN;

-- step 1/4: grant grant public.assessment_stats to cmmc_user
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants INSERT, UPDATE, DELETE on public.assessment_stats to role cmmc_user)
GRANT INSERT, UPDATE, DELETE ON TABLE "public"."assessment_stats" TO "cmmc_user";

-- step 2/4: grant grant public.assessment_summary to cmmc_user
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants INSERT, UPDATE, DELETE on public.assessment_summary to role cmmc_user)
GRANT INSERT, UPDATE, DELETE ON TABLE "public"."assessment_summary" TO "cmmc_user";

-- step 3/4: grant grant public.audit_logs to cmmc_user
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants UPDATE, DELETE on public.audit_logs to role cmmc_user)
GRANT UPDATE, DELETE ON TABLE "public"."audit_logs" TO "cmmc_user";

-- step 4/4: grant grant public.open_poam_items to cmmc_user
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants INSERT, UPDATE, DELETE on public.open_poam_items to role cmmc_user)
GRANT INSERT, UPDATE, DELETE ON TABLE "public"."open_poam_items" TO "cmmc_user";

COMMIT; -- transaction 1/1
