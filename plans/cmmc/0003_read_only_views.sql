-- pgform plan
-- pgform-version: 0.1.0
-- source: sha256:879b9903d55d5cff
-- target: sha256:aee93e7d68628b0a
-- managed-schemas: ["public"]
-- plan-hash: sha256:550bca8d156add03ede513fdcf5efe11ce6f95feaea8ae7be5dcd40c70f9c534
-- mode: online
-- steps: 4
--   revoke grant: 4
-- hazards: authz_change: 4

SET lock_timeout = '5s';
SET statement_timeout = '1h';
SET check_function_bodies = off;

-- transaction 1/1: steps 1-4
BEGIN;

-- step 1/4: revoke grant public.assessment_stats from cmmc_user
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (revokes INSERT, UPDATE, DELETE on public.assessment_stats from role cmmc_user)
REVOKE INSERT, UPDATE, DELETE ON TABLE "public"."assessment_stats" FROM "cmmc_user";

-- step 2/4: revoke grant public.assessment_summary from cmmc_user
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (revokes INSERT, UPDATE, DELETE on public.assessment_summary from role cmmc_user)
REVOKE INSERT, UPDATE, DELETE ON TABLE "public"."assessment_summary" FROM "cmmc_user";

-- step 3/4: revoke grant public.audit_logs from cmmc_user
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (revokes UPDATE, DELETE on public.audit_logs from role cmmc_user)
REVOKE UPDATE, DELETE ON TABLE "public"."audit_logs" FROM "cmmc_user";

-- step 4/4: revoke grant public.open_poam_items from cmmc_user
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (revokes INSERT, UPDATE, DELETE on public.open_poam_items from role cmmc_user)
REVOKE INSERT, UPDATE, DELETE ON TABLE "public"."open_poam_items" FROM "cmmc_user";

COMMIT; -- transaction 1/1
