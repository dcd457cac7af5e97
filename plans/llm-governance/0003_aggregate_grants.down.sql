-- pgform plan
-- pgform-version: 0.1.0
-- source: sha256:e67c22a75bf3bfc5
-- target: sha256:1c20ac7c1f7fb6b3
-- managed-schemas: ["public"]
-- plan-hash: sha256:c72d9502954eff3231ea64ceaf9f0ed67aec7fc57c156908f755000a9c3ab6b4
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
