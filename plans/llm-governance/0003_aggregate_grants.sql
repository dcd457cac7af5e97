-- pgform plan
-- pgform-version: 0.1.0
-- source: sha256:1c20ac7c1f7fb6b3
-- target: sha256:e67c22a75bf3bfc5
-- managed-schemas: ["public"]
-- plan-hash: sha256:c2a8ae79f4983911e4a848c7c7cb4624fae455253b8ee9efd649af2a32bd6694
-- steps: 4
--   grant grant: 4
-- hazards: authz_change: 4

SET lock_timeout = '5s';
SET statement_timeout = '1h';
SET check_function_bodies = off;

-- step 1/4: grant grant public.llm_metrics_daily to llm_governance_app
--   transactional: yes
--   hazards: authz_change (grants SELECT on public.llm_metrics_daily to role llm_governance_app)
GRANT SELECT ON TABLE "public"."llm_metrics_daily" TO "llm_governance_app";

-- step 2/4: grant grant public.llm_metrics_daily to llm_governance_readonly
--   transactional: yes
--   hazards: authz_change (grants SELECT on public.llm_metrics_daily to role llm_governance_readonly)
GRANT SELECT ON TABLE "public"."llm_metrics_daily" TO "llm_governance_readonly";

-- step 3/4: grant grant public.llm_metrics_hourly to llm_governance_app
--   transactional: yes
--   hazards: authz_change (grants SELECT on public.llm_metrics_hourly to role llm_governance_app)
GRANT SELECT ON TABLE "public"."llm_metrics_hourly" TO "llm_governance_app";

-- step 4/4: grant grant public.llm_metrics_hourly to llm_governance_readonly
--   transactional: yes
--   hazards: authz_change (grants SELECT on public.llm_metrics_hourly to role llm_governance_readonly)
GRANT SELECT ON TABLE "public"."llm_metrics_hourly" TO "llm_governance_readonly";
