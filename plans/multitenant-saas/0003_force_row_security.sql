-- pgform plan
-- pgform-version: 0.1.0
-- source: sha256:5718de5830680e39
-- target: sha256:2029dbfc381d2e6e
-- managed-schemas: ["public"]
-- plan-hash: sha256:c16a2e43208cac55074d26155612916ef44e8d26acd31afed59dae964d15c11a
-- mode: online
-- steps: 15
--   create role: 1
--   enable table: 8
--   grant grant: 4
--   owner function: 2
-- hazards: authz_change: 15

SET lock_timeout = '5s';
SET statement_timeout = '1h';
SET check_function_bodies = off;

-- transaction 1/1: steps 1-15
BEGIN;

-- step 1/15: create role rls_definer
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (creates role rls_definer (bypassrls))
CREATE ROLE "rls_definer" WITH BYPASSRLS;

-- step 2/15: enable table public.agent_results
--   transactional: yes
--   locks: catalog: "public"."agent_results" ACCESS EXCLUSIVE
--   hazards: authz_change (forcing row level security on public.agent_results: its owner is subject to the policies too)
ALTER TABLE "public"."agent_results" FORCE ROW LEVEL SECURITY;

-- step 3/15: enable table public.agent_tasks
--   transactional: yes
--   locks: catalog: "public"."agent_tasks" ACCESS EXCLUSIVE
--   hazards: authz_change (forcing row level security on public.agent_tasks: its owner is subject to the policies too)
ALTER TABLE "public"."agent_tasks" FORCE ROW LEVEL SECURITY;

-- step 4/15: enable table public.audit_logs
--   transactional: yes
--   locks: catalog: "public"."audit_logs" ACCESS EXCLUSIVE
--   hazards: authz_change (forcing row level security on public.audit_logs: its owner is subject to the policies too)
ALTER TABLE "public"."audit_logs" FORCE ROW LEVEL SECURITY;

-- step 5/15: enable table public.organization_members
--   transactional: yes
--   locks: catalog: "public"."organization_members" ACCESS EXCLUSIVE
--   hazards: authz_change (forcing row level security on public.organization_members: its owner is subject to the policies too)
ALTER TABLE "public"."organization_members" FORCE ROW LEVEL SECURITY;

-- step 6/15: enable table public.organizations
--   transactional: yes
--   locks: catalog: "public"."organizations" ACCESS EXCLUSIVE
--   hazards: authz_change (forcing row level security on public.organizations: its owner is subject to the policies too)
ALTER TABLE "public"."organizations" FORCE ROW LEVEL SECURITY;

-- step 7/15: enable table public.sessions
--   transactional: yes
--   locks: catalog: "public"."sessions" ACCESS EXCLUSIVE
--   hazards: authz_change (forcing row level security on public.sessions: its owner is subject to the policies too)
ALTER TABLE "public"."sessions" FORCE ROW LEVEL SECURITY;

-- step 8/15: enable table public.user_roles
--   transactional: yes
--   locks: catalog: "public"."user_roles" ACCESS EXCLUSIVE
--   hazards: authz_change (forcing row level security on public.user_roles: its owner is subject to the policies too)
ALTER TABLE "public"."user_roles" FORCE ROW LEVEL SECURITY;

-- step 9/15: enable table public.users
--   transactional: yes
--   locks: catalog: "public"."users" ACCESS EXCLUSIVE
--   hazards: authz_change (forcing row level security on public.users: its owner is subject to the policies too)
ALTER TABLE "public"."users" FORCE ROW LEVEL SECURITY;

-- step 10/15: grant grant public.organization_members to rls_definer
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT on public.organization_members to role rls_definer)
GRANT SELECT ON TABLE "public"."organization_members" TO "rls_definer";

-- step 11/15: grant grant public.permissions to rls_definer
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT on public.permissions to role rls_definer)
GRANT SELECT ON TABLE "public"."permissions" TO "rls_definer";

-- step 12/15: grant grant public.role_permissions to rls_definer
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT on public.role_permissions to role rls_definer)
GRANT SELECT ON TABLE "public"."role_permissions" TO "rls_definer";

-- step 13/15: grant grant public.user_roles to rls_definer
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT on public.user_roles to role rls_definer)
GRANT SELECT ON TABLE "public"."user_roles" TO "rls_definer";

-- step 14/15: owner function public.user_has_permission(p_user_id uuid, p_organization_id uuid, p_resource character varying, p_action character varying)
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (role rls_definer becomes the owner of function public.user_has_permission(p_user_id uuid, p_organization_id uuid, p_resource character varying, p_action character varying): it holds every privilege on it and may grant them)
ALTER FUNCTION "public"."user_has_permission"(p_user_id uuid, p_organization_id uuid, p_resource character varying, p_action character varying) OWNER TO "rls_definer";

-- step 15/15: owner function public.user_org_ids(p_user_id uuid)
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (role rls_definer becomes the owner of function public.user_org_ids(p_user_id uuid): it holds every privilege on it and may grant them)
ALTER FUNCTION "public"."user_org_ids"(p_user_id uuid) OWNER TO "rls_definer";

COMMIT; -- transaction 1/1
