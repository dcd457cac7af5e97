-- pgform plan
-- pgform-version: 0.1.0
-- source: sha256:2029dbfc381d2e6e
-- target: sha256:5718de5830680e39
-- managed-schemas: ["public"]
-- plan-hash: sha256:3628ee169f5366f0e91f8c88bc2971967260fff03f381b111d8f9ecd44ea38c8
-- mode: online
-- steps: 14
--   revoke grant: 4
--   disable table: 8
--   owner function: 2
-- hazards: authz_change: 14

SET lock_timeout = '5s';
SET statement_timeout = '1h';
SET check_function_bodies = off;

-- transaction 1/1: steps 1-14
BEGIN;

-- step 1/14: revoke grant public.organization_members from rls_definer
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (revokes SELECT on public.organization_members from role rls_definer)
REVOKE SELECT ON TABLE "public"."organization_members" FROM "rls_definer";

-- step 2/14: revoke grant public.permissions from rls_definer
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (revokes SELECT on public.permissions from role rls_definer)
REVOKE SELECT ON TABLE "public"."permissions" FROM "rls_definer";

-- step 3/14: revoke grant public.role_permissions from rls_definer
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (revokes SELECT on public.role_permissions from role rls_definer)
REVOKE SELECT ON TABLE "public"."role_permissions" FROM "rls_definer";

-- step 4/14: revoke grant public.user_roles from rls_definer
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (revokes SELECT on public.user_roles from role rls_definer)
REVOKE SELECT ON TABLE "public"."user_roles" FROM "rls_definer";

-- step 5/14: disable table public.agent_results
--   transactional: yes
--   locks: catalog: "public"."agent_results" ACCESS EXCLUSIVE
--   hazards: authz_change [widens access] (no longer forcing row level security on public.agent_results: its owner sees every row again)
ALTER TABLE "public"."agent_results" NO FORCE ROW LEVEL SECURITY;

-- step 6/14: disable table public.agent_tasks
--   transactional: yes
--   locks: catalog: "public"."agent_tasks" ACCESS EXCLUSIVE
--   hazards: authz_change [widens access] (no longer forcing row level security on public.agent_tasks: its owner sees every row again)
ALTER TABLE "public"."agent_tasks" NO FORCE ROW LEVEL SECURITY;

-- step 7/14: disable table public.audit_logs
--   transactional: yes
--   locks: catalog: "public"."audit_logs" ACCESS EXCLUSIVE
--   hazards: authz_change [widens access] (no longer forcing row level security on public.audit_logs: its owner sees every row again)
ALTER TABLE "public"."audit_logs" NO FORCE ROW LEVEL SECURITY;

-- step 8/14: disable table public.organization_members
--   transactional: yes
--   locks: catalog: "public"."organization_members" ACCESS EXCLUSIVE
--   hazards: authz_change [widens access] (no longer forcing row level security on public.organization_members: its owner sees every row again)
ALTER TABLE "public"."organization_members" NO FORCE ROW LEVEL SECURITY;

-- step 9/14: disable table public.organizations
--   transactional: yes
--   locks: catalog: "public"."organizations" ACCESS EXCLUSIVE
--   hazards: authz_change [widens access] (no longer forcing row level security on public.organizations: its owner sees every row again)
ALTER TABLE "public"."organizations" NO FORCE ROW LEVEL SECURITY;

-- step 10/14: disable table public.sessions
--   transactional: yes
--   locks: catalog: "public"."sessions" ACCESS EXCLUSIVE
--   hazards: authz_change [widens access] (no longer forcing row level security on public.sessions: its owner sees every row again)
ALTER TABLE "public"."sessions" NO FORCE ROW LEVEL SECURITY;

-- step 11/14: disable table public.user_roles
--   transactional: yes
--   locks: catalog: "public"."user_roles" ACCESS EXCLUSIVE
--   hazards: authz_change [widens access] (no longer forcing row level security on public.user_roles: its owner sees every row again)
ALTER TABLE "public"."user_roles" NO FORCE ROW LEVEL SECURITY;

-- step 12/14: disable table public.users
--   transactional: yes
--   locks: catalog: "public"."users" ACCESS EXCLUSIVE
--   hazards: authz_change [widens access] (no longer forcing row level security on public.users: its owner sees every row again)
ALTER TABLE "public"."users" NO FORCE ROW LEVEL SECURITY;

-- step 13/14: owner function public.user_has_permission(p_user_id uuid, p_organization_id uuid, p_resource character varying, p_action character varying)
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (role postgres becomes the owner of function public.user_has_permission(p_user_id uuid, p_organization_id uuid, p_resource character varying, p_action character varying): it holds every privilege on it and may grant them)
ALTER FUNCTION "public"."user_has_permission"(p_user_id uuid, p_organization_id uuid, p_resource character varying, p_action character varying) OWNER TO "postgres";

-- step 14/14: owner function public.user_org_ids(p_user_id uuid)
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (role postgres becomes the owner of function public.user_org_ids(p_user_id uuid): it holds every privilege on it and may grant them)
ALTER FUNCTION "public"."user_org_ids"(p_user_id uuid) OWNER TO "postgres";

COMMIT; -- transaction 1/1
