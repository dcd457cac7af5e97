-- pgform plan
-- pgform-version: 0.1.0
-- source: sha256:1155816fd83896cc
-- target: sha256:2412dc31a8b73ba4
-- managed-schemas: ["public"]
-- plan-hash: sha256:d7e758737a4efd5d3b8fbcbda9de4c165a3e1b765e5d1bed13a1915648584fc0
-- mode: online
-- steps: 7
--   grant grant: 7
-- hazards: authz_change: 7

SET lock_timeout = '5s';
SET statement_timeout = '1h';
SET check_function_bodies = off;

-- transaction 1/1: steps 1-7
BEGIN;

-- step 1/7: grant grant public.active_sessions_view to llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants INSERT, UPDATE, DELETE on public.active_sessions_view to role llm_governance_app)
GRANT INSERT, UPDATE, DELETE ON TABLE "public"."active_sessions_view" TO "llm_governance_app";

-- step 2/7: grant grant public.alert_summary_view to llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants INSERT, UPDATE, DELETE on public.alert_summary_view to role llm_governance_app)
GRANT INSERT, UPDATE, DELETE ON TABLE "public"."alert_summary_view" TO "llm_governance_app";

-- step 3/7: grant grant public.cost_summary_view to llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants INSERT, UPDATE, DELETE on public.cost_summary_view to role llm_governance_app)
GRANT INSERT, UPDATE, DELETE ON TABLE "public"."cost_summary_view" TO "llm_governance_app";

-- step 4/7: grant grant public.policy_compliance_view to llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants INSERT, UPDATE, DELETE on public.policy_compliance_view to role llm_governance_app)
GRANT INSERT, UPDATE, DELETE ON TABLE "public"."policy_compliance_view" TO "llm_governance_app";

-- step 5/7: grant grant public.team_hierarchy_view to llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants INSERT, UPDATE, DELETE on public.team_hierarchy_view to role llm_governance_app)
GRANT INSERT, UPDATE, DELETE ON TABLE "public"."team_hierarchy_view" TO "llm_governance_app";

-- step 6/7: grant grant public.user_activity_summary_view to llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants INSERT, UPDATE, DELETE on public.user_activity_summary_view to role llm_governance_app)
GRANT INSERT, UPDATE, DELETE ON TABLE "public"."user_activity_summary_view" TO "llm_governance_app";

-- step 7/7: grant grant public.user_permissions_view to llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants INSERT, UPDATE, DELETE on public.user_permissions_view to role llm_governance_app)
GRANT INSERT, UPDATE, DELETE ON TABLE "public"."user_permissions_view" TO "llm_governance_app";

COMMIT; -- transaction 1/1
