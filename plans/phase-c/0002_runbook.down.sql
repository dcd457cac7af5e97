-- pgform plan
-- pgform-version: 0.1.0
-- source: sha256:bec1ce31b5a4a437
-- target: sha256:dd6eb87a107a9d2c
-- managed-schemas: ["public"]
-- plan-hash: sha256:08322b1fca2f67d8d286c2d848ef96239b51af763928007b543f0312d0a00011
-- mode: online
-- steps: 31
--   drop constraint: 5
--   drop index: 2
--   alter column: 3
--   drop column: 6
--   drop table: 10
--   drop function: 2
--   drop enum: 1
--   create constraint: 1
--   validate constraint: 1
-- hazards: data_loss: 17, table_rewrite: 1, long_lock: 1, validation_scan: 1, non_transactional: 2, breaking_change: 18
-- note: the backfill of public.companies.slug is reversed by dropping the column
-- note: the backfill of public.users.allowed_tenants is reversed by dropping the column

SET lock_timeout = '5s';
SET statement_timeout = '1h';
SET check_function_bodies = off;

-- transaction 1/5: steps 1-4
BEGIN;

-- step 1/31: drop constraint public.api_key_usage.api_key_usage_api_key_id_fkey
--   transactional: yes
--   locks: catalog: "public"."api_key_usage" ACCESS EXCLUSIVE
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."api_key_usage" DROP CONSTRAINT "api_key_usage_api_key_id_fkey";

-- step 2/31: drop constraint public.integration_delivery_log.integration_delivery_log_integration_config_id_fkey
--   transactional: yes
--   locks: catalog: "public"."integration_delivery_log" ACCESS EXCLUSIVE
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."integration_delivery_log" DROP CONSTRAINT "integration_delivery_log_integration_config_id_fkey";

-- step 3/31: drop constraint public.role_permissions.role_permissions_permission_id_fkey
--   transactional: yes
--   locks: catalog: "public"."role_permissions" ACCESS EXCLUSIVE
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."role_permissions" DROP CONSTRAINT "role_permissions_permission_id_fkey";

-- step 4/31: drop constraint public.weight_override_history.weight_override_history_weight_override_id_fkey
--   transactional: yes
--   locks: catalog: "public"."weight_override_history" ACCESS EXCLUSIVE
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."weight_override_history" DROP CONSTRAINT "weight_override_history_weight_override_id_fkey";

COMMIT; -- transaction 1/5

-- step 5/31: drop index public.companies.idx_companies_slug
--   transactional: no
--   locks: catalog: "public"."companies" SHARE UPDATE EXCLUSIVE, "public"."idx_companies_slug" ACCESS EXCLUSIVE
--   hazards: non_transactional (runs outside a transaction; re-running the plan completes it)
DROP INDEX CONCURRENTLY IF EXISTS "public"."idx_companies_slug";

-- step 6/31: drop index public.sessions.idx_sessions_tenant_id
--   transactional: no
--   locks: catalog: "public"."sessions" SHARE UPDATE EXCLUSIVE, "public"."idx_sessions_tenant_id" ACCESS EXCLUSIVE
--   hazards: non_transactional (runs outside a transaction; re-running the plan completes it)
DROP INDEX CONCURRENTLY IF EXISTS "public"."idx_sessions_tenant_id";

-- transaction 2/5: steps 7-26
BEGIN;

-- step 7/31: drop constraint public.companies.companies_slug_key
--   transactional: yes
--   locks: catalog: "public"."companies" ACCESS EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."companies" DROP CONSTRAINT "companies_slug_key";

-- step 8/31: alter column public.users.role
--   transactional: yes
--   locks: catalog: "public"."users" ACCESS EXCLUSIVE
--   hazards: none
--   reason: dropped: type public.user_role_enum is dropped; it is created again afterwards
ALTER TABLE "public"."users" ALTER COLUMN "role" DROP DEFAULT;

-- step 9/31: drop column public.companies.slug
--   transactional: yes
--   locks: catalog: "public"."companies" ACCESS EXCLUSIVE
--   hazards: data_loss (drops column public.companies.slug and the values it holds)
--            breaking_change (code that reads or writes public.companies.slug fails after this step; to avoid it, expand/contract: release code that no longer uses slug first, then drop the column in a later plan)
ALTER TABLE "public"."companies" DROP COLUMN "slug";

-- step 10/31: drop column public.companies.tenant_enabled
--   transactional: yes
--   locks: catalog: "public"."companies" ACCESS EXCLUSIVE
--   hazards: data_loss (drops column public.companies.tenant_enabled and the values it holds)
--            breaking_change (code that reads or writes public.companies.tenant_enabled fails after this step; to avoid it, expand/contract: release code that no longer uses tenant_enabled first, then drop the column in a later plan)
ALTER TABLE "public"."companies" DROP COLUMN "tenant_enabled";

-- step 11/31: drop column public.companies.tenant_config
--   transactional: yes
--   locks: catalog: "public"."companies" ACCESS EXCLUSIVE
--   hazards: data_loss (drops column public.companies.tenant_config and the values it holds)
--            breaking_change (code that reads or writes public.companies.tenant_config fails after this step; to avoid it, expand/contract: release code that no longer uses tenant_config first, then drop the column in a later plan)
ALTER TABLE "public"."companies" DROP COLUMN "tenant_config";

-- step 12/31: drop column public.sessions.tenant_id
--   transactional: yes
--   locks: catalog: "public"."sessions" ACCESS EXCLUSIVE
--   hazards: data_loss (drops column public.sessions.tenant_id and the values it holds)
--            breaking_change (code that reads or writes public.sessions.tenant_id fails after this step; to avoid it, expand/contract: release code that no longer uses tenant_id first, then drop the column in a later plan)
ALTER TABLE "public"."sessions" DROP COLUMN "tenant_id";

-- step 13/31: drop column public.sessions.last_tenant_switch_at
--   transactional: yes
--   locks: catalog: "public"."sessions" ACCESS EXCLUSIVE
--   hazards: data_loss (drops column public.sessions.last_tenant_switch_at and the values it holds)
--            breaking_change (code that reads or writes public.sessions.last_tenant_switch_at fails after this step; to avoid it, expand/contract: release code that no longer uses last_tenant_switch_at first, then drop the column in a later plan)
ALTER TABLE "public"."sessions" DROP COLUMN "last_tenant_switch_at";

-- step 14/31: drop column public.users.allowed_tenants
--   transactional: yes
--   locks: catalog: "public"."users" ACCESS EXCLUSIVE
--   hazards: data_loss (drops column public.users.allowed_tenants and the values it holds)
--            breaking_change (code that reads or writes public.users.allowed_tenants fails after this step; to avoid it, expand/contract: release code that no longer uses allowed_tenants first, then drop the column in a later plan)
ALTER TABLE "public"."users" DROP COLUMN "allowed_tenants";

-- step 15/31: drop table public.api_key_usage
--   transactional: yes
--   locks: catalog: "public"."api_key_usage" ACCESS EXCLUSIVE
--   hazards: data_loss (drops table public.api_key_usage and all its rows)
--            breaking_change (code that reads or writes public.api_key_usage fails after this step; to avoid it, expand/contract: release code that no longer uses the table first, then drop it in a later plan)
DROP TABLE "public"."api_key_usage";

-- step 16/31: drop table public.api_keys
--   transactional: yes
--   locks: catalog: "public"."api_keys" ACCESS EXCLUSIVE
--   hazards: data_loss (drops table public.api_keys and all its rows)
--            breaking_change (code that reads or writes public.api_keys fails after this step; to avoid it, expand/contract: release code that no longer uses the table first, then drop it in a later plan)
DROP TABLE "public"."api_keys";

-- step 17/31: drop table public.audit_log
--   transactional: yes
--   locks: catalog: "public"."audit_log" ACCESS EXCLUSIVE
--   hazards: data_loss (drops table public.audit_log and all its rows)
--            breaking_change (code that reads or writes public.audit_log fails after this step; to avoid it, expand/contract: release code that no longer uses the table first, then drop it in a later plan)
DROP TABLE "public"."audit_log";

-- step 18/31: drop table public.integration_configs
--   transactional: yes
--   locks: catalog: "public"."integration_configs" ACCESS EXCLUSIVE
--   hazards: data_loss (drops table public.integration_configs and all its rows)
--            breaking_change (code that reads or writes public.integration_configs fails after this step; to avoid it, expand/contract: release code that no longer uses the table first, then drop it in a later plan)
DROP TABLE "public"."integration_configs";

-- step 19/31: drop table public.integration_delivery_log
--   transactional: yes
--   locks: catalog: "public"."integration_delivery_log" ACCESS EXCLUSIVE
--   hazards: data_loss (drops table public.integration_delivery_log and all its rows)
--            breaking_change (code that reads or writes public.integration_delivery_log fails after this step; to avoid it, expand/contract: release code that no longer uses the table first, then drop it in a later plan)
DROP TABLE "public"."integration_delivery_log";

-- step 20/31: drop table public.permissions
--   transactional: yes
--   locks: catalog: "public"."permissions" ACCESS EXCLUSIVE
--   hazards: data_loss (drops table public.permissions and all its rows)
--            breaking_change (code that reads or writes public.permissions fails after this step; to avoid it, expand/contract: release code that no longer uses the table first, then drop it in a later plan)
DROP TABLE "public"."permissions";

-- step 21/31: drop table public.role_hierarchy
--   transactional: yes
--   locks: catalog: "public"."role_hierarchy" ACCESS EXCLUSIVE
--   hazards: data_loss (drops table public.role_hierarchy and all its rows)
--            breaking_change (code that reads or writes public.role_hierarchy fails after this step; to avoid it, expand/contract: release code that no longer uses the table first, then drop it in a later plan)
DROP TABLE "public"."role_hierarchy";

-- step 22/31: drop table public.role_permissions
--   transactional: yes
--   locks: catalog: "public"."role_permissions" ACCESS EXCLUSIVE
--   hazards: data_loss (drops table public.role_permissions and all its rows)
--            breaking_change (code that reads or writes public.role_permissions fails after this step; to avoid it, expand/contract: release code that no longer uses the table first, then drop it in a later plan)
DROP TABLE "public"."role_permissions";

-- step 23/31: drop table public.weight_override_history
--   transactional: yes
--   locks: catalog: "public"."weight_override_history" ACCESS EXCLUSIVE
--   hazards: data_loss (drops table public.weight_override_history and all its rows)
--            breaking_change (code that reads or writes public.weight_override_history fails after this step; to avoid it, expand/contract: release code that no longer uses the table first, then drop it in a later plan)
DROP TABLE "public"."weight_override_history";

-- step 24/31: drop table public.weight_overrides
--   transactional: yes
--   locks: catalog: "public"."weight_overrides" ACCESS EXCLUSIVE
--   hazards: data_loss (drops table public.weight_overrides and all its rows)
--            breaking_change (code that reads or writes public.weight_overrides fails after this step; to avoid it, expand/contract: release code that no longer uses the table first, then drop it in a later plan)
DROP TABLE "public"."weight_overrides";

-- step 25/31: drop function public.cleanup_old_audit_logs(retention_days integer)
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: breaking_change (code that calls public.cleanup_old_audit_logs(retention_days integer) fails after this step; to avoid it, expand/contract: create the new function next to it, move callers, then drop the old one in a later plan)
DROP FUNCTION "public"."cleanup_old_audit_logs"(retention_days integer);

-- step 26/31: drop function public.track_weight_override_changes()
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: breaking_change (code that calls public.track_weight_override_changes() fails after this step; to avoid it, expand/contract: create the new function next to it, move callers, then drop the old one in a later plan)
DROP FUNCTION "public"."track_weight_override_changes"();

COMMIT; -- transaction 2/5

-- transaction 3/5: step 27
BEGIN;

-- step 27/31: alter column public.users.role
--   transactional: yes
--   locks: rewrite: "public"."users" ACCESS EXCLUSIVE
--   hazards: table_rewrite (changing public.users.role from user_role_enum to character varying(20) rewrites the table and its indexes)
--            long_lock (public.users is locked against reads and writes while it is rewritten)
--            data_loss (character varying(20) may not hold every user_role_enum value of public.users.role: such values make the step fail or are changed by the cast)
ALTER TABLE "public"."users" ALTER COLUMN "role" DROP DEFAULT, ALTER COLUMN "role" TYPE character varying(20) USING lower(role::text), ALTER COLUMN "role" SET DEFAULT 'viewer'::character varying;

COMMIT; -- transaction 3/5

-- transaction 4/5: steps 28-30
BEGIN;

-- step 28/31: drop enum public.user_role_enum
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: none
DROP TYPE "public"."user_role_enum";

-- step 29/31: alter column public.users.role
--   transactional: yes
--   locks: catalog: "public"."users" ACCESS EXCLUSIVE
--   hazards: none
--   reason: recreated: type public.user_role_enum is dropped
ALTER TABLE "public"."users" ALTER COLUMN "role" SET DEFAULT 'viewer'::character varying;

-- step 30/31: create constraint public.users.users_role_check
--   transactional: yes
--   locks: catalog: "public"."users" ACCESS EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."users" ADD CONSTRAINT "users_role_check" CHECK (role::text = ANY (ARRAY['admin'::text, 'viewer'::text])) NOT VALID;

COMMIT; -- transaction 4/5

-- transaction 5/5: step 31
BEGIN;

-- step 31/31: validate constraint public.users.users_role_check
--   transactional: yes
--   locks: scan: "public"."users" SHARE UPDATE EXCLUSIVE
--   hazards: validation_scan (scans public.users to check existing rows (reads and writes continue); fails if a row violates users_role_check)
ALTER TABLE "public"."users" VALIDATE CONSTRAINT "users_role_check";

COMMIT; -- transaction 5/5
