-- pgform plan
-- pgform-version: 0.1.0
-- source: sha256:4b1345553bc78d4e
-- target: sha256:2412dc31a8b73ba4
-- managed-schemas: ["public"]
-- plan-hash: sha256:6fc785fb2a72ee32ec71a6aea78c22018d75905a14dd5e40eba543431e3c7d48
-- mode: online
-- steps: 4
--   grant grant: 4
-- hazards: authz_change: 4

SET lock_timeout = '5s';
SET statement_timeout = '1h';
SET check_function_bodies = off;

-- transaction 1/1: steps 1-4
BEGIN;

-- step 1/4: grant grant public.llm_metrics_daily to llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT on public.llm_metrics_daily to role llm_governance_app)
GRANT SELECT ON TABLE "public"."llm_metrics_daily" TO "llm_governance_app";

-- step 2/4: grant grant public.llm_metrics_daily to llm_governance_readonly
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT on public.llm_metrics_daily to role llm_governance_readonly)
GRANT SELECT ON TABLE "public"."llm_metrics_daily" TO "llm_governance_readonly";

-- step 3/4: grant grant public.llm_metrics_hourly to llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT on public.llm_metrics_hourly to role llm_governance_app)
GRANT SELECT ON TABLE "public"."llm_metrics_hourly" TO "llm_governance_app";

-- step 4/4: grant grant public.llm_metrics_hourly to llm_governance_readonly
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT on public.llm_metrics_hourly to role llm_governance_readonly)
GRANT SELECT ON TABLE "public"."llm_metrics_hourly" TO "llm_governance_readonly";

COMMIT; -- transaction 1/1
