-- pgform plan
-- pgform-version: 0.1.0
-- source: sha256:2412dc31a8b73ba4
-- target: sha256:1155816fd83896cc
-- managed-schemas: ["public"]
-- plan-hash: sha256:11439f64d219d04c0d21f8d66dcbc1c677c13a76b4306e61685f969652d47b88
-- mode: online
-- steps: 7
--   revoke grant: 7
-- hazards: authz_change: 7

SET lock_timeout = '5s';
SET statement_timeout = '1h';
SET check_function_bodies = off;

-- transaction 1/1: steps 1-7
BEGIN;

-- step 1/7: revoke grant public.active_sessions_view from llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (revokes INSERT, UPDATE, DELETE on public.active_sessions_view from role llm_governance_app)
REVOKE INSERT, UPDATE, DELETE ON TABLE "public"."active_sessions_view" FROM "llm_governance_app";

-- step 2/7: revoke grant public.alert_summary_view from llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (revokes INSERT, UPDATE, DELETE on public.alert_summary_view from role llm_governance_app)
REVOKE INSERT, UPDATE, DELETE ON TABLE "public"."alert_summary_view" FROM "llm_governance_app";

-- step 3/7: revoke grant public.cost_summary_view from llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (revokes INSERT, UPDATE, DELETE on public.cost_summary_view from role llm_governance_app)
REVOKE INSERT, UPDATE, DELETE ON TABLE "public"."cost_summary_view" FROM "llm_governance_app";

-- step 4/7: revoke grant public.policy_compliance_view from llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (revokes INSERT, UPDATE, DELETE on public.policy_compliance_view from role llm_governance_app)
REVOKE INSERT, UPDATE, DELETE ON TABLE "public"."policy_compliance_view" FROM "llm_governance_app";

-- step 5/7: revoke grant public.team_hierarchy_view from llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (revokes INSERT, UPDATE, DELETE on public.team_hierarchy_view from role llm_governance_app)
REVOKE INSERT, UPDATE, DELETE ON TABLE "public"."team_hierarchy_view" FROM "llm_governance_app";

-- step 6/7: revoke grant public.user_activity_summary_view from llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (revokes INSERT, UPDATE, DELETE on public.user_activity_summary_view from role llm_governance_app)
REVOKE INSERT, UPDATE, DELETE ON TABLE "public"."user_activity_summary_view" FROM "llm_governance_app";

-- step 7/7: revoke grant public.user_permissions_view from llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (revokes INSERT, UPDATE, DELETE on public.user_permissions_view from role llm_governance_app)
REVOKE INSERT, UPDATE, DELETE ON TABLE "public"."user_permissions_view" FROM "llm_governance_app";

COMMIT; -- transaction 1/1
