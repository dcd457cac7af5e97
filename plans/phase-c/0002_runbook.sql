-- pgform plan
-- pgform-version: 0.1.0
-- source: sha256:dd6eb87a107a9d2c
-- target: sha256:bec1ce31b5a4a437
-- managed-schemas: ["public"]
-- plan-hash: sha256:b33dc31fed25b13b2aa4209e8d51159061a0187b1a408f06d4fb598b217a3ff1
-- mode: online
-- steps: 70
--   create enum: 1
--   drop constraint: 1
--   create function: 2
--   create sequence: 5
--   create table: 10
--   alter column: 1
--   create column: 6
--   update column: 2
--   create index: 21
--   create constraint: 15
--   create trigger: 1
--   alter sequence: 5
-- hazards: data_loss: 1, table_rewrite: 1, long_lock: 1, non_transactional: 3, unchecked_dependency: 2, data_change: 2

SET lock_timeout = '5s';
SET statement_timeout = '1h';
SET check_function_bodies = off;

-- transaction 1/6: steps 1-19
BEGIN;

-- step 1/70: create enum public.user_role_enum
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: none
CREATE TYPE "public"."user_role_enum" AS ENUM ('VIEWER', 'MANAGER', 'ADMIN', 'SUPER_ADMIN');

-- step 2/70: drop constraint public.users.users_role_check
--   transactional: yes
--   locks: catalog: "public"."users" ACCESS EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."users" DROP CONSTRAINT "users_role_check";

-- step 3/70: create function public.cleanup_old_audit_logs(retention_days integer)
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: unchecked_dependency (the body of public.cleanup_old_audit_logs(retention_days integer) is not checked by PostgreSQL: objects it uses are not ordered or verified)
CREATE FUNCTION "public"."cleanup_old_audit_logs"("retention_days" integer DEFAULT 90)
RETURNS integer
LANGUAGE "plpgsql"
VOLATILE
PARALLEL UNSAFE
COST 100
AS $$DECLARE
  deleted_count INTEGER;
BEGIN
  DELETE FROM audit_log
  WHERE timestamp < NOW() - (retention_days || ' days')::INTERVAL;

  GET DIAGNOSTICS deleted_count = ROW_COUNT;
  RETURN deleted_count;
END;
$$;

-- step 4/70: create function public.track_weight_override_changes()
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: unchecked_dependency (the body of public.track_weight_override_changes() is not checked by PostgreSQL: objects it uses are not ordered or verified)
CREATE FUNCTION "public"."track_weight_override_changes"()
RETURNS trigger
LANGUAGE "plpgsql"
VOLATILE
PARALLEL UNSAFE
COST 100
AS $$BEGIN
  INSERT INTO weight_override_history (
    weight_override_id,
    company_id,
    category,
    old_weights,
    new_weights,
    changed_by
  ) VALUES (
    NEW.id,
    NEW.company_id,
    NEW.category,
    OLD.weights,
    NEW.weights,
    NEW.updated_by
  );
  RETURN NEW;
END;
$$;

-- step 5/70: create sequence public.api_key_usage_id_seq
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: none
CREATE SEQUENCE "public"."api_key_usage_id_seq" AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE;

-- step 6/70: create sequence public.audit_log_id_seq
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: none
CREATE SEQUENCE "public"."audit_log_id_seq" AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE;

-- step 7/70: create sequence public.integration_delivery_log_id_seq
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: none
CREATE SEQUENCE "public"."integration_delivery_log_id_seq" AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE;

-- step 8/70: create sequence public.permissions_id_seq
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: none
CREATE SEQUENCE "public"."permissions_id_seq" AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1 NO CYCLE;

-- step 9/70: create sequence public.weight_override_history_id_seq
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: none
CREATE SEQUENCE "public"."weight_override_history_id_seq" AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE;

-- step 10/70: create table public.api_key_usage
--   transactional: yes
--   locks: catalog: "public"."api_key_usage" ACCESS EXCLUSIVE
--   hazards: none
CREATE TABLE "public"."api_key_usage" (
  "id" bigint DEFAULT nextval('api_key_usage_id_seq'::regclass) NOT NULL,
  "api_key_id" uuid NOT NULL,
  "used_at" timestamp with time zone DEFAULT now(),
  "endpoint" character varying(255),
  "ip_address" inet,
  "user_agent" text,
  "request_count" integer DEFAULT 1,
  CONSTRAINT "api_key_usage_pkey" PRIMARY KEY ("id")
);

-- step 11/70: create table public.api_keys
--   transactional: yes
--   locks: catalog: "public"."api_keys" ACCESS EXCLUSIVE
--   hazards: none
CREATE TABLE "public"."api_keys" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "company_id" uuid NOT NULL,
  "name" character varying(255) NOT NULL,
  "key_hash" character varying(255) NOT NULL,
  "key_prefix" character varying(16) NOT NULL,
  "scopes" text[] DEFAULT ARRAY['read:metrics'::text] NOT NULL,
  "created_at" timestamp with time zone DEFAULT now(),
  "created_by" uuid,
  "last_used_at" timestamp with time zone,
  "expires_at" timestamp with time zone,
  "revoked_at" timestamp with time zone,
  "revoked_by" uuid,
  "metadata" jsonb DEFAULT '{}'::jsonb,
  CONSTRAINT "api_keys_key_hash_key" UNIQUE ("key_hash"),
  CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "valid_expiry" CHECK (expires_at IS NULL OR expires_at > created_at),
  CONSTRAINT "valid_revocation" CHECK (revoked_at IS NULL OR revoked_at > created_at)
);

-- step 12/70: create table public.audit_log
--   transactional: yes
--   locks: catalog: "public"."audit_log" ACCESS EXCLUSIVE
--   hazards: none
CREATE TABLE "public"."audit_log" (
  "id" bigint DEFAULT nextval('audit_log_id_seq'::regclass) NOT NULL,
  "timestamp" timestamp with time zone DEFAULT now() NOT NULL,
  "company_id" uuid NOT NULL,
  "user_id" uuid,
  "user_email" character varying(255),
  "user_role" user_role_enum,
  "action" character varying(100) NOT NULL,
  "resource" character varying(100) NOT NULL,
  "resource_id" character varying(255),
  "severity" character varying(20) DEFAULT 'info'::character varying,
  "details" jsonb,
  "ip_address" inet,
  "user_agent" text,
  "session_id" character varying(255),
  CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "audit_log_severity_check" CHECK (severity::text = ANY (ARRAY['info'::text, 'warning'::text, 'error'::text])),
  CONSTRAINT "valid_severity" CHECK (severity::text = ANY (ARRAY['info'::text, 'warning'::text, 'error'::text]))
);

-- step 13/70: create table public.integration_configs
--   transactional: yes
--   locks: catalog: "public"."integration_configs" ACCESS EXCLUSIVE
--   hazards: none
CREATE TABLE "public"."integration_configs" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "company_id" uuid NOT NULL,
  "platform" character varying(50) NOT NULL,
  "enabled" boolean DEFAULT false,
  "api_endpoint" text,
  "credentials_encrypted" text,
  "config" jsonb DEFAULT '{}'::jsonb,
  "last_synced_at" timestamp with time zone,
  "last_sync_status" character varying(20),
  "error_message" text,
  "created_at" timestamp with time zone DEFAULT now(),
  "updated_at" timestamp with time zone DEFAULT now(),
  CONSTRAINT "integration_configs_company_id_platform_key" UNIQUE ("company_id", "platform"),
  CONSTRAINT "integration_configs_last_sync_status_check" CHECK (last_sync_status::text = ANY (ARRAY['success'::text, 'failed'::text, 'pending'::text])),
  CONSTRAINT "integration_configs_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "integration_configs_platform_check" CHECK (platform::text = ANY (ARRAY['benevity'::text, 'goodera'::text, 'workday'::text]))
);

-- step 14/70: create table public.integration_delivery_log
--   transactional: yes
--   locks: catalog: "public"."integration_delivery_log" ACCESS EXCLUSIVE
--   hazards: none
CREATE TABLE "public"."integration_delivery_log" (
  "id" bigint DEFAULT nextval('integration_delivery_log_id_seq'::regclass) NOT NULL,
  "integration_config_id" uuid NOT NULL,
  "company_id" uuid NOT NULL,
  "platform" character varying(50) NOT NULL,
  "delivered_at" timestamp with time zone DEFAULT now(),
  "status" character varying(20) NOT NULL,
  "payload_hash" character varying(64),
  "error_message" text,
  "retry_count" integer DEFAULT 0,
  "response_status" integer,
  "response_body" text,
  "duration_ms" integer,
  "metadata" jsonb,
  CONSTRAINT "integration_delivery_log_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "integration_delivery_log_status_check" CHECK (status::text = ANY (ARRAY['queued'::text, 'sending'::text, 'success'::text, 'failed'::text, 'retrying'::text]))
);

-- step 15/70: create table public.permissions
--   transactional: yes
--   locks: catalog: "public"."permissions" ACCESS EXCLUSIVE
--   hazards: none
CREATE TABLE "public"."permissions" (
  "id" integer DEFAULT nextval('permissions_id_seq'::regclass) NOT NULL,
  "name" character varying(100) NOT NULL,
  "resource" character varying(50) NOT NULL,
  "action" character varying(50) NOT NULL,
  "description" text,
  "created_at" timestamp with time zone DEFAULT now(),
  CONSTRAINT "permissions_name_key" UNIQUE ("name"),
  CONSTRAINT "permissions_pkey" PRIMARY KEY ("id")
);

-- step 16/70: create table public.role_hierarchy
--   transactional: yes
--   locks: catalog: "public"."role_hierarchy" ACCESS EXCLUSIVE
--   hazards: none
CREATE TABLE "public"."role_hierarchy" (
  "role" user_role_enum NOT NULL,
  "level" integer NOT NULL,
  "description" text,
  CONSTRAINT "role_hierarchy_level_key" UNIQUE ("level"),
  CONSTRAINT "role_hierarchy_pkey" PRIMARY KEY ("role")
);

-- step 17/70: create table public.role_permissions
--   transactional: yes
--   locks: catalog: "public"."role_permissions" ACCESS EXCLUSIVE
--   hazards: none
CREATE TABLE "public"."role_permissions" (
  "role" user_role_enum NOT NULL,
  "permission_id" integer NOT NULL,
  CONSTRAINT "role_permissions_pkey" PRIMARY KEY ("role", "permission_id")
);

-- step 18/70: create table public.weight_override_history
--   transactional: yes
--   locks: catalog: "public"."weight_override_history" ACCESS EXCLUSIVE
--   hazards: none
CREATE TABLE "public"."weight_override_history" (
  "id" bigint DEFAULT nextval('weight_override_history_id_seq'::regclass) NOT NULL,
  "weight_override_id" uuid NOT NULL,
  "company_id" uuid NOT NULL,
  "category" character varying(20) NOT NULL,
  "old_weights" jsonb,
  "new_weights" jsonb NOT NULL,
  "changed_at" timestamp with time zone DEFAULT now(),
  "changed_by" uuid,
  "change_reason" text,
  CONSTRAINT "weight_override_history_pkey" PRIMARY KEY ("id")
);

-- step 19/70: create table public.weight_overrides
--   transactional: yes
--   locks: catalog: "public"."weight_overrides" ACCESS EXCLUSIVE
--   hazards: none
CREATE TABLE "public"."weight_overrides" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "company_id" uuid NOT NULL,
  "category" character varying(20) NOT NULL,
  "weights" jsonb NOT NULL,
  "created_at" timestamp with time zone DEFAULT now(),
  "created_by" uuid,
  "updated_at" timestamp with time zone DEFAULT now(),
  "updated_by" uuid,
  CONSTRAINT "weight_overrides_category_check" CHECK (category::text = ANY (ARRAY['sroi'::text, 'vis'::text])),
  CONSTRAINT "weight_overrides_company_id_category_key" UNIQUE ("company_id", "category"),
  CONSTRAINT "weight_overrides_pkey" PRIMARY KEY ("id")
);

COMMIT; -- transaction 1/6

-- transaction 2/6: step 20
BEGIN;

-- step 20/70: alter column public.users.role
--   transactional: yes
--   locks: rewrite: "public"."users" ACCESS EXCLUSIVE
--   hazards: table_rewrite (changing public.users.role from character varying(20) to user_role_enum rewrites the table and its indexes)
--            long_lock (public.users is locked against reads and writes while it is rewritten)
--            data_loss (user_role_enum may not hold every character varying(20) value of public.users.role: such values make the step fail or are changed by the cast)
ALTER TABLE "public"."users" ALTER COLUMN "role" DROP DEFAULT, ALTER COLUMN "role" TYPE user_role_enum USING upper(role::text)::user_role_enum, ALTER COLUMN "role" SET DEFAULT 'VIEWER'::user_role_enum;

COMMIT; -- transaction 2/6

-- transaction 3/6: steps 21-26
BEGIN;

-- step 21/70: create column public.companies.slug
--   transactional: yes
--   locks: catalog: "public"."companies" ACCESS EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."companies" ADD COLUMN "slug" character varying(100);

-- step 22/70: create column public.companies.tenant_enabled
--   transactional: yes
--   locks: catalog: "public"."companies" ACCESS EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."companies" ADD COLUMN "tenant_enabled" boolean DEFAULT true;

-- step 23/70: create column public.companies.tenant_config
--   transactional: yes
--   locks: catalog: "public"."companies" ACCESS EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."companies" ADD COLUMN "tenant_config" jsonb DEFAULT '{}'::jsonb;

-- step 24/70: create column public.sessions.tenant_id
--   transactional: yes
--   locks: catalog: "public"."sessions" ACCESS EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."sessions" ADD COLUMN "tenant_id" character varying(100);

-- step 25/70: create column public.sessions.last_tenant_switch_at
--   transactional: yes
--   locks: catalog: "public"."sessions" ACCESS EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."sessions" ADD COLUMN "last_tenant_switch_at" timestamp with time zone;

-- step 26/70: create column public.users.allowed_tenants
--   transactional: yes
--   locks: catalog: "public"."users" ACCESS EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."users" ADD COLUMN "allowed_tenants" text[] DEFAULT '{}'::text[];

COMMIT; -- transaction 3/6

-- step 27/70: update column public.companies.slug
--   transactional: no
--   locks: catalog: "public"."companies" ROW EXCLUSIVE
--   hazards: data_change (writes lower(replace(name, ' ', '-')) into public.companies.slug for every existing row (the column is new), 10000 rows per transaction: rows are locked only for their batch)
--   backfill: batches of 10000 rows, each its own transaction, repeated until none is left (a re-run continues where it stopped)
UPDATE "public"."companies" SET "slug" = (lower(replace(name, ' ', '-')))
WHERE ("id") IN (SELECT "id" FROM "public"."companies" WHERE "slug" IS DISTINCT FROM (lower(replace(name, ' ', '-')))::character varying(100) ORDER BY "id" LIMIT 10000)
RETURNING "id";

-- step 28/70: update column public.users.allowed_tenants
--   transactional: no
--   locks: catalog: "public"."users" ROW EXCLUSIVE
--   hazards: data_change (writes ARRAY[company_id] into public.users.allowed_tenants for every existing row (the column is new), 10000 rows per transaction: rows are locked only for their batch)
--   backfill: batches of 10000 rows, each its own transaction, repeated until none is left (a re-run continues where it stopped)
UPDATE "public"."users" SET "allowed_tenants" = (ARRAY[company_id])
WHERE ("id") IN (SELECT "id" FROM "public"."users" WHERE "allowed_tenants" IS DISTINCT FROM (ARRAY[company_id])::text[] ORDER BY "id" LIMIT 10000)
RETURNING "id";

-- transaction 4/6: steps 29-46
BEGIN;

-- step 29/70: create index public.api_key_usage.idx_api_key_usage_api_key_id
--   transactional: yes
--   locks: catalog: "public"."api_key_usage" SHARE
--   hazards: none
CREATE INDEX "idx_api_key_usage_api_key_id" ON "public"."api_key_usage" USING btree ("api_key_id");

-- step 30/70: create index public.api_key_usage.idx_api_key_usage_used_at
--   transactional: yes
--   locks: catalog: "public"."api_key_usage" SHARE
--   hazards: none
CREATE INDEX "idx_api_key_usage_used_at" ON "public"."api_key_usage" USING btree ("used_at");

-- step 31/70: create index public.api_keys.idx_api_keys_company_id
--   transactional: yes
--   locks: catalog: "public"."api_keys" SHARE
--   hazards: none
CREATE INDEX "idx_api_keys_company_id" ON "public"."api_keys" USING btree ("company_id");

-- step 32/70: create index public.api_keys.idx_api_keys_expires_at
--   transactional: yes
--   locks: catalog: "public"."api_keys" SHARE
--   hazards: none
CREATE INDEX "idx_api_keys_expires_at" ON "public"."api_keys" USING btree ("expires_at") WHERE (expires_at IS NOT NULL);

-- step 33/70: create index public.api_keys.idx_api_keys_key_hash
--   transactional: yes
--   locks: catalog: "public"."api_keys" SHARE
--   hazards: none
CREATE INDEX "idx_api_keys_key_hash" ON "public"."api_keys" USING btree ("key_hash");

-- step 34/70: create index public.audit_log.idx_audit_log_action
--   transactional: yes
--   locks: catalog: "public"."audit_log" SHARE
--   hazards: none
CREATE INDEX "idx_audit_log_action" ON "public"."audit_log" USING btree ("action");

-- step 35/70: create index public.audit_log.idx_audit_log_company_id
--   transactional: yes
--   locks: catalog: "public"."audit_log" SHARE
--   hazards: none
CREATE INDEX "idx_audit_log_company_id" ON "public"."audit_log" USING btree ("company_id");

-- step 36/70: create index public.audit_log.idx_audit_log_severity
--   transactional: yes
--   locks: catalog: "public"."audit_log" SHARE
--   hazards: none
CREATE INDEX "idx_audit_log_severity" ON "public"."audit_log" USING btree ("severity") WHERE (severity::text <> 'info'::text);

-- step 37/70: create index public.audit_log.idx_audit_log_timestamp
--   transactional: yes
--   locks: catalog: "public"."audit_log" SHARE
--   hazards: none
CREATE INDEX "idx_audit_log_timestamp" ON "public"."audit_log" USING btree ("timestamp" DESC);

-- step 38/70: create index public.audit_log.idx_audit_log_user_id
--   transactional: yes
--   locks: catalog: "public"."audit_log" SHARE
--   hazards: none
CREATE INDEX "idx_audit_log_user_id" ON "public"."audit_log" USING btree ("user_id");

-- step 39/70: create index public.integration_configs.idx_integration_configs_company_id
--   transactional: yes
--   locks: catalog: "public"."integration_configs" SHARE
--   hazards: none
CREATE INDEX "idx_integration_configs_company_id" ON "public"."integration_configs" USING btree ("company_id");

-- step 40/70: create index public.integration_configs.idx_integration_configs_platform
--   transactional: yes
--   locks: catalog: "public"."integration_configs" SHARE
--   hazards: none
CREATE INDEX "idx_integration_configs_platform" ON "public"."integration_configs" USING btree ("platform");

-- step 41/70: create index public.integration_delivery_log.idx_integration_delivery_log_config_id
--   transactional: yes
--   locks: catalog: "public"."integration_delivery_log" SHARE
--   hazards: none
CREATE INDEX "idx_integration_delivery_log_config_id" ON "public"."integration_delivery_log" USING btree ("integration_config_id");

-- step 42/70: create index public.integration_delivery_log.idx_integration_delivery_log_delivered_at
--   transactional: yes
--   locks: catalog: "public"."integration_delivery_log" SHARE
--   hazards: none
CREATE INDEX "idx_integration_delivery_log_delivered_at" ON "public"."integration_delivery_log" USING btree ("delivered_at" DESC);

-- step 43/70: create index public.integration_delivery_log.idx_integration_delivery_log_status
--   transactional: yes
--   locks: catalog: "public"."integration_delivery_log" SHARE
--   hazards: none
CREATE INDEX "idx_integration_delivery_log_status" ON "public"."integration_delivery_log" USING btree ("status");

-- step 44/70: create index public.weight_override_history.idx_weight_override_history_changed_at
--   transactional: yes
--   locks: catalog: "public"."weight_override_history" SHARE
--   hazards: none
CREATE INDEX "idx_weight_override_history_changed_at" ON "public"."weight_override_history" USING btree ("changed_at" DESC);

-- step 45/70: create index public.weight_override_history.idx_weight_override_history_weight_override_id
--   transactional: yes
--   locks: catalog: "public"."weight_override_history" SHARE
--   hazards: none
CREATE INDEX "idx_weight_override_history_weight_override_id" ON "public"."weight_override_history" USING btree ("weight_override_id");

-- step 46/70: create index public.weight_overrides.idx_weight_overrides_company_id
--   transactional: yes
--   locks: catalog: "public"."weight_overrides" SHARE
--   hazards: none
CREATE INDEX "idx_weight_overrides_company_id" ON "public"."weight_overrides" USING btree ("company_id");

COMMIT; -- transaction 4/6

-- step 47/70: create index public.companies.companies_slug_key
--   transactional: no
--   locks: scan: "public"."companies" SHARE UPDATE EXCLUSIVE
--   hazards: non_transactional (runs outside a transaction; re-running the plan completes it)
--   reason: builds the index of unique constraint companies_slug_key without blocking writes
CREATE UNIQUE INDEX CONCURRENTLY "companies_slug_key" ON "public"."companies" ("slug");

-- transaction 5/6: step 48
BEGIN;

-- step 48/70: create constraint public.companies.companies_slug_key
--   transactional: yes
--   locks: catalog: "public"."companies" ACCESS EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."companies" ADD CONSTRAINT "companies_slug_key" UNIQUE USING INDEX "companies_slug_key";

COMMIT; -- transaction 5/6

-- step 49/70: create index public.companies.idx_companies_slug
--   transactional: no
--   locks: scan: "public"."companies" SHARE UPDATE EXCLUSIVE
--   hazards: non_transactional (runs outside a transaction; re-running the plan completes it)
CREATE INDEX CONCURRENTLY "idx_companies_slug" ON "public"."companies" USING btree ("slug");

-- step 50/70: create index public.sessions.idx_sessions_tenant_id
--   transactional: no
--   locks: scan: "public"."sessions" SHARE UPDATE EXCLUSIVE
--   hazards: non_transactional (runs outside a transaction; re-running the plan completes it)
CREATE INDEX CONCURRENTLY "idx_sessions_tenant_id" ON "public"."sessions" USING btree ("tenant_id");

-- transaction 6/6: steps 51-70
BEGIN;

-- step 51/70: create constraint public.api_key_usage.api_key_usage_api_key_id_fkey
--   transactional: yes
--   locks: catalog: "public"."api_key_usage" SHARE ROW EXCLUSIVE, "public"."api_keys" SHARE ROW EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."api_key_usage" ADD CONSTRAINT "api_key_usage_api_key_id_fkey" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys" ("id") ON DELETE CASCADE;

-- step 52/70: create constraint public.api_keys.api_keys_company_id_fkey
--   transactional: yes
--   locks: catalog: "public"."api_keys" SHARE ROW EXCLUSIVE, "public"."companies" SHARE ROW EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."api_keys" ADD CONSTRAINT "api_keys_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "public"."companies" ("id") ON DELETE CASCADE;

-- step 53/70: create constraint public.api_keys.api_keys_created_by_fkey
--   transactional: yes
--   locks: catalog: "public"."api_keys" SHARE ROW EXCLUSIVE, "public"."users" SHARE ROW EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."api_keys" ADD CONSTRAINT "api_keys_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "public"."users" ("id") ON DELETE SET NULL;

-- step 54/70: create constraint public.api_keys.api_keys_revoked_by_fkey
--   transactional: yes
--   locks: catalog: "public"."api_keys" SHARE ROW EXCLUSIVE, "public"."users" SHARE ROW EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."api_keys" ADD CONSTRAINT "api_keys_revoked_by_fkey" FOREIGN KEY ("revoked_by") REFERENCES "public"."users" ("id") ON DELETE SET NULL;

-- step 55/70: create constraint public.audit_log.audit_log_company_id_fkey
--   transactional: yes
--   locks: catalog: "public"."audit_log" SHARE ROW EXCLUSIVE, "public"."companies" SHARE ROW EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."audit_log" ADD CONSTRAINT "audit_log_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "public"."companies" ("id") ON DELETE CASCADE;

-- step 56/70: create constraint public.audit_log.audit_log_user_id_fkey
--   transactional: yes
--   locks: catalog: "public"."audit_log" SHARE ROW EXCLUSIVE, "public"."users" SHARE ROW EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."audit_log" ADD CONSTRAINT "audit_log_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "public"."users" ("id") ON DELETE SET NULL;

-- step 57/70: create constraint public.integration_configs.integration_configs_company_id_fkey
--   transactional: yes
--   locks: catalog: "public"."integration_configs" SHARE ROW EXCLUSIVE, "public"."companies" SHARE ROW EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."integration_configs" ADD CONSTRAINT "integration_configs_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "public"."companies" ("id") ON DELETE CASCADE;

-- step 58/70: create constraint public.integration_delivery_log.integration_delivery_log_integration_config_id_fkey
--   transactional: yes
--   locks: catalog: "public"."integration_delivery_log" SHARE ROW EXCLUSIVE, "public"."integration_configs" SHARE ROW EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."integration_delivery_log" ADD CONSTRAINT "integration_delivery_log_integration_config_id_fkey" FOREIGN KEY ("integration_config_id") REFERENCES "public"."integration_configs" ("id") ON DELETE CASCADE;

-- step 59/70: create constraint public.role_permissions.role_permissions_permission_id_fkey
--   transactional: yes
--   locks: catalog: "public"."role_permissions" SHARE ROW EXCLUSIVE, "public"."permissions" SHARE ROW EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."role_permissions" ADD CONSTRAINT "role_permissions_permission_id_fkey" FOREIGN KEY ("permission_id") REFERENCES "public"."permissions" ("id") ON DELETE CASCADE;

-- step 60/70: create constraint public.weight_override_history.weight_override_history_changed_by_fkey
--   transactional: yes
--   locks: catalog: "public"."weight_override_history" SHARE ROW EXCLUSIVE, "public"."users" SHARE ROW EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."weight_override_history" ADD CONSTRAINT "weight_override_history_changed_by_fkey" FOREIGN KEY ("changed_by") REFERENCES "public"."users" ("id") ON DELETE SET NULL;

-- step 61/70: create constraint public.weight_override_history.weight_override_history_weight_override_id_fkey
--   transactional: yes
--   locks: catalog: "public"."weight_override_history" SHARE ROW EXCLUSIVE, "public"."weight_overrides" SHARE ROW EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."weight_override_history" ADD CONSTRAINT "weight_override_history_weight_override_id_fkey" FOREIGN KEY ("weight_override_id") REFERENCES "public"."weight_overrides" ("id") ON DELETE CASCADE;

-- step 62/70: create constraint public.weight_overrides.weight_overrides_company_id_fkey
--   transactional: yes
--   locks: catalog: "public"."weight_overrides" SHARE ROW EXCLUSIVE, "public"."companies" SHARE ROW EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."weight_overrides" ADD CONSTRAINT "weight_overrides_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "public"."companies" ("id") ON DELETE CASCADE;

-- step 63/70: create constraint public.weight_overrides.weight_overrides_created_by_fkey
--   transactional: yes
--   locks: catalog: "public"."weight_overrides" SHARE ROW EXCLUSIVE, "public"."users" SHARE ROW EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."weight_overrides" ADD CONSTRAINT "weight_overrides_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "public"."users" ("id") ON DELETE SET NULL;

-- step 64/70: create constraint public.weight_overrides.weight_overrides_updated_by_fkey
--   transactional: yes
--   locks: catalog: "public"."weight_overrides" SHARE ROW EXCLUSIVE, "public"."users" SHARE ROW EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."weight_overrides" ADD CONSTRAINT "weight_overrides_updated_by_fkey" FOREIGN KEY ("updated_by") REFERENCES "public"."users" ("id") ON DELETE SET NULL;

-- step 65/70: create trigger public.weight_overrides.weight_override_update_trigger
--   transactional: yes
--   locks: catalog: "public"."weight_overrides" SHARE ROW EXCLUSIVE
--   hazards: none
CREATE TRIGGER "weight_override_update_trigger" AFTER UPDATE OF "weights" ON "public"."weight_overrides" FOR EACH ROW WHEN (old.weights IS DISTINCT FROM new.weights) EXECUTE FUNCTION "public"."track_weight_override_changes"();

-- step 66/70: alter sequence public.api_key_usage_id_seq
--   transactional: yes
--   locks: catalog: "public"."api_key_usage_id_seq" ACCESS EXCLUSIVE
--   hazards: none
ALTER SEQUENCE "public"."api_key_usage_id_seq" OWNED BY "public"."api_key_usage"."id";

-- step 67/70: alter sequence public.audit_log_id_seq
--   transactional: yes
--   locks: catalog: "public"."audit_log_id_seq" ACCESS EXCLUSIVE
--   hazards: none
ALTER SEQUENCE "public"."audit_log_id_seq" OWNED BY "public"."audit_log"."id";

-- step 68/70: alter sequence public.integration_delivery_log_id_seq
--   transactional: yes
--   locks: catalog: "public"."integration_delivery_log_id_seq" ACCESS EXCLUSIVE
--   hazards: none
ALTER SEQUENCE "public"."integration_delivery_log_id_seq" OWNED BY "public"."integration_delivery_log"."id";

-- step 69/70: alter sequence public.permissions_id_seq
--   transactional: yes
--   locks: catalog: "public"."permissions_id_seq" ACCESS EXCLUSIVE
--   hazards: none
ALTER SEQUENCE "public"."permissions_id_seq" OWNED BY "public"."permissions"."id";

-- step 70/70: alter sequence public.weight_override_history_id_seq
--   transactional: yes
--   locks: catalog: "public"."weight_override_history_id_seq" ACCESS EXCLUSIVE
--   hazards: none
ALTER SEQUENCE "public"."weight_override_history_id_seq" OWNED BY "public"."weight_override_history"."id";

COMMIT; -- transaction 6/6
