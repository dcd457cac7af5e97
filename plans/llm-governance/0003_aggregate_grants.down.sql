-- pgform plan
-- pgform-version: 0.1.0
-- source: sha256:2412dc31a8b73ba4
-- target: sha256:4b1345553bc78d4e
-- managed-schemas: ["public"]
-- plan-hash: sha256:1cd0c61576610dd18c2d6d3eaaa5620e64b866c2bfd533e5fefeafa6fc5dfdc9
-- mode: online
-- steps: 4
--   revoke grant: 4
-- hazards: authz_change: 4

SET lock_timeout = '5s';
SET statement_timeout = '1h';
SET check_function_bodies = off;

-- transaction 1/1: steps 1-4
BEGIN;

-- step 1/4: revoke grant public.llm_metrics_daily from llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (revokes SELECT on public.llm_metrics_daily from role llm_governance_app)
REVOKE SELECT ON TABLE "public"."llm_metrics_daily" FROM "llm_governance_app";

-- step 2/4: revoke grant public.llm_metrics_daily from llm_governance_readonly
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (revokes SELECT on public.llm_metrics_daily from role llm_governance_readonly)
REVOKE SELECT ON TABLE "public"."llm_metrics_daily" FROM "llm_governance_readonly";

-- step 3/4: revoke grant public.llm_metrics_hourly from llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (revokes SELECT on public.llm_metrics_hourly from role llm_governance_app)
REVOKE SELECT ON TABLE "public"."llm_metrics_hourly" FROM "llm_governance_app";

-- step 4/4: revoke grant public.llm_metrics_hourly from llm_governance_readonly
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (revokes SELECT on public.llm_metrics_hourly from role llm_governance_readonly)
REVOKE SELECT ON TABLE "public"."llm_metrics_hourly" FROM "llm_governance_readonly";

COMMIT; -- transaction 1/1
