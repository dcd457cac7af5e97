-- pgform plan
-- pgform-version: 0.1.0
-- source: sha256:e67c22a75bf3bfc5
-- target: sha256:1c20ac7c1f7fb6b3
-- managed-schemas: ["public"]
-- plan-hash: sha256:3da67b7549e5785c05bf6e3aaff991510d70c38988c2f7b92da780f5021f5bbf
-- steps: 4
--   revoke grant: 4
-- hazards: authz_change: 4

SET lock_timeout = '5s';
SET statement_timeout = '1h';
SET check_function_bodies = off;

-- step 1/4: revoke grant public.llm_metrics_daily from llm_governance_app
--   transactional: yes
--   hazards: authz_change (revokes SELECT on public.llm_metrics_daily from role llm_governance_app)
REVOKE SELECT ON TABLE "public"."llm_metrics_daily" FROM "llm_governance_app";

-- step 2/4: revoke grant public.llm_metrics_daily from llm_governance_readonly
--   transactional: yes
--   hazards: authz_change (revokes SELECT on public.llm_metrics_daily from role llm_governance_readonly)
REVOKE SELECT ON TABLE "public"."llm_metrics_daily" FROM "llm_governance_readonly";

-- step 3/4: revoke grant public.llm_metrics_hourly from llm_governance_app
--   transactional: yes
--   hazards: authz_change (revokes SELECT on public.llm_metrics_hourly from role llm_governance_app)
REVOKE SELECT ON TABLE "public"."llm_metrics_hourly" FROM "llm_governance_app";

-- step 4/4: revoke grant public.llm_metrics_hourly from llm_governance_readonly
--   transactional: yes
--   hazards: authz_change (revokes SELECT on public.llm_metrics_hourly from role llm_governance_readonly)
REVOKE SELECT ON TABLE "public"."llm_metrics_hourly" FROM "llm_governance_readonly";
