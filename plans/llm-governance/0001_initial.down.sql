-- pgform plan
-- pgform-version: 0.1.0
-- source: sha256:1c20ac7c1f7fb6b3
-- target: sha256:89418c5f156c5ea7
-- managed-schemas: ["public"]
-- plan-hash: sha256:cee58aabe3c8bcec718b0e4a5055661855b7b54257703a51b3d794aa78b8b8e5
-- steps: 56
--   revoke grant: 2
--   drop view: 7
--   drop materialized_view: 2
--   drop constraint: 21
--   drop table: 15
--   drop function: 5
--   drop extension: 4
-- hazards: data_loss: 17, unchecked_dependency: 4, authz_change: 2

SET lock_timeout = '5s';
SET statement_timeout = '1h';
SET check_function_bodies = off;

-- step 1/56: revoke grant public from llm_governance_app
--   transactional: yes
--   hazards: authz_change (revokes USAGE on schema public from role llm_governance_app)
REVOKE USAGE ON SCHEMA "public" FROM "llm_governance_app";

-- step 2/56: revoke grant public from llm_governance_readonly
--   transactional: yes
--   hazards: authz_change (revokes USAGE on schema public from role llm_governance_readonly)
REVOKE USAGE ON SCHEMA "public" FROM "llm_governance_readonly";

-- step 3/56: drop view public.active_sessions_view
--   transactional: yes
--   hazards: none
DROP VIEW "public"."active_sessions_view";

-- step 4/56: drop view public.alert_summary_view
--   transactional: yes
--   hazards: none
DROP VIEW "public"."alert_summary_view";

-- step 5/56: drop view public.cost_summary_view
--   transactional: yes
--   hazards: none
DROP VIEW "public"."cost_summary_view";

-- step 6/56: drop view public.policy_compliance_view
--   transactional: yes
--   hazards: none
DROP VIEW "public"."policy_compliance_view";

-- step 7/56: drop view public.team_hierarchy_view
--   transactional: yes
--   hazards: none
DROP VIEW "public"."team_hierarchy_view";

-- step 8/56: drop view public.user_activity_summary_view
--   transactional: yes
--   hazards: none
DROP VIEW "public"."user_activity_summary_view";

-- step 9/56: drop view public.user_permissions_view
--   transactional: yes
--   hazards: none
DROP VIEW "public"."user_permissions_view";

-- step 10/56: drop materialized_view public.llm_metrics_daily
--   transactional: yes
--   hazards: data_loss (drops continuous aggregate public.llm_metrics_daily and its materialized rows (and its policies))
DROP MATERIALIZED VIEW "public"."llm_metrics_daily";

-- step 11/56: drop materialized_view public.llm_metrics_hourly
--   transactional: yes
--   hazards: data_loss (drops continuous aggregate public.llm_metrics_hourly and its materialized rows (and its policies))
DROP MATERIALIZED VIEW "public"."llm_metrics_hourly";

-- step 12/56: drop constraint public.alert_subscriptions.alert_subscriptions_team_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."alert_subscriptions" DROP CONSTRAINT "alert_subscriptions_team_id_fkey";

-- step 13/56: drop constraint public.alert_subscriptions.alert_subscriptions_user_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."alert_subscriptions" DROP CONSTRAINT "alert_subscriptions_user_id_fkey";

-- step 14/56: drop constraint public.alerts.alerts_acknowledged_by_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."alerts" DROP CONSTRAINT "alerts_acknowledged_by_fkey";

-- step 15/56: drop constraint public.alerts.alerts_policy_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."alerts" DROP CONSTRAINT "alerts_policy_id_fkey";

-- step 16/56: drop constraint public.alerts.alerts_resolved_by_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."alerts" DROP CONSTRAINT "alerts_resolved_by_fkey";

-- step 17/56: drop constraint public.alerts.alerts_team_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."alerts" DROP CONSTRAINT "alerts_team_id_fkey";

-- step 18/56: drop constraint public.alerts.alerts_user_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."alerts" DROP CONSTRAINT "alerts_user_id_fkey";

-- step 19/56: drop constraint public.api_keys.api_keys_user_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."api_keys" DROP CONSTRAINT "api_keys_user_id_fkey";

-- step 20/56: drop constraint public.mfa_secrets.mfa_secrets_user_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."mfa_secrets" DROP CONSTRAINT "mfa_secrets_user_id_fkey";

-- step 21/56: drop constraint public.policies.policies_created_by_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."policies" DROP CONSTRAINT "policies_created_by_fkey";

-- step 22/56: drop constraint public.policy_assignments.policy_assignments_assigned_by_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."policy_assignments" DROP CONSTRAINT "policy_assignments_assigned_by_fkey";

-- step 23/56: drop constraint public.policy_assignments.policy_assignments_policy_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."policy_assignments" DROP CONSTRAINT "policy_assignments_policy_id_fkey";

-- step 24/56: drop constraint public.policy_assignments.policy_assignments_team_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."policy_assignments" DROP CONSTRAINT "policy_assignments_team_id_fkey";

-- step 25/56: drop constraint public.policy_assignments.policy_assignments_user_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."policy_assignments" DROP CONSTRAINT "policy_assignments_user_id_fkey";

-- step 26/56: drop constraint public.sessions.sessions_user_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."sessions" DROP CONSTRAINT "sessions_user_id_fkey";

-- step 27/56: drop constraint public.team_members.team_members_team_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."team_members" DROP CONSTRAINT "team_members_team_id_fkey";

-- step 28/56: drop constraint public.team_members.team_members_user_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."team_members" DROP CONSTRAINT "team_members_user_id_fkey";

-- step 29/56: drop constraint public.teams.teams_manager_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."teams" DROP CONSTRAINT "teams_manager_id_fkey";

-- step 30/56: drop constraint public.user_roles.user_roles_granted_by_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."user_roles" DROP CONSTRAINT "user_roles_granted_by_fkey";

-- step 31/56: drop constraint public.user_roles.user_roles_role_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."user_roles" DROP CONSTRAINT "user_roles_role_id_fkey";

-- step 32/56: drop constraint public.user_roles.user_roles_user_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."user_roles" DROP CONSTRAINT "user_roles_user_id_fkey";

-- step 33/56: drop table public.alert_subscriptions
--   transactional: yes
--   hazards: data_loss (drops table public.alert_subscriptions and all its rows)
DROP TABLE "public"."alert_subscriptions";

-- step 34/56: drop table public.alerts
--   transactional: yes
--   hazards: data_loss (drops table public.alerts and all its rows)
DROP TABLE "public"."alerts";

-- step 35/56: drop table public.api_keys
--   transactional: yes
--   hazards: data_loss (drops table public.api_keys and all its rows)
DROP TABLE "public"."api_keys";

-- step 36/56: drop table public.audit_logs
--   transactional: yes
--   hazards: data_loss (drops table public.audit_logs and all its rows)
DROP TABLE "public"."audit_logs";

-- step 37/56: drop table public.llm_metrics
--   transactional: yes
--   hazards: data_loss (drops table public.llm_metrics and all its rows)
DROP TABLE "public"."llm_metrics";

-- step 38/56: drop table public.mfa_secrets
--   transactional: yes
--   hazards: data_loss (drops table public.mfa_secrets and all its rows)
DROP TABLE "public"."mfa_secrets";

-- step 39/56: drop table public.policies
--   transactional: yes
--   hazards: data_loss (drops table public.policies and all its rows)
DROP TABLE "public"."policies";

-- step 40/56: drop table public.policy_assignments
--   transactional: yes
--   hazards: data_loss (drops table public.policy_assignments and all its rows)
DROP TABLE "public"."policy_assignments";

-- step 41/56: drop table public.roles
--   transactional: yes
--   hazards: data_loss (drops table public.roles and all its rows)
DROP TABLE "public"."roles";

-- step 42/56: drop table public.sessions
--   transactional: yes
--   hazards: data_loss (drops table public.sessions and all its rows)
DROP TABLE "public"."sessions";

-- step 43/56: drop table public.system_metrics
--   transactional: yes
--   hazards: data_loss (drops table public.system_metrics and all its rows)
DROP TABLE "public"."system_metrics";

-- step 44/56: drop table public.team_members
--   transactional: yes
--   hazards: data_loss (drops table public.team_members and all its rows)
DROP TABLE "public"."team_members";

-- step 45/56: drop table public.teams
--   transactional: yes
--   hazards: data_loss (drops table public.teams and all its rows)
DROP TABLE "public"."teams";

-- step 46/56: drop table public.user_roles
--   transactional: yes
--   hazards: data_loss (drops table public.user_roles and all its rows)
DROP TABLE "public"."user_roles";

-- step 47/56: drop table public.users
--   transactional: yes
--   hazards: data_loss (drops table public.users and all its rows)
DROP TABLE "public"."users";

-- step 48/56: drop function public.audit_log_trigger()
--   transactional: yes
--   hazards: none
DROP FUNCTION "public"."audit_log_trigger"();

-- step 49/56: drop function public.generate_audit_checksum()
--   transactional: yes
--   hazards: none
DROP FUNCTION "public"."generate_audit_checksum"();

-- step 50/56: drop function public.prevent_audit_log_modification()
--   transactional: yes
--   hazards: none
DROP FUNCTION "public"."prevent_audit_log_modification"();

-- step 51/56: drop function public.update_updated_at()
--   transactional: yes
--   hazards: none
DROP FUNCTION "public"."update_updated_at"();

-- step 52/56: drop function public.validate_permissions(perms jsonb)
--   transactional: yes
--   hazards: none
DROP FUNCTION "public"."validate_permissions"(perms jsonb);

-- step 53/56: drop extension btree_gist
--   transactional: yes
--   hazards: unchecked_dependency (drops the functions and types of btree_gist; the step fails if columns or indexes still use them)
DROP EXTENSION "btree_gist";

-- step 54/56: drop extension pg_trgm
--   transactional: yes
--   hazards: unchecked_dependency (drops the functions and types of pg_trgm; the step fails if columns or indexes still use them)
DROP EXTENSION "pg_trgm";

-- step 55/56: drop extension timescaledb
--   transactional: yes
--   hazards: unchecked_dependency (drops the functions and types of timescaledb; the step fails if columns or indexes still use them)
DROP EXTENSION "timescaledb";

-- step 56/56: drop extension uuid-ossp
--   transactional: yes
--   hazards: unchecked_dependency (drops the functions and types of uuid-ossp; the step fails if columns or indexes still use them)
DROP EXTENSION "uuid-ossp";
