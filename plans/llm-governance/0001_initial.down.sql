-- pgform plan
-- pgform-version: 0.1.0
-- source: sha256:4b1345553bc78d4e
-- target: sha256:89418c5f156c5ea7
-- managed-schemas: ["public"]
-- plan-hash: sha256:0a3d382af18a6b372a9d4dcedb7f5254253ed6c9fb383af2a426bf35c9295300
-- mode: online
-- steps: 56
--   revoke grant: 2
--   drop view: 7
--   drop materialized_view: 2
--   drop constraint: 21
--   drop table: 15
--   drop function: 5
--   drop extension: 4
-- hazards: data_loss: 17, unchecked_dependency: 4, authz_change: 2, breaking_change: 27

SET lock_timeout = '5s';
SET statement_timeout = '1h';
SET check_function_bodies = off;

-- transaction 1/1: steps 1-56
BEGIN;

-- step 1/56: revoke grant public from llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (revokes USAGE on schema public from role llm_governance_app)
REVOKE USAGE ON SCHEMA "public" FROM "llm_governance_app";

-- step 2/56: revoke grant public from llm_governance_readonly
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (revokes USAGE on schema public from role llm_governance_readonly)
REVOKE USAGE ON SCHEMA "public" FROM "llm_governance_readonly";

-- step 3/56: drop view public.active_sessions_view
--   transactional: yes
--   locks: catalog: "public"."active_sessions_view" ACCESS EXCLUSIVE
--   hazards: breaking_change (code that reads public.active_sessions_view fails after this step; to avoid it, expand/contract: release code that no longer reads the view first, then drop it in a later plan)
DROP VIEW "public"."active_sessions_view";

-- step 4/56: drop view public.alert_summary_view
--   transactional: yes
--   locks: catalog: "public"."alert_summary_view" ACCESS EXCLUSIVE
--   hazards: breaking_change (code that reads public.alert_summary_view fails after this step; to avoid it, expand/contract: release code that no longer reads the view first, then drop it in a later plan)
DROP VIEW "public"."alert_summary_view";

-- step 5/56: drop view public.cost_summary_view
--   transactional: yes
--   locks: catalog: "public"."cost_summary_view" ACCESS EXCLUSIVE
--   hazards: breaking_change (code that reads public.cost_summary_view fails after this step; to avoid it, expand/contract: release code that no longer reads the view first, then drop it in a later plan)
DROP VIEW "public"."cost_summary_view";

-- step 6/56: drop view public.policy_compliance_view
--   transactional: yes
--   locks: catalog: "public"."policy_compliance_view" ACCESS EXCLUSIVE
--   hazards: breaking_change (code that reads public.policy_compliance_view fails after this step; to avoid it, expand/contract: release code that no longer reads the view first, then drop it in a later plan)
DROP VIEW "public"."policy_compliance_view";

-- step 7/56: drop view public.team_hierarchy_view
--   transactional: yes
--   locks: catalog: "public"."team_hierarchy_view" ACCESS EXCLUSIVE
--   hazards: breaking_change (code that reads public.team_hierarchy_view fails after this step; to avoid it, expand/contract: release code that no longer reads the view first, then drop it in a later plan)
DROP VIEW "public"."team_hierarchy_view";

-- step 8/56: drop view public.user_activity_summary_view
--   transactional: yes
--   locks: catalog: "public"."user_activity_summary_view" ACCESS EXCLUSIVE
--   hazards: breaking_change (code that reads public.user_activity_summary_view fails after this step; to avoid it, expand/contract: release code that no longer reads the view first, then drop it in a later plan)
DROP VIEW "public"."user_activity_summary_view";

-- step 9/56: drop view public.user_permissions_view
--   transactional: yes
--   locks: catalog: "public"."user_permissions_view" ACCESS EXCLUSIVE
--   hazards: breaking_change (code that reads public.user_permissions_view fails after this step; to avoid it, expand/contract: release code that no longer reads the view first, then drop it in a later plan)
DROP VIEW "public"."user_permissions_view";

-- step 10/56: drop materialized_view public.llm_metrics_daily
--   transactional: yes
--   locks: catalog: "public"."llm_metrics_daily" ACCESS EXCLUSIVE
--   hazards: data_loss (drops continuous aggregate public.llm_metrics_daily and its materialized rows (and its policies))
DROP MATERIALIZED VIEW "public"."llm_metrics_daily";

-- step 11/56: drop materialized_view public.llm_metrics_hourly
--   transactional: yes
--   locks: catalog: "public"."llm_metrics_hourly" ACCESS EXCLUSIVE
--   hazards: data_loss (drops continuous aggregate public.llm_metrics_hourly and its materialized rows (and its policies))
DROP MATERIALIZED VIEW "public"."llm_metrics_hourly";

-- step 12/56: drop constraint public.alert_subscriptions.alert_subscriptions_team_id_fkey
--   transactional: yes
--   locks: catalog: "public"."alert_subscriptions" ACCESS EXCLUSIVE
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."alert_subscriptions" DROP CONSTRAINT "alert_subscriptions_team_id_fkey";

-- step 13/56: drop constraint public.alert_subscriptions.alert_subscriptions_user_id_fkey
--   transactional: yes
--   locks: catalog: "public"."alert_subscriptions" ACCESS EXCLUSIVE
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."alert_subscriptions" DROP CONSTRAINT "alert_subscriptions_user_id_fkey";

-- step 14/56: drop constraint public.alerts.alerts_acknowledged_by_fkey
--   transactional: yes
--   locks: catalog: "public"."alerts" ACCESS EXCLUSIVE
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."alerts" DROP CONSTRAINT "alerts_acknowledged_by_fkey";

-- step 15/56: drop constraint public.alerts.alerts_policy_id_fkey
--   transactional: yes
--   locks: catalog: "public"."alerts" ACCESS EXCLUSIVE
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."alerts" DROP CONSTRAINT "alerts_policy_id_fkey";

-- step 16/56: drop constraint public.alerts.alerts_resolved_by_fkey
--   transactional: yes
--   locks: catalog: "public"."alerts" ACCESS EXCLUSIVE
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."alerts" DROP CONSTRAINT "alerts_resolved_by_fkey";

-- step 17/56: drop constraint public.alerts.alerts_team_id_fkey
--   transactional: yes
--   locks: catalog: "public"."alerts" ACCESS EXCLUSIVE
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."alerts" DROP CONSTRAINT "alerts_team_id_fkey";

-- step 18/56: drop constraint public.alerts.alerts_user_id_fkey
--   transactional: yes
--   locks: catalog: "public"."alerts" ACCESS EXCLUSIVE
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."alerts" DROP CONSTRAINT "alerts_user_id_fkey";

-- step 19/56: drop constraint public.api_keys.api_keys_user_id_fkey
--   transactional: yes
--   locks: catalog: "public"."api_keys" ACCESS EXCLUSIVE
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."api_keys" DROP CONSTRAINT "api_keys_user_id_fkey";

-- step 20/56: drop constraint public.mfa_secrets.mfa_secrets_user_id_fkey
--   transactional: yes
--   locks: catalog: "public"."mfa_secrets" ACCESS EXCLUSIVE
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."mfa_secrets" DROP CONSTRAINT "mfa_secrets_user_id_fkey";

-- step 21/56: drop constraint public.policies.policies_created_by_fkey
--   transactional: yes
--   locks: catalog: "public"."policies" ACCESS EXCLUSIVE
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."policies" DROP CONSTRAINT "policies_created_by_fkey";

-- step 22/56: drop constraint public.policy_assignments.policy_assignments_assigned_by_fkey
--   transactional: yes
--   locks: catalog: "public"."policy_assignments" ACCESS EXCLUSIVE
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."policy_assignments" DROP CONSTRAINT "policy_assignments_assigned_by_fkey";

-- step 23/56: drop constraint public.policy_assignments.policy_assignments_policy_id_fkey
--   transactional: yes
--   locks: catalog: "public"."policy_assignments" ACCESS EXCLUSIVE
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."policy_assignments" DROP CONSTRAINT "policy_assignments_policy_id_fkey";

-- step 24/56: drop constraint public.policy_assignments.policy_assignments_team_id_fkey
--   transactional: yes
--   locks: catalog: "public"."policy_assignments" ACCESS EXCLUSIVE
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."policy_assignments" DROP CONSTRAINT "policy_assignments_team_id_fkey";

-- step 25/56: drop constraint public.policy_assignments.policy_assignments_user_id_fkey
--   transactional: yes
--   locks: catalog: "public"."policy_assignments" ACCESS EXCLUSIVE
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."policy_assignments" DROP CONSTRAINT "policy_assignments_user_id_fkey";

-- step 26/56: drop constraint public.sessions.sessions_user_id_fkey
--   transactional: yes
--   locks: catalog: "public"."sessions" ACCESS EXCLUSIVE
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."sessions" DROP CONSTRAINT "sessions_user_id_fkey";

-- step 27/56: drop constraint public.team_members.team_members_team_id_fkey
--   transactional: yes
--   locks: catalog: "public"."team_members" ACCESS EXCLUSIVE
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."team_members" DROP CONSTRAINT "team_members_team_id_fkey";

-- step 28/56: drop constraint public.team_members.team_members_user_id_fkey
--   transactional: yes
--   locks: catalog: "public"."team_members" ACCESS EXCLUSIVE
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."team_members" DROP CONSTRAINT "team_members_user_id_fkey";

-- step 29/56: drop constraint public.teams.teams_manager_id_fkey
--   transactional: yes
--   locks: catalog: "public"."teams" ACCESS EXCLUSIVE
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."teams" DROP CONSTRAINT "teams_manager_id_fkey";

-- step 30/56: drop constraint public.user_roles.user_roles_granted_by_fkey
--   transactional: yes
--   locks: catalog: "public"."user_roles" ACCESS EXCLUSIVE
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."user_roles" DROP CONSTRAINT "user_roles_granted_by_fkey";

-- step 31/56: drop constraint public.user_roles.user_roles_role_id_fkey
--   transactional: yes
--   locks: catalog: "public"."user_roles" ACCESS EXCLUSIVE
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."user_roles" DROP CONSTRAINT "user_roles_role_id_fkey";

-- step 32/56: drop constraint public.user_roles.user_roles_user_id_fkey
--   transactional: yes
--   locks: catalog: "public"."user_roles" ACCESS EXCLUSIVE
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."user_roles" DROP CONSTRAINT "user_roles_user_id_fkey";

-- step 33/56: drop table public.alert_subscriptions
--   transactional: yes
--   locks: catalog: "public"."alert_subscriptions" ACCESS EXCLUSIVE
--   hazards: data_loss (drops table public.alert_subscriptions and all its rows)
--            breaking_change (code that reads or writes public.alert_subscriptions fails after this step; to avoid it, expand/contract: release code that no longer uses the table first, then drop it in a later plan)
DROP TABLE "public"."alert_subscriptions";

-- step 34/56: drop table public.alerts
--   transactional: yes
--   locks: catalog: "public"."alerts" ACCESS EXCLUSIVE
--   hazards: data_loss (drops table public.alerts and all its rows)
--            breaking_change (code that reads or writes public.alerts fails after this step; to avoid it, expand/contract: release code that no longer uses the table first, then drop it in a later plan)
DROP TABLE "public"."alerts";

-- step 35/56: drop table public.api_keys
--   transactional: yes
--   locks: catalog: "public"."api_keys" ACCESS EXCLUSIVE
--   hazards: data_loss (drops table public.api_keys and all its rows)
--            breaking_change (code that reads or writes public.api_keys fails after this step; to avoid it, expand/contract: release code that no longer uses the table first, then drop it in a later plan)
DROP TABLE "public"."api_keys";

-- step 36/56: drop table public.audit_logs
--   transactional: yes
--   locks: catalog: "public"."audit_logs" ACCESS EXCLUSIVE
--   hazards: data_loss (drops table public.audit_logs and all its rows)
--            breaking_change (code that reads or writes public.audit_logs fails after this step; to avoid it, expand/contract: release code that no longer uses the table first, then drop it in a later plan)
DROP TABLE "public"."audit_logs";

-- step 37/56: drop table public.llm_metrics
--   transactional: yes
--   locks: catalog: "public"."llm_metrics" ACCESS EXCLUSIVE
--   hazards: data_loss (drops table public.llm_metrics and all its rows)
--            breaking_change (code that reads or writes public.llm_metrics fails after this step; to avoid it, expand/contract: release code that no longer uses the table first, then drop it in a later plan)
DROP TABLE "public"."llm_metrics";

-- step 38/56: drop table public.mfa_secrets
--   transactional: yes
--   locks: catalog: "public"."mfa_secrets" ACCESS EXCLUSIVE
--   hazards: data_loss (drops table public.mfa_secrets and all its rows)
--            breaking_change (code that reads or writes public.mfa_secrets fails after this step; to avoid it, expand/contract: release code that no longer uses the table first, then drop it in a later plan)
DROP TABLE "public"."mfa_secrets";

-- step 39/56: drop table public.policies
--   transactional: yes
--   locks: catalog: "public"."policies" ACCESS EXCLUSIVE
--   hazards: data_loss (drops table public.policies and all its rows)
--            breaking_change (code that reads or writes public.policies fails after this step; to avoid it, expand/contract: release code that no longer uses the table first, then drop it in a later plan)
DROP TABLE "public"."policies";

-- step 40/56: drop table public.policy_assignments
--   transactional: yes
--   locks: catalog: "public"."policy_assignments" ACCESS EXCLUSIVE
--   hazards: data_loss (drops table public.policy_assignments and all its rows)
--            breaking_change (code that reads or writes public.policy_assignments fails after this step; to avoid it, expand/contract: release code that no longer uses the table first, then drop it in a later plan)
DROP TABLE "public"."policy_assignments";

-- step 41/56: drop table public.roles
--   transactional: yes
--   locks: catalog: "public"."roles" ACCESS EXCLUSIVE
--   hazards: data_loss (drops table public.roles and all its rows)
--            breaking_change (code that reads or writes public.roles fails after this step; to avoid it, expand/contract: release code that no longer uses the table first, then drop it in a later plan)
DROP TABLE "public"."roles";

-- step 42/56: drop table public.sessions
--   transactional: yes
--   locks: catalog: "public"."sessions" ACCESS EXCLUSIVE
--   hazards: data_loss (drops table public.sessions and all its rows)
--            breaking_change (code that reads or writes public.sessions fails after this step; to avoid it, expand/contract: release code that no longer uses the table first, then drop it in a later plan)
DROP TABLE "public"."sessions";

-- step 43/56: drop table public.system_metrics
--   transactional: yes
--   locks: catalog: "public"."system_metrics" ACCESS EXCLUSIVE
--   hazards: data_loss (drops table public.system_metrics and all its rows)
--            breaking_change (code that reads or writes public.system_metrics fails after this step; to avoid it, expand/contract: release code that no longer uses the table first, then drop it in a later plan)
DROP TABLE "public"."system_metrics";

-- step 44/56: drop table public.team_members
--   transactional: yes
--   locks: catalog: "public"."team_members" ACCESS EXCLUSIVE
--   hazards: data_loss (drops table public.team_members and all its rows)
--            breaking_change (code that reads or writes public.team_members fails after this step; to avoid it, expand/contract: release code that no longer uses the table first, then drop it in a later plan)
DROP TABLE "public"."team_members";

-- step 45/56: drop table public.teams
--   transactional: yes
--   locks: catalog: "public"."teams" ACCESS EXCLUSIVE
--   hazards: data_loss (drops table public.teams and all its rows)
--            breaking_change (code that reads or writes public.teams fails after this step; to avoid it, expand/contract: release code that no longer uses the table first, then drop it in a later plan)
DROP TABLE "public"."teams";

-- step 46/56: drop table public.user_roles
--   transactional: yes
--   locks: catalog: "public"."user_roles" ACCESS EXCLUSIVE
--   hazards: data_loss (drops table public.user_roles and all its rows)
--            breaking_change (code that reads or writes public.user_roles fails after this step; to avoid it, expand/contract: release code that no longer uses the table first, then drop it in a later plan)
DROP TABLE "public"."user_roles";

-- step 47/56: drop table public.users
--   transactional: yes
--   locks: catalog: "public"."users" ACCESS EXCLUSIVE
--   hazards: data_loss (drops table public.users and all its rows)
--            breaking_change (code that reads or writes public.users fails after this step; to avoid it, expand/contract: release code that no longer uses the table first, then drop it in a later plan)
DROP TABLE "public"."users";

-- step 48/56: drop function public.audit_log_trigger()
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: breaking_change (code that calls public.audit_log_trigger() fails after this step; to avoid it, expand/contract: create the new function next to it, move callers, then drop the old one in a later plan)
DROP FUNCTION "public"."audit_log_trigger"();

-- step 49/56: drop function public.generate_audit_checksum()
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: breaking_change (code that calls public.generate_audit_checksum() fails after this step; to avoid it, expand/contract: create the new function next to it, move callers, then drop the old one in a later plan)
DROP FUNCTION "public"."generate_audit_checksum"();

-- step 50/56: drop function public.prevent_audit_log_modification()
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: breaking_change (code that calls public.prevent_audit_log_modification() fails after this step; to avoid it, expand/contract: create the new function next to it, move callers, then drop the old one in a later plan)
DROP FUNCTION "public"."prevent_audit_log_modification"();

-- step 51/56: drop function public.update_updated_at()
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: breaking_change (code that calls public.update_updated_at() fails after this step; to avoid it, expand/contract: create the new function next to it, move callers, then drop the old one in a later plan)
DROP FUNCTION "public"."update_updated_at"();

-- step 52/56: drop function public.validate_permissions(perms jsonb)
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: breaking_change (code that calls public.validate_permissions(perms jsonb) fails after this step; to avoid it, expand/contract: create the new function next to it, move callers, then drop the old one in a later plan)
DROP FUNCTION "public"."validate_permissions"(perms jsonb);

-- step 53/56: drop extension btree_gist
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: unchecked_dependency (drops the functions and types of btree_gist; the step fails if columns or indexes still use them)
DROP EXTENSION "btree_gist";

-- step 54/56: drop extension pg_trgm
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: unchecked_dependency (drops the functions and types of pg_trgm; the step fails if columns or indexes still use them)
DROP EXTENSION "pg_trgm";

-- step 55/56: drop extension timescaledb
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: unchecked_dependency (drops the functions and types of timescaledb; the step fails if columns or indexes still use them)
DROP EXTENSION "timescaledb";

-- step 56/56: drop extension uuid-ossp
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: unchecked_dependency (drops the functions and types of uuid-ossp; the step fails if columns or indexes still use them)
DROP EXTENSION "uuid-ossp";

COMMIT; -- transaction 1/1
