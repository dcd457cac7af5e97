-- pgform plan
-- pgform-version: 0.1.0
-- source: sha256:5718de5830680e39
-- target: sha256:89418c5f156c5ea7
-- managed-schemas: ["public"]
-- plan-hash: sha256:6bc79e9d85b3466c46bf497fdc3fef5713f091a088995b555fe65f0408cf821b
-- steps: 39
--   revoke grant: 2
--   drop policy: 1
--   drop constraint: 17
--   drop table: 11
--   drop function: 4
--   drop extension: 4
-- hazards: data_loss: 11, unchecked_dependency: 4, authz_change: 2

SET lock_timeout = '5s';
SET statement_timeout = '1h';
SET check_function_bodies = off;

-- step 1/39: revoke grant public from authenticated
--   transactional: yes
--   hazards: authz_change (revokes USAGE on schema public from role authenticated)
REVOKE USAGE ON SCHEMA "public" FROM "authenticated";

-- step 2/39: revoke grant public from service_role
--   transactional: yes
--   hazards: authz_change (revokes USAGE on schema public from role service_role)
REVOKE USAGE ON SCHEMA "public" FROM "service_role";

-- step 3/39: drop policy public.users.users_select_self_or_colleague
--   transactional: yes
--   hazards: none
--   reason: uses public.organization_members, which this plan drops: the policy goes first (its own table is dropped too)
DROP POLICY "users_select_self_or_colleague" ON "public"."users";

-- step 4/39: drop constraint public.agent_results.agent_results_organization_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."agent_results" DROP CONSTRAINT "agent_results_organization_id_fkey";

-- step 5/39: drop constraint public.agent_results.agent_results_task_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."agent_results" DROP CONSTRAINT "agent_results_task_id_fkey";

-- step 6/39: drop constraint public.agent_tasks.agent_tasks_created_by_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."agent_tasks" DROP CONSTRAINT "agent_tasks_created_by_fkey";

-- step 7/39: drop constraint public.agent_tasks.agent_tasks_organization_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."agent_tasks" DROP CONSTRAINT "agent_tasks_organization_id_fkey";

-- step 8/39: drop constraint public.audit_logs.audit_logs_organization_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."audit_logs" DROP CONSTRAINT "audit_logs_organization_id_fkey";

-- step 9/39: drop constraint public.audit_logs.audit_logs_user_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."audit_logs" DROP CONSTRAINT "audit_logs_user_id_fkey";

-- step 10/39: drop constraint public.organization_members.organization_members_invited_by_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."organization_members" DROP CONSTRAINT "organization_members_invited_by_fkey";

-- step 11/39: drop constraint public.organization_members.organization_members_organization_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."organization_members" DROP CONSTRAINT "organization_members_organization_id_fkey";

-- step 12/39: drop constraint public.organization_members.organization_members_user_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."organization_members" DROP CONSTRAINT "organization_members_user_id_fkey";

-- step 13/39: drop constraint public.role_permissions.role_permissions_permission_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."role_permissions" DROP CONSTRAINT "role_permissions_permission_id_fkey";

-- step 14/39: drop constraint public.role_permissions.role_permissions_role_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."role_permissions" DROP CONSTRAINT "role_permissions_role_id_fkey";

-- step 15/39: drop constraint public.roles.roles_organization_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."roles" DROP CONSTRAINT "roles_organization_id_fkey";

-- step 16/39: drop constraint public.sessions.sessions_user_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."sessions" DROP CONSTRAINT "sessions_user_id_fkey";

-- step 17/39: drop constraint public.user_roles.user_roles_granted_by_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."user_roles" DROP CONSTRAINT "user_roles_granted_by_fkey";

-- step 18/39: drop constraint public.user_roles.user_roles_organization_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."user_roles" DROP CONSTRAINT "user_roles_organization_id_fkey";

-- step 19/39: drop constraint public.user_roles.user_roles_role_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."user_roles" DROP CONSTRAINT "user_roles_role_id_fkey";

-- step 20/39: drop constraint public.user_roles.user_roles_user_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."user_roles" DROP CONSTRAINT "user_roles_user_id_fkey";

-- step 21/39: drop table public.agent_results
--   transactional: yes
--   hazards: data_loss (drops table public.agent_results and all its rows)
DROP TABLE "public"."agent_results";

-- step 22/39: drop table public.agent_tasks
--   transactional: yes
--   hazards: data_loss (drops table public.agent_tasks and all its rows)
DROP TABLE "public"."agent_tasks";

-- step 23/39: drop table public.audit_logs
--   transactional: yes
--   hazards: data_loss (drops table public.audit_logs and all its rows)
DROP TABLE "public"."audit_logs";

-- step 24/39: drop table public.organization_members
--   transactional: yes
--   hazards: data_loss (drops table public.organization_members and all its rows)
DROP TABLE "public"."organization_members";

-- step 25/39: drop table public.organizations
--   transactional: yes
--   hazards: data_loss (drops table public.organizations and all its rows)
DROP TABLE "public"."organizations";

-- step 26/39: drop table public.permissions
--   transactional: yes
--   hazards: data_loss (drops table public.permissions and all its rows)
DROP TABLE "public"."permissions";

-- step 27/39: drop table public.role_permissions
--   transactional: yes
--   hazards: data_loss (drops table public.role_permissions and all its rows)
DROP TABLE "public"."role_permissions";

-- step 28/39: drop table public.roles
--   transactional: yes
--   hazards: data_loss (drops table public.roles and all its rows)
DROP TABLE "public"."roles";

-- step 29/39: drop table public.sessions
--   transactional: yes
--   hazards: data_loss (drops table public.sessions and all its rows)
DROP TABLE "public"."sessions";

-- step 30/39: drop table public.user_roles
--   transactional: yes
--   hazards: data_loss (drops table public.user_roles and all its rows)
DROP TABLE "public"."user_roles";

-- step 31/39: drop table public.users
--   transactional: yes
--   hazards: data_loss (drops table public.users and all its rows)
DROP TABLE "public"."users";

-- step 32/39: drop function public.current_app_user_id()
--   transactional: yes
--   hazards: none
DROP FUNCTION "public"."current_app_user_id"();

-- step 33/39: drop function public.update_updated_at_column()
--   transactional: yes
--   hazards: none
DROP FUNCTION "public"."update_updated_at_column"();

-- step 34/39: drop function public.user_has_permission(p_user_id uuid, p_organization_id uuid, p_resource character varying, p_action character varying)
--   transactional: yes
--   hazards: none
DROP FUNCTION "public"."user_has_permission"(p_user_id uuid, p_organization_id uuid, p_resource character varying, p_action character varying);

-- step 35/39: drop function public.user_org_ids(p_user_id uuid)
--   transactional: yes
--   hazards: none
DROP FUNCTION "public"."user_org_ids"(p_user_id uuid);

-- step 36/39: drop extension btree_gist
--   transactional: yes
--   hazards: unchecked_dependency (drops the functions and types of btree_gist; the step fails if columns or indexes still use them)
DROP EXTENSION "btree_gist";

-- step 37/39: drop extension citext
--   transactional: yes
--   hazards: unchecked_dependency (drops the functions and types of citext; the step fails if columns or indexes still use them)
DROP EXTENSION "citext";

-- step 38/39: drop extension uuid-ossp
--   transactional: yes
--   hazards: unchecked_dependency (drops the functions and types of uuid-ossp; the step fails if columns or indexes still use them)
DROP EXTENSION "uuid-ossp";

-- step 39/39: drop extension vector
--   transactional: yes
--   hazards: unchecked_dependency (drops the functions and types of vector; the step fails if columns or indexes still use them)
DROP EXTENSION "vector";
