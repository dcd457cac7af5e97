-- pgform plan
-- pgform-version: 0.1.0
-- source: sha256:89418c5f156c5ea7
-- target: sha256:4b1345553bc78d4e
-- managed-schemas: ["public"]
-- plan-hash: sha256:849ef639169dc002637babbfd22903ee42800c3c244cfea89a4a9ae18fb4293e
-- mode: online
-- steps: 173
--   create role: 2
--   create extension: 4
--   create function: 5
--   create table: 15
--   alter table: 8
--   create index: 38
--   create view: 7
--   create materialized_view: 2
--   alter materialized_view: 2
--   create constraint: 23
--   create trigger: 15
--   grant grant: 46
--   comment extension: 4
--   comment role: 2
-- hazards: unchecked_dependency: 5, authz_change: 48

SET lock_timeout = '5s';
SET statement_timeout = '1h';
SET check_function_bodies = off;

-- transaction 1/1: steps 1-173
BEGIN;

-- step 1/173: create role llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (creates role llm_governance_app)
CREATE ROLE "llm_governance_app";

-- step 2/173: create role llm_governance_readonly
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (creates role llm_governance_readonly)
CREATE ROLE "llm_governance_readonly";

-- step 3/173: create extension btree_gist
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: none
CREATE EXTENSION IF NOT EXISTS "btree_gist" SCHEMA "public";

-- step 4/173: create extension pg_trgm
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: none
CREATE EXTENSION IF NOT EXISTS "pg_trgm" SCHEMA "public";

-- step 5/173: create extension timescaledb
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: none
CREATE EXTENSION IF NOT EXISTS "timescaledb" SCHEMA "public";

-- step 6/173: create extension uuid-ossp
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: none
CREATE EXTENSION IF NOT EXISTS "uuid-ossp" SCHEMA "public";

-- step 7/173: create function public.audit_log_trigger()
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: unchecked_dependency (the body of public.audit_log_trigger() is not checked by PostgreSQL: objects it uses are not ordered or verified)
CREATE FUNCTION "public"."audit_log_trigger"()
RETURNS trigger
LANGUAGE "plpgsql"
VOLATILE
PARALLEL UNSAFE
COST 100
AS $$DECLARE
    actor UUID := NULLIF(current_setting('app.current_user_id', true), '')::uuid;
    row_id TEXT;
BEGIN
    IF TG_OP = 'DELETE' THEN
        row_id := to_jsonb(OLD) ->> 'id';
    ELSE
        row_id := to_jsonb(NEW) ->> 'id';
    END IF;
    INSERT INTO audit_logs (user_id, action, resource_type, resource_id, old_values, new_values)
    VALUES (
        actor,
        lower(TG_OP),
        TG_TABLE_NAME,
        row_id,
        CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) END,
        CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN to_jsonb(NEW) END
    );
    RETURN NULL;
END;
$$;

-- step 8/173: create function public.generate_audit_checksum()
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: unchecked_dependency (the body of public.generate_audit_checksum() is not checked by PostgreSQL: objects it uses are not ordered or verified)
CREATE FUNCTION "public"."generate_audit_checksum"()
RETURNS trigger
LANGUAGE "plpgsql"
VOLATILE
PARALLEL UNSAFE
COST 100
AS $$BEGIN
    NEW.checksum := encode(sha256(convert_to(concat_ws('|',
        NEW.id::text, NEW.user_id::text, NEW.action, NEW.resource_type, NEW.resource_id,
        NEW.old_values::text, NEW.new_values::text, NEW.details::text,
        host(NEW.ip_address), NEW.status, to_char(NEW.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')
    ), 'UTF8')), 'hex');
    RETURN NEW;
END;
$$;

-- step 9/173: create function public.prevent_audit_log_modification()
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: unchecked_dependency (the body of public.prevent_audit_log_modification() is not checked by PostgreSQL: objects it uses are not ordered or verified)
CREATE FUNCTION "public"."prevent_audit_log_modification"()
RETURNS trigger
LANGUAGE "plpgsql"
VOLATILE
PARALLEL UNSAFE
COST 100
AS $$BEGIN
    RAISE EXCEPTION 'audit_logs is immutable: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- step 10/173: create function public.update_updated_at()
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: unchecked_dependency (the body of public.update_updated_at() is not checked by PostgreSQL: objects it uses are not ordered or verified)
CREATE FUNCTION "public"."update_updated_at"()
RETURNS trigger
LANGUAGE "plpgsql"
VOLATILE
PARALLEL UNSAFE
COST 100
AS $$BEGIN
    NEW.updated_at = NOW();
    RETURN NEW;
END;
$$;

-- step 11/173: create function public.validate_permissions(perms jsonb)
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: unchecked_dependency (the body of public.validate_permissions(perms jsonb) is not checked by PostgreSQL: objects it uses are not ordered or verified)
CREATE FUNCTION "public"."validate_permissions"("perms" jsonb)
RETURNS boolean
LANGUAGE "plpgsql"
IMMUTABLE
PARALLEL UNSAFE
COST 100
AS $$BEGIN
    IF perms IS NULL OR jsonb_typeof(perms) <> 'array' THEN
        RETURN FALSE;
    END IF;
    RETURN NOT EXISTS (
        SELECT 1
          FROM jsonb_array_elements(perms) AS p(value)
         WHERE jsonb_typeof(p.value) <> 'string'
            OR NOT (p.value #>> '{}') ~ '^(\*|[a-z_]+:(\*|[a-z_]+))$'
    );
END;
$$;

-- step 12/173: create table public.alert_subscriptions
--   transactional: yes
--   locks: catalog: "public"."alert_subscriptions" ACCESS EXCLUSIVE
--   hazards: none
CREATE TABLE "public"."alert_subscriptions" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "user_id" uuid NOT NULL,
  "alert_type" character varying(50) NOT NULL,
  "min_severity" character varying(20) DEFAULT 'warning'::character varying NOT NULL,
  "channels" text[] DEFAULT ARRAY['in_app'::text] NOT NULL,
  "team_id" uuid,
  "is_active" boolean DEFAULT true NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "alert_subscriptions_min_severity_check" CHECK (min_severity::text = ANY (ARRAY['info'::text, 'warning'::text, 'critical'::text])),
  CONSTRAINT "alert_subscriptions_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "alert_subscriptions_user_id_alert_type_key" UNIQUE ("user_id", "alert_type")
);

-- step 13/173: create table public.alerts
--   transactional: yes
--   locks: catalog: "public"."alerts" ACCESS EXCLUSIVE
--   hazards: none
CREATE TABLE "public"."alerts" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "alert_type" character varying(50) NOT NULL,
  "severity" character varying(20) NOT NULL,
  "title" character varying(255) NOT NULL,
  "message" text,
  "source" character varying(100),
  "team_id" uuid,
  "user_id" uuid,
  "policy_id" uuid,
  "metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
  "acknowledged_by" uuid,
  "acknowledged_at" timestamp with time zone,
  "resolved_by" uuid,
  "resolved_at" timestamp with time zone,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "alerts_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "alerts_severity_check" CHECK (severity::text = ANY (ARRAY['info'::text, 'warning'::text, 'critical'::text]))
);

-- step 14/173: create table public.api_keys
--   transactional: yes
--   locks: catalog: "public"."api_keys" ACCESS EXCLUSIVE
--   hazards: none
CREATE TABLE "public"."api_keys" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "user_id" uuid NOT NULL,
  "name" character varying(255) NOT NULL,
  "key_hash" character varying(255) NOT NULL,
  "key_prefix" character varying(16) NOT NULL,
  "scopes" text[] DEFAULT ARRAY['metrics:read'::text] NOT NULL,
  "rate_limit_per_minute" integer,
  "expires_at" timestamp with time zone,
  "last_used_at" timestamp with time zone,
  "revoked_at" timestamp with time zone,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "api_keys_key_hash_key" UNIQUE ("key_hash"),
  CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- step 15/173: create table public.audit_logs
--   transactional: yes
--   locks: catalog: "public"."audit_logs" ACCESS EXCLUSIVE
--   hazards: none
CREATE TABLE "public"."audit_logs" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "user_id" uuid,
  "user_email" character varying(255),
  "action" character varying(100) NOT NULL,
  "resource_type" character varying(100) NOT NULL,
  "resource_id" character varying(255),
  "old_values" jsonb,
  "new_values" jsonb,
  "details" jsonb DEFAULT '{}'::jsonb NOT NULL,
  "ip_address" inet,
  "user_agent" text,
  "status" character varying(20) DEFAULT 'success'::character varying NOT NULL,
  "checksum" character varying(64) NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "audit_logs_status_check" CHECK (status::text = ANY (ARRAY['success'::text, 'failure'::text]))
);

-- step 16/173: create table public.llm_metrics
--   transactional: yes
--   locks: catalog: "public"."llm_metrics" ACCESS EXCLUSIVE
--   hazards: none
CREATE TABLE "public"."llm_metrics" (
  "time" timestamp with time zone NOT NULL,
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "request_id" character varying(100),
  "user_id" uuid,
  "team_id" uuid,
  "api_key_id" uuid,
  "provider" character varying(50) NOT NULL,
  "model" character varying(100) NOT NULL,
  "prompt_tokens" integer DEFAULT 0 NOT NULL,
  "completion_tokens" integer DEFAULT 0 NOT NULL,
  "total_tokens" integer DEFAULT 0 NOT NULL,
  "cost_usd" numeric(12,6) DEFAULT 0 NOT NULL,
  "latency_ms" integer,
  "status" character varying(20) DEFAULT 'success'::character varying NOT NULL,
  "error_type" character varying(100),
  "metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
  CONSTRAINT "llm_metrics_pkey" PRIMARY KEY ("id", "time"),
  CONSTRAINT "llm_metrics_status_check" CHECK (status::text = ANY (ARRAY['success'::text, 'error'::text, 'timeout'::text, 'blocked'::text]))
);

-- step 17/173: create table public.mfa_secrets
--   transactional: yes
--   locks: catalog: "public"."mfa_secrets" ACCESS EXCLUSIVE
--   hazards: none
CREATE TABLE "public"."mfa_secrets" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "user_id" uuid NOT NULL,
  "method" character varying(20) DEFAULT 'totp'::character varying NOT NULL,
  "secret_encrypted" text NOT NULL,
  "backup_codes_encrypted" text[],
  "verified_at" timestamp with time zone,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "mfa_secrets_method_check" CHECK (method::text = ANY (ARRAY['totp'::text, 'sms'::text, 'email'::text])),
  CONSTRAINT "mfa_secrets_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "mfa_secrets_user_id_key" UNIQUE ("user_id")
);

-- step 18/173: create table public.policies
--   transactional: yes
--   locks: catalog: "public"."policies" ACCESS EXCLUSIVE
--   hazards: none
CREATE TABLE "public"."policies" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "name" character varying(255) NOT NULL,
  "description" text,
  "policy_type" character varying(50) NOT NULL,
  "rules" jsonb NOT NULL,
  "enforcement_level" character varying(20) DEFAULT 'warning'::character varying NOT NULL,
  "priority" integer DEFAULT 100 NOT NULL,
  "is_active" boolean DEFAULT true NOT NULL,
  "created_by" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "policies_enforcement_level_check" CHECK (enforcement_level::text = ANY (ARRAY['advisory'::text, 'warning'::text, 'blocking'::text])),
  CONSTRAINT "policies_name_key" UNIQUE ("name"),
  CONSTRAINT "policies_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "policies_policy_type_check" CHECK (policy_type::text = ANY (ARRAY['cost'::text, 'rate_limit'::text, 'content_filter'::text, 'security'::text, 'compliance'::text]))
);

-- step 19/173: create table public.policy_assignments
--   transactional: yes
--   locks: catalog: "public"."policy_assignments" ACCESS EXCLUSIVE
--   hazards: none
CREATE TABLE "public"."policy_assignments" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "policy_id" uuid NOT NULL,
  "team_id" uuid,
  "user_id" uuid,
  "assigned_by" uuid,
  "effective_from" timestamp with time zone DEFAULT now() NOT NULL,
  "effective_until" timestamp with time zone,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "policy_assignments_no_overlap_team" EXCLUDE USING gist (policy_id WITH =, team_id WITH =, tstzrange(effective_from, effective_until) WITH &&) WHERE (team_id IS NOT NULL),
  CONSTRAINT "policy_assignments_no_overlap_user" EXCLUDE USING gist (policy_id WITH =, user_id WITH =, tstzrange(effective_from, effective_until) WITH &&) WHERE (user_id IS NOT NULL),
  CONSTRAINT "policy_assignments_one_target" CHECK (num_nonnulls(team_id, user_id) = 1),
  CONSTRAINT "policy_assignments_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "policy_assignments_valid_period" CHECK (effective_until IS NULL OR effective_until > effective_from)
);

-- step 20/173: create table public.roles
--   transactional: yes
--   locks: catalog: "public"."roles" ACCESS EXCLUSIVE
--   hazards: none
CREATE TABLE "public"."roles" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "name" character varying(100) NOT NULL,
  "display_name" character varying(255) NOT NULL,
  "description" text,
  "permissions" jsonb DEFAULT '[]'::jsonb NOT NULL,
  "parent_role_id" uuid,
  "level" integer DEFAULT 0 NOT NULL,
  "is_system" boolean DEFAULT false NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "roles_level_check" CHECK (level >= 0 AND level <= 100),
  CONSTRAINT "roles_name_key" UNIQUE ("name"),
  CONSTRAINT "roles_not_own_parent" CHECK (parent_role_id IS DISTINCT FROM id),
  CONSTRAINT "roles_permissions_valid" CHECK (validate_permissions(permissions)),
  CONSTRAINT "roles_pkey" PRIMARY KEY ("id")
);

-- step 21/173: create table public.sessions
--   transactional: yes
--   locks: catalog: "public"."sessions" ACCESS EXCLUSIVE
--   hazards: none
CREATE TABLE "public"."sessions" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "user_id" uuid NOT NULL,
  "token_hash" character varying(255) NOT NULL,
  "refresh_token_hash" character varying(255),
  "ip_address" inet,
  "user_agent" text,
  "expires_at" timestamp with time zone NOT NULL,
  "last_activity_at" timestamp with time zone DEFAULT now() NOT NULL,
  "revoked_at" timestamp with time zone,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "sessions_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "sessions_refresh_token_hash_key" UNIQUE ("refresh_token_hash"),
  CONSTRAINT "sessions_token_hash_key" UNIQUE ("token_hash")
);

-- step 22/173: create table public.system_metrics
--   transactional: yes
--   locks: catalog: "public"."system_metrics" ACCESS EXCLUSIVE
--   hazards: none
CREATE TABLE "public"."system_metrics" (
  "time" timestamp with time zone NOT NULL,
  "service" character varying(100) NOT NULL,
  "host" character varying(255),
  "metric_name" character varying(100) NOT NULL,
  "value" double precision NOT NULL,
  "unit" character varying(20),
  "tags" jsonb DEFAULT '{}'::jsonb NOT NULL
);

-- step 23/173: create table public.team_members
--   transactional: yes
--   locks: catalog: "public"."team_members" ACCESS EXCLUSIVE
--   hazards: none
CREATE TABLE "public"."team_members" (
  "team_id" uuid NOT NULL,
  "user_id" uuid NOT NULL,
  "role" character varying(20) DEFAULT 'member'::character varying NOT NULL,
  "joined_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "team_members_pkey" PRIMARY KEY ("team_id", "user_id"),
  CONSTRAINT "team_members_role_check" CHECK (role::text = ANY (ARRAY['owner'::text, 'admin'::text, 'member'::text]))
);

-- step 24/173: create table public.teams
--   transactional: yes
--   locks: catalog: "public"."teams" ACCESS EXCLUSIVE
--   hazards: none
CREATE TABLE "public"."teams" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "name" character varying(255) NOT NULL,
  "slug" character varying(100) NOT NULL,
  "description" text,
  "parent_team_id" uuid,
  "manager_id" uuid,
  "monthly_budget_usd" numeric(12,2),
  "settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "teams_monthly_budget_usd_check" CHECK (monthly_budget_usd >= 0::numeric),
  CONSTRAINT "teams_not_own_parent" CHECK (parent_team_id IS DISTINCT FROM id),
  CONSTRAINT "teams_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "teams_slug_key" UNIQUE ("slug")
);

-- step 25/173: create table public.user_roles
--   transactional: yes
--   locks: catalog: "public"."user_roles" ACCESS EXCLUSIVE
--   hazards: none
CREATE TABLE "public"."user_roles" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "user_id" uuid NOT NULL,
  "role_id" uuid NOT NULL,
  "granted_by" uuid,
  "granted_at" timestamp with time zone DEFAULT now() NOT NULL,
  "expires_at" timestamp with time zone,
  CONSTRAINT "user_roles_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "user_roles_user_id_role_id_key" UNIQUE ("user_id", "role_id")
);

-- step 26/173: create table public.users
--   transactional: yes
--   locks: catalog: "public"."users" ACCESS EXCLUSIVE
--   hazards: none
CREATE TABLE "public"."users" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "email" character varying(255) NOT NULL,
  "password_hash" character varying(255) NOT NULL,
  "full_name" character varying(255) NOT NULL,
  "status" character varying(20) DEFAULT 'active'::character varying NOT NULL,
  "email_verified" boolean DEFAULT false NOT NULL,
  "mfa_enabled" boolean DEFAULT false NOT NULL,
  "failed_login_attempts" integer DEFAULT 0 NOT NULL,
  "locked_until" timestamp with time zone,
  "last_login_at" timestamp with time zone,
  "metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "deleted_at" timestamp with time zone,
  CONSTRAINT "users_email_key" UNIQUE ("email"),
  CONSTRAINT "users_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "users_status_check" CHECK (status::text = ANY (ARRAY['active'::text, 'inactive'::text, 'suspended'::text, 'pending'::text]))
);

-- step 27/173: alter table public.llm_metrics
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: none
--   reason: hypertable on time
SELECT create_hypertable('"public"."llm_metrics"'::regclass, by_range('time', INTERVAL '1 day'), create_default_indexes => false);

-- step 28/173: alter table public.system_metrics
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: none
--   reason: hypertable on time
SELECT create_hypertable('"public"."system_metrics"'::regclass, by_range('time', INTERVAL '1 day'), create_default_indexes => false);

-- step 29/173: alter table public.llm_metrics
--   transactional: yes
--   locks: catalog: "public"."llm_metrics" ACCESS EXCLUSIVE
--   hazards: none
--   reason: compression settings
ALTER TABLE "public"."llm_metrics" SET (timescaledb.compress = true, timescaledb.compress_segmentby = '"team_id", "model"', timescaledb.compress_orderby = '"time" DESC');

-- step 30/173: alter table public.system_metrics
--   transactional: yes
--   locks: catalog: "public"."system_metrics" ACCESS EXCLUSIVE
--   hazards: none
--   reason: compression settings
ALTER TABLE "public"."system_metrics" SET (timescaledb.compress = true, timescaledb.compress_segmentby = '"service", "metric_name"', timescaledb.compress_orderby = '"time" DESC');

-- step 31/173: create index public.alert_subscriptions.idx_alert_subscriptions_type
--   transactional: yes
--   locks: catalog: "public"."alert_subscriptions" SHARE
--   hazards: none
CREATE INDEX "idx_alert_subscriptions_type" ON "public"."alert_subscriptions" USING btree ("alert_type") WHERE (is_active);

-- step 32/173: create index public.alerts.idx_alerts_metadata
--   transactional: yes
--   locks: catalog: "public"."alerts" SHARE
--   hazards: none
CREATE INDEX "idx_alerts_metadata" ON "public"."alerts" USING gin ("metadata");

-- step 33/173: create index public.alerts.idx_alerts_policy_id
--   transactional: yes
--   locks: catalog: "public"."alerts" SHARE
--   hazards: none
CREATE INDEX "idx_alerts_policy_id" ON "public"."alerts" USING btree ("policy_id") WHERE (policy_id IS NOT NULL);

-- step 34/173: create index public.alerts.idx_alerts_team_unresolved
--   transactional: yes
--   locks: catalog: "public"."alerts" SHARE
--   hazards: none
CREATE INDEX "idx_alerts_team_unresolved" ON "public"."alerts" USING btree ("team_id", "created_at" DESC) WHERE (resolved_at IS NULL);

-- step 35/173: create index public.alerts.idx_alerts_type_created
--   transactional: yes
--   locks: catalog: "public"."alerts" SHARE
--   hazards: none
CREATE INDEX "idx_alerts_type_created" ON "public"."alerts" USING btree ("alert_type", "created_at" DESC);

-- step 36/173: create index public.alerts.idx_alerts_unresolved
--   transactional: yes
--   locks: catalog: "public"."alerts" SHARE
--   hazards: none
CREATE INDEX "idx_alerts_unresolved" ON "public"."alerts" USING btree ("severity", "created_at" DESC) WHERE (resolved_at IS NULL);

-- step 37/173: create index public.api_keys.idx_api_keys_active
--   transactional: yes
--   locks: catalog: "public"."api_keys" SHARE
--   hazards: none
CREATE INDEX "idx_api_keys_active" ON "public"."api_keys" USING btree ("key_prefix") WHERE (revoked_at IS NULL);

-- step 38/173: create index public.api_keys.idx_api_keys_user_id
--   transactional: yes
--   locks: catalog: "public"."api_keys" SHARE
--   hazards: none
CREATE INDEX "idx_api_keys_user_id" ON "public"."api_keys" USING btree ("user_id");

-- step 39/173: create index public.audit_logs.idx_audit_logs_action
--   transactional: yes
--   locks: catalog: "public"."audit_logs" SHARE
--   hazards: none
CREATE INDEX "idx_audit_logs_action" ON "public"."audit_logs" USING btree ("action");

-- step 40/173: create index public.audit_logs.idx_audit_logs_created_at
--   transactional: yes
--   locks: catalog: "public"."audit_logs" SHARE
--   hazards: none
CREATE INDEX "idx_audit_logs_created_at" ON "public"."audit_logs" USING btree ("created_at" DESC);

-- step 41/173: create index public.audit_logs.idx_audit_logs_details
--   transactional: yes
--   locks: catalog: "public"."audit_logs" SHARE
--   hazards: none
CREATE INDEX "idx_audit_logs_details" ON "public"."audit_logs" USING gin ("details");

-- step 42/173: create index public.audit_logs.idx_audit_logs_failures
--   transactional: yes
--   locks: catalog: "public"."audit_logs" SHARE
--   hazards: none
CREATE INDEX "idx_audit_logs_failures" ON "public"."audit_logs" USING btree ("created_at" DESC) WHERE (status::text = 'failure'::text);

-- step 43/173: create index public.audit_logs.idx_audit_logs_resource
--   transactional: yes
--   locks: catalog: "public"."audit_logs" SHARE
--   hazards: none
CREATE INDEX "idx_audit_logs_resource" ON "public"."audit_logs" USING btree ("resource_type", "resource_id");

-- step 44/173: create index public.audit_logs.idx_audit_logs_user_id
--   transactional: yes
--   locks: catalog: "public"."audit_logs" SHARE
--   hazards: none
CREATE INDEX "idx_audit_logs_user_id" ON "public"."audit_logs" USING btree ("user_id", "created_at" DESC);

-- step 45/173: create index public.llm_metrics.idx_llm_metrics_errors
--   transactional: yes
--   locks: catalog: "public"."llm_metrics" SHARE
--   hazards: none
CREATE INDEX "idx_llm_metrics_errors" ON "public"."llm_metrics" USING btree ("time" DESC) WHERE (status::text <> 'success'::text);

-- step 46/173: create index public.llm_metrics.idx_llm_metrics_metadata
--   transactional: yes
--   locks: catalog: "public"."llm_metrics" SHARE
--   hazards: none
CREATE INDEX "idx_llm_metrics_metadata" ON "public"."llm_metrics" USING gin ("metadata");

-- step 47/173: create index public.llm_metrics.idx_llm_metrics_model_time
--   transactional: yes
--   locks: catalog: "public"."llm_metrics" SHARE
--   hazards: none
CREATE INDEX "idx_llm_metrics_model_time" ON "public"."llm_metrics" USING btree ("provider", "model", "time" DESC);

-- step 48/173: create index public.llm_metrics.idx_llm_metrics_team_time
--   transactional: yes
--   locks: catalog: "public"."llm_metrics" SHARE
--   hazards: none
CREATE INDEX "idx_llm_metrics_team_time" ON "public"."llm_metrics" USING btree ("team_id", "time" DESC);

-- step 49/173: create index public.llm_metrics.idx_llm_metrics_user_time
--   transactional: yes
--   locks: catalog: "public"."llm_metrics" SHARE
--   hazards: none
CREATE INDEX "idx_llm_metrics_user_time" ON "public"."llm_metrics" USING btree ("user_id", "time" DESC);

-- step 50/173: create index public.policies.idx_policies_active_type
--   transactional: yes
--   locks: catalog: "public"."policies" SHARE
--   hazards: none
CREATE INDEX "idx_policies_active_type" ON "public"."policies" USING btree ("policy_type", "priority") WHERE (is_active);

-- step 51/173: create index public.policies.idx_policies_rules
--   transactional: yes
--   locks: catalog: "public"."policies" SHARE
--   hazards: none
CREATE INDEX "idx_policies_rules" ON "public"."policies" USING gin ("rules");

-- step 52/173: create index public.policy_assignments.idx_policy_assignments_team_id
--   transactional: yes
--   locks: catalog: "public"."policy_assignments" SHARE
--   hazards: none
CREATE INDEX "idx_policy_assignments_team_id" ON "public"."policy_assignments" USING btree ("team_id") WHERE (team_id IS NOT NULL);

-- step 53/173: create index public.policy_assignments.idx_policy_assignments_user_id
--   transactional: yes
--   locks: catalog: "public"."policy_assignments" SHARE
--   hazards: none
CREATE INDEX "idx_policy_assignments_user_id" ON "public"."policy_assignments" USING btree ("user_id") WHERE (user_id IS NOT NULL);

-- step 54/173: create index public.roles.idx_roles_parent_role_id
--   transactional: yes
--   locks: catalog: "public"."roles" SHARE
--   hazards: none
CREATE INDEX "idx_roles_parent_role_id" ON "public"."roles" USING btree ("parent_role_id");

-- step 55/173: create index public.roles.idx_roles_permissions
--   transactional: yes
--   locks: catalog: "public"."roles" SHARE
--   hazards: none
CREATE INDEX "idx_roles_permissions" ON "public"."roles" USING gin ("permissions");

-- step 56/173: create index public.sessions.idx_sessions_active
--   transactional: yes
--   locks: catalog: "public"."sessions" SHARE
--   hazards: none
CREATE INDEX "idx_sessions_active" ON "public"."sessions" USING btree ("expires_at") WHERE (revoked_at IS NULL);

-- step 57/173: create index public.sessions.idx_sessions_user_id
--   transactional: yes
--   locks: catalog: "public"."sessions" SHARE
--   hazards: none
CREATE INDEX "idx_sessions_user_id" ON "public"."sessions" USING btree ("user_id");

-- step 58/173: create index public.system_metrics.idx_system_metrics_name_time
--   transactional: yes
--   locks: catalog: "public"."system_metrics" SHARE
--   hazards: none
CREATE INDEX "idx_system_metrics_name_time" ON "public"."system_metrics" USING btree ("metric_name", "time" DESC);

-- step 59/173: create index public.system_metrics.idx_system_metrics_service_time
--   transactional: yes
--   locks: catalog: "public"."system_metrics" SHARE
--   hazards: none
CREATE INDEX "idx_system_metrics_service_time" ON "public"."system_metrics" USING btree ("service", "time" DESC);

-- step 60/173: create index public.system_metrics.idx_system_metrics_tags
--   transactional: yes
--   locks: catalog: "public"."system_metrics" SHARE
--   hazards: none
CREATE INDEX "idx_system_metrics_tags" ON "public"."system_metrics" USING gin ("tags");

-- step 61/173: create index public.system_metrics.system_metrics_time_idx
--   transactional: yes
--   locks: catalog: "public"."system_metrics" SHARE
--   hazards: none
CREATE INDEX "system_metrics_time_idx" ON "public"."system_metrics" USING btree ("time" DESC);

-- step 62/173: create index public.team_members.idx_team_members_user_id
--   transactional: yes
--   locks: catalog: "public"."team_members" SHARE
--   hazards: none
CREATE INDEX "idx_team_members_user_id" ON "public"."team_members" USING btree ("user_id");

-- step 63/173: create index public.teams.idx_teams_name_trgm
--   transactional: yes
--   locks: catalog: "public"."teams" SHARE
--   hazards: none
CREATE INDEX "idx_teams_name_trgm" ON "public"."teams" USING gin ("name" public.gin_trgm_ops);

-- step 64/173: create index public.teams.idx_teams_parent_team_id
--   transactional: yes
--   locks: catalog: "public"."teams" SHARE
--   hazards: none
CREATE INDEX "idx_teams_parent_team_id" ON "public"."teams" USING btree ("parent_team_id");

-- step 65/173: create index public.user_roles.idx_user_roles_role_id
--   transactional: yes
--   locks: catalog: "public"."user_roles" SHARE
--   hazards: none
CREATE INDEX "idx_user_roles_role_id" ON "public"."user_roles" USING btree ("role_id");

-- step 66/173: create index public.users.idx_users_email_trgm
--   transactional: yes
--   locks: catalog: "public"."users" SHARE
--   hazards: none
CREATE INDEX "idx_users_email_trgm" ON "public"."users" USING gin ("email" public.gin_trgm_ops);

-- step 67/173: create index public.users.idx_users_full_name_trgm
--   transactional: yes
--   locks: catalog: "public"."users" SHARE
--   hazards: none
CREATE INDEX "idx_users_full_name_trgm" ON "public"."users" USING gin ("full_name" public.gin_trgm_ops);

-- step 68/173: create index public.users.idx_users_status
--   transactional: yes
--   locks: catalog: "public"."users" SHARE
--   hazards: none
CREATE INDEX "idx_users_status" ON "public"."users" USING btree ("status") WHERE (deleted_at IS NULL);

-- step 69/173: create view public.active_sessions_view
--   transactional: yes
--   locks: catalog: "public"."active_sessions_view" ACCESS EXCLUSIVE
--   hazards: none
CREATE VIEW "public"."active_sessions_view" ("session_id", "user_id", "email", "full_name", "ip_address", "user_agent", "created_at", "last_activity_at", "expires_at") AS SELECT s.id AS session_id,
    s.user_id,
    u.email,
    u.full_name,
    s.ip_address,
    s.user_agent,
    s.created_at,
    s.last_activity_at,
    s.expires_at
   FROM (sessions s
     JOIN users u ON ((u.id = s.user_id)))
  WHERE ((s.revoked_at IS NULL) AND (s.expires_at > now()));

-- step 70/173: create view public.alert_summary_view
--   transactional: yes
--   locks: catalog: "public"."alert_summary_view" ACCESS EXCLUSIVE
--   hazards: none
CREATE VIEW "public"."alert_summary_view" ("alert_type", "severity", "total_alerts", "open_alerts", "acknowledged_alerts", "resolved_alerts", "last_alert_at", "avg_resolution_seconds") AS SELECT alert_type,
    severity,
    count(*) AS total_alerts,
    count(*) FILTER (WHERE ((resolved_at IS NULL) AND (acknowledged_at IS NULL))) AS open_alerts,
    count(*) FILTER (WHERE ((resolved_at IS NULL) AND (acknowledged_at IS NOT NULL))) AS acknowledged_alerts,
    count(*) FILTER (WHERE (resolved_at IS NOT NULL)) AS resolved_alerts,
    max(created_at) AS last_alert_at,
    avg(EXTRACT(epoch FROM (resolved_at - created_at))) FILTER (WHERE (resolved_at IS NOT NULL)) AS avg_resolution_seconds
   FROM alerts
  GROUP BY alert_type, severity;

-- step 71/173: create view public.cost_summary_view
--   transactional: yes
--   locks: catalog: "public"."cost_summary_view" ACCESS EXCLUSIVE
--   hazards: none
CREATE VIEW "public"."cost_summary_view" ("day", "team_id", "team_name", "user_id", "provider", "model", "request_count", "prompt_tokens", "completion_tokens", "total_tokens", "total_cost_usd") AS SELECT date_trunc('day'::text, m."time") AS day,
    m.team_id,
    t.name AS team_name,
    m.user_id,
    m.provider,
    m.model,
    count(*) AS request_count,
    sum(m.prompt_tokens) AS prompt_tokens,
    sum(m.completion_tokens) AS completion_tokens,
    sum(m.total_tokens) AS total_tokens,
    sum(m.cost_usd) AS total_cost_usd
   FROM (llm_metrics m
     LEFT JOIN teams t ON ((t.id = m.team_id)))
  GROUP BY (date_trunc('day'::text, m."time")), m.team_id, t.name, m.user_id, m.provider, m.model;

-- step 72/173: create view public.policy_compliance_view
--   transactional: yes
--   locks: catalog: "public"."policy_compliance_view" ACCESS EXCLUSIVE
--   hazards: none
CREATE VIEW "public"."policy_compliance_view" ("policy_id", "name", "policy_type", "enforcement_level", "is_active", "assigned_teams", "assigned_users", "violations_30d", "open_violations") AS SELECT id AS policy_id,
    name,
    policy_type,
    enforcement_level,
    is_active,
    ( SELECT count(*) AS count
           FROM policy_assignments pa
          WHERE ((pa.policy_id = p.id) AND (pa.team_id IS NOT NULL) AND (pa.effective_from <= now()) AND ((pa.effective_until IS NULL) OR (pa.effective_until > now())))) AS assigned_teams,
    ( SELECT count(*) AS count
           FROM policy_assignments pa
          WHERE ((pa.policy_id = p.id) AND (pa.user_id IS NOT NULL) AND (pa.effective_from <= now()) AND ((pa.effective_until IS NULL) OR (pa.effective_until > now())))) AS assigned_users,
    ( SELECT count(*) AS count
           FROM alerts a
          WHERE ((a.policy_id = p.id) AND ((a.alert_type)::text = 'policy_violation'::text) AND (a.created_at > (now() - '30 days'::interval)))) AS violations_30d,
    ( SELECT count(*) AS count
           FROM alerts a
          WHERE ((a.policy_id = p.id) AND ((a.alert_type)::text = 'policy_violation'::text) AND (a.resolved_at IS NULL))) AS open_violations
   FROM policies p;

-- step 73/173: create view public.team_hierarchy_view
--   transactional: yes
--   locks: catalog: "public"."team_hierarchy_view" ACCESS EXCLUSIVE
--   hazards: none
CREATE VIEW "public"."team_hierarchy_view" ("id", "name", "parent_team_id", "root_team_id", "depth", "path_ids", "path") AS WITH RECURSIVE team_tree AS (
         SELECT t.id,
            t.name,
            t.parent_team_id,
            t.id AS root_team_id,
            0 AS depth,
            ARRAY[t.id] AS path_ids,
            (t.name)::text AS path
           FROM teams t
          WHERE (t.parent_team_id IS NULL)
        UNION ALL
         SELECT c.id,
            c.name,
            c.parent_team_id,
            tt.root_team_id,
            (tt.depth + 1),
            (tt.path_ids || c.id),
            ((tt.path || ' > '::text) || (c.name)::text)
           FROM (teams c
             JOIN team_tree tt ON ((c.parent_team_id = tt.id)))
          WHERE (NOT (c.id = ANY (tt.path_ids)))
        )
 SELECT id,
    name,
    parent_team_id,
    root_team_id,
    depth,
    path_ids,
    path
   FROM team_tree;

-- step 74/173: create view public.user_activity_summary_view
--   transactional: yes
--   locks: catalog: "public"."user_activity_summary_view" ACCESS EXCLUSIVE
--   hazards: none
CREATE VIEW "public"."user_activity_summary_view" ("user_id", "email", "full_name", "status", "last_login_at", "active_sessions", "requests_30d", "tokens_30d", "cost_usd_30d", "last_request_at") AS SELECT u.id AS user_id,
    u.email,
    u.full_name,
    u.status,
    u.last_login_at,
    ( SELECT count(*) AS count
           FROM sessions s
          WHERE ((s.user_id = u.id) AND (s.revoked_at IS NULL) AND (s.expires_at > now()))) AS active_sessions,
    COALESCE(m.request_count, (0)::bigint) AS requests_30d,
    COALESCE(m.total_tokens, (0)::bigint) AS tokens_30d,
    COALESCE(m.total_cost_usd, (0)::numeric) AS cost_usd_30d,
    m.last_request_at
   FROM (users u
     LEFT JOIN LATERAL ( SELECT count(*) AS request_count,
            sum(lm.total_tokens) AS total_tokens,
            sum(lm.cost_usd) AS total_cost_usd,
            max(lm."time") AS last_request_at
           FROM llm_metrics lm
          WHERE ((lm.user_id = u.id) AND (lm."time" > (now() - '30 days'::interval)))) m ON (true))
  WHERE (u.deleted_at IS NULL);

-- step 75/173: create view public.user_permissions_view
--   transactional: yes
--   locks: catalog: "public"."user_permissions_view" ACCESS EXCLUSIVE
--   hazards: none
CREATE VIEW "public"."user_permissions_view" ("user_id", "email", "roles", "permissions", "max_role_level") AS SELECT u.id AS user_id,
    u.email,
    array_agg(DISTINCT r.name ORDER BY r.name) AS roles,
    array_agg(DISTINCT perm.value ORDER BY perm.value) AS permissions,
    max(r.level) AS max_role_level
   FROM (((users u
     JOIN user_roles ur ON (((ur.user_id = u.id) AND ((ur.expires_at IS NULL) OR (ur.expires_at > now())))))
     JOIN roles r ON ((r.id = ur.role_id)))
     CROSS JOIN LATERAL jsonb_array_elements_text(r.permissions) perm(value))
  WHERE (u.deleted_at IS NULL)
  GROUP BY u.id, u.email;

-- step 76/173: create materialized_view public.llm_metrics_daily
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: none
--   reason: continuous aggregate
CREATE MATERIALIZED VIEW "public"."llm_metrics_daily" WITH (timescaledb.continuous, timescaledb.materialized_only = true) AS SELECT time_bucket('1 day'::interval, "time") AS bucket,
    team_id,
    provider,
    model,
    count(*) AS request_count,
    count(*) FILTER (WHERE ((status)::text <> 'success'::text)) AS error_count,
    sum(prompt_tokens) AS prompt_tokens,
    sum(completion_tokens) AS completion_tokens,
    sum(total_tokens) AS total_tokens,
    sum(cost_usd) AS total_cost_usd,
    avg(latency_ms) AS avg_latency_ms
   FROM llm_metrics
  GROUP BY (time_bucket('1 day'::interval, "time")), team_id, provider, model WITH NO DATA;

-- step 77/173: create materialized_view public.llm_metrics_hourly
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: none
--   reason: continuous aggregate
CREATE MATERIALIZED VIEW "public"."llm_metrics_hourly" WITH (timescaledb.continuous, timescaledb.materialized_only = true) AS SELECT time_bucket('01:00:00'::interval, "time") AS bucket,
    team_id,
    user_id,
    provider,
    model,
    count(*) AS request_count,
    count(*) FILTER (WHERE ((status)::text <> 'success'::text)) AS error_count,
    sum(prompt_tokens) AS prompt_tokens,
    sum(completion_tokens) AS completion_tokens,
    sum(total_tokens) AS total_tokens,
    sum(cost_usd) AS total_cost_usd,
    avg(latency_ms) AS avg_latency_ms,
    max(latency_ms) AS max_latency_ms
   FROM llm_metrics
  GROUP BY (time_bucket('01:00:00'::interval, "time")), team_id, user_id, provider, model WITH NO DATA;

-- step 78/173: alter table public.llm_metrics
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: none
--   reason: compress chunks older than 7 days
SELECT add_compression_policy('"public"."llm_metrics"'::regclass, compress_after => INTERVAL '7 days', schedule_interval => INTERVAL '12:00:00');

-- step 79/173: alter table public.llm_metrics
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: none
--   reason: drop chunks older than 2 years
SELECT add_retention_policy('"public"."llm_metrics"'::regclass, drop_after => INTERVAL '2 years', schedule_interval => INTERVAL '1 day');

-- step 80/173: alter table public.system_metrics
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: none
--   reason: compress chunks older than 7 days
SELECT add_compression_policy('"public"."system_metrics"'::regclass, compress_after => INTERVAL '7 days', schedule_interval => INTERVAL '12:00:00');

-- step 81/173: alter table public.system_metrics
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: none
--   reason: drop chunks older than 1 year
SELECT add_retention_policy('"public"."system_metrics"'::regclass, drop_after => INTERVAL '1 year', schedule_interval => INTERVAL '1 day');

-- step 82/173: alter materialized_view public.llm_metrics_daily
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: none
--   reason: refresh policy
SELECT add_continuous_aggregate_policy('"public"."llm_metrics_daily"'::regclass, start_offset => INTERVAL '3 days', end_offset => INTERVAL '1 day', schedule_interval => INTERVAL '1 day');

-- step 83/173: alter materialized_view public.llm_metrics_hourly
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: none
--   reason: refresh policy
SELECT add_continuous_aggregate_policy('"public"."llm_metrics_hourly"'::regclass, start_offset => INTERVAL '03:00:00', end_offset => INTERVAL '01:00:00', schedule_interval => INTERVAL '01:00:00');

-- step 84/173: create constraint public.alert_subscriptions.alert_subscriptions_team_id_fkey
--   transactional: yes
--   locks: catalog: "public"."alert_subscriptions" SHARE ROW EXCLUSIVE, "public"."teams" SHARE ROW EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."alert_subscriptions" ADD CONSTRAINT "alert_subscriptions_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "public"."teams" ("id") ON DELETE CASCADE;

-- step 85/173: create constraint public.alert_subscriptions.alert_subscriptions_user_id_fkey
--   transactional: yes
--   locks: catalog: "public"."alert_subscriptions" SHARE ROW EXCLUSIVE, "public"."users" SHARE ROW EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."alert_subscriptions" ADD CONSTRAINT "alert_subscriptions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "public"."users" ("id") ON DELETE CASCADE;

-- step 86/173: create constraint public.alerts.alerts_acknowledged_by_fkey
--   transactional: yes
--   locks: catalog: "public"."alerts" SHARE ROW EXCLUSIVE, "public"."users" SHARE ROW EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."alerts" ADD CONSTRAINT "alerts_acknowledged_by_fkey" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users" ("id") ON DELETE SET NULL;

-- step 87/173: create constraint public.alerts.alerts_policy_id_fkey
--   transactional: yes
--   locks: catalog: "public"."alerts" SHARE ROW EXCLUSIVE, "public"."policies" SHARE ROW EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."alerts" ADD CONSTRAINT "alerts_policy_id_fkey" FOREIGN KEY ("policy_id") REFERENCES "public"."policies" ("id") ON DELETE SET NULL;

-- step 88/173: create constraint public.alerts.alerts_resolved_by_fkey
--   transactional: yes
--   locks: catalog: "public"."alerts" SHARE ROW EXCLUSIVE, "public"."users" SHARE ROW EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."alerts" ADD CONSTRAINT "alerts_resolved_by_fkey" FOREIGN KEY ("resolved_by") REFERENCES "public"."users" ("id") ON DELETE SET NULL;

-- step 89/173: create constraint public.alerts.alerts_team_id_fkey
--   transactional: yes
--   locks: catalog: "public"."alerts" SHARE ROW EXCLUSIVE, "public"."teams" SHARE ROW EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."alerts" ADD CONSTRAINT "alerts_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "public"."teams" ("id") ON DELETE SET NULL;

-- step 90/173: create constraint public.alerts.alerts_user_id_fkey
--   transactional: yes
--   locks: catalog: "public"."alerts" SHARE ROW EXCLUSIVE, "public"."users" SHARE ROW EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."alerts" ADD CONSTRAINT "alerts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "public"."users" ("id") ON DELETE SET NULL;

-- step 91/173: create constraint public.api_keys.api_keys_user_id_fkey
--   transactional: yes
--   locks: catalog: "public"."api_keys" SHARE ROW EXCLUSIVE, "public"."users" SHARE ROW EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."api_keys" ADD CONSTRAINT "api_keys_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "public"."users" ("id") ON DELETE CASCADE;

-- step 92/173: create constraint public.mfa_secrets.mfa_secrets_user_id_fkey
--   transactional: yes
--   locks: catalog: "public"."mfa_secrets" SHARE ROW EXCLUSIVE, "public"."users" SHARE ROW EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."mfa_secrets" ADD CONSTRAINT "mfa_secrets_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "public"."users" ("id") ON DELETE CASCADE;

-- step 93/173: create constraint public.policies.policies_created_by_fkey
--   transactional: yes
--   locks: catalog: "public"."policies" SHARE ROW EXCLUSIVE, "public"."users" SHARE ROW EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."policies" ADD CONSTRAINT "policies_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "public"."users" ("id") ON DELETE SET NULL;

-- step 94/173: create constraint public.policy_assignments.policy_assignments_assigned_by_fkey
--   transactional: yes
--   locks: catalog: "public"."policy_assignments" SHARE ROW EXCLUSIVE, "public"."users" SHARE ROW EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."policy_assignments" ADD CONSTRAINT "policy_assignments_assigned_by_fkey" FOREIGN KEY ("assigned_by") REFERENCES "public"."users" ("id") ON DELETE SET NULL;

-- step 95/173: create constraint public.policy_assignments.policy_assignments_policy_id_fkey
--   transactional: yes
--   locks: catalog: "public"."policy_assignments" SHARE ROW EXCLUSIVE, "public"."policies" SHARE ROW EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."policy_assignments" ADD CONSTRAINT "policy_assignments_policy_id_fkey" FOREIGN KEY ("policy_id") REFERENCES "public"."policies" ("id") ON DELETE CASCADE;

-- step 96/173: create constraint public.policy_assignments.policy_assignments_team_id_fkey
--   transactional: yes
--   locks: catalog: "public"."policy_assignments" SHARE ROW EXCLUSIVE, "public"."teams" SHARE ROW EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."policy_assignments" ADD CONSTRAINT "policy_assignments_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "public"."teams" ("id") ON DELETE CASCADE;

-- step 97/173: create constraint public.policy_assignments.policy_assignments_user_id_fkey
--   transactional: yes
--   locks: catalog: "public"."policy_assignments" SHARE ROW EXCLUSIVE, "public"."users" SHARE ROW EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."policy_assignments" ADD CONSTRAINT "policy_assignments_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "public"."users" ("id") ON DELETE CASCADE;

-- step 98/173: create constraint public.roles.roles_parent_role_id_fkey
--   transactional: yes
--   locks: catalog: "public"."roles" SHARE ROW EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."roles" ADD CONSTRAINT "roles_parent_role_id_fkey" FOREIGN KEY ("parent_role_id") REFERENCES "public"."roles" ("id") ON DELETE SET NULL;

-- step 99/173: create constraint public.sessions.sessions_user_id_fkey
--   transactional: yes
--   locks: catalog: "public"."sessions" SHARE ROW EXCLUSIVE, "public"."users" SHARE ROW EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "public"."users" ("id") ON DELETE CASCADE;

-- step 100/173: create constraint public.team_members.team_members_team_id_fkey
--   transactional: yes
--   locks: catalog: "public"."team_members" SHARE ROW EXCLUSIVE, "public"."teams" SHARE ROW EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."team_members" ADD CONSTRAINT "team_members_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "public"."teams" ("id") ON DELETE CASCADE;

-- step 101/173: create constraint public.team_members.team_members_user_id_fkey
--   transactional: yes
--   locks: catalog: "public"."team_members" SHARE ROW EXCLUSIVE, "public"."users" SHARE ROW EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."team_members" ADD CONSTRAINT "team_members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "public"."users" ("id") ON DELETE CASCADE;

-- step 102/173: create constraint public.teams.teams_manager_id_fkey
--   transactional: yes
--   locks: catalog: "public"."teams" SHARE ROW EXCLUSIVE, "public"."users" SHARE ROW EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."teams" ADD CONSTRAINT "teams_manager_id_fkey" FOREIGN KEY ("manager_id") REFERENCES "public"."users" ("id") ON DELETE SET NULL;

-- step 103/173: create constraint public.teams.teams_parent_team_id_fkey
--   transactional: yes
--   locks: catalog: "public"."teams" SHARE ROW EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."teams" ADD CONSTRAINT "teams_parent_team_id_fkey" FOREIGN KEY ("parent_team_id") REFERENCES "public"."teams" ("id") ON DELETE SET NULL;

-- step 104/173: create constraint public.user_roles.user_roles_granted_by_fkey
--   transactional: yes
--   locks: catalog: "public"."user_roles" SHARE ROW EXCLUSIVE, "public"."users" SHARE ROW EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."user_roles" ADD CONSTRAINT "user_roles_granted_by_fkey" FOREIGN KEY ("granted_by") REFERENCES "public"."users" ("id") ON DELETE SET NULL;

-- step 105/173: create constraint public.user_roles.user_roles_role_id_fkey
--   transactional: yes
--   locks: catalog: "public"."user_roles" SHARE ROW EXCLUSIVE, "public"."roles" SHARE ROW EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."user_roles" ADD CONSTRAINT "user_roles_role_id_fkey" FOREIGN KEY ("role_id") REFERENCES "public"."roles" ("id") ON DELETE CASCADE;

-- step 106/173: create constraint public.user_roles.user_roles_user_id_fkey
--   transactional: yes
--   locks: catalog: "public"."user_roles" SHARE ROW EXCLUSIVE, "public"."users" SHARE ROW EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."user_roles" ADD CONSTRAINT "user_roles_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "public"."users" ("id") ON DELETE CASCADE;

-- step 107/173: create trigger public.alert_subscriptions.update_alert_subscriptions_updated_at
--   transactional: yes
--   locks: catalog: "public"."alert_subscriptions" SHARE ROW EXCLUSIVE
--   hazards: none
CREATE TRIGGER "update_alert_subscriptions_updated_at" BEFORE UPDATE ON "public"."alert_subscriptions" FOR EACH ROW EXECUTE FUNCTION "public"."update_updated_at"();

-- step 108/173: create trigger public.alerts.update_alerts_updated_at
--   transactional: yes
--   locks: catalog: "public"."alerts" SHARE ROW EXCLUSIVE
--   hazards: none
CREATE TRIGGER "update_alerts_updated_at" BEFORE UPDATE ON "public"."alerts" FOR EACH ROW EXECUTE FUNCTION "public"."update_updated_at"();

-- step 109/173: create trigger public.audit_logs.audit_logs_checksum
--   transactional: yes
--   locks: catalog: "public"."audit_logs" SHARE ROW EXCLUSIVE
--   hazards: none
CREATE TRIGGER "audit_logs_checksum" BEFORE INSERT ON "public"."audit_logs" FOR EACH ROW EXECUTE FUNCTION "public"."generate_audit_checksum"();

-- step 110/173: create trigger public.audit_logs.audit_logs_immutable
--   transactional: yes
--   locks: catalog: "public"."audit_logs" SHARE ROW EXCLUSIVE
--   hazards: none
CREATE TRIGGER "audit_logs_immutable" BEFORE UPDATE OR DELETE ON "public"."audit_logs" FOR EACH ROW EXECUTE FUNCTION "public"."prevent_audit_log_modification"();

-- step 111/173: create trigger public.audit_logs.audit_logs_no_truncate
--   transactional: yes
--   locks: catalog: "public"."audit_logs" SHARE ROW EXCLUSIVE
--   hazards: none
CREATE TRIGGER "audit_logs_no_truncate" BEFORE TRUNCATE ON "public"."audit_logs" FOR EACH STATEMENT EXECUTE FUNCTION "public"."prevent_audit_log_modification"();

-- step 112/173: create trigger public.mfa_secrets.update_mfa_secrets_updated_at
--   transactional: yes
--   locks: catalog: "public"."mfa_secrets" SHARE ROW EXCLUSIVE
--   hazards: none
CREATE TRIGGER "update_mfa_secrets_updated_at" BEFORE UPDATE ON "public"."mfa_secrets" FOR EACH ROW EXECUTE FUNCTION "public"."update_updated_at"();

-- step 113/173: create trigger public.policies.audit_policies
--   transactional: yes
--   locks: catalog: "public"."policies" SHARE ROW EXCLUSIVE
--   hazards: none
CREATE TRIGGER "audit_policies" AFTER INSERT OR UPDATE OR DELETE ON "public"."policies" FOR EACH ROW EXECUTE FUNCTION "public"."audit_log_trigger"();

-- step 114/173: create trigger public.policies.update_policies_updated_at
--   transactional: yes
--   locks: catalog: "public"."policies" SHARE ROW EXCLUSIVE
--   hazards: none
CREATE TRIGGER "update_policies_updated_at" BEFORE UPDATE ON "public"."policies" FOR EACH ROW EXECUTE FUNCTION "public"."update_updated_at"();

-- step 115/173: create trigger public.policy_assignments.audit_policy_assignments
--   transactional: yes
--   locks: catalog: "public"."policy_assignments" SHARE ROW EXCLUSIVE
--   hazards: none
CREATE TRIGGER "audit_policy_assignments" AFTER INSERT OR UPDATE OR DELETE ON "public"."policy_assignments" FOR EACH ROW EXECUTE FUNCTION "public"."audit_log_trigger"();

-- step 116/173: create trigger public.roles.audit_roles
--   transactional: yes
--   locks: catalog: "public"."roles" SHARE ROW EXCLUSIVE
--   hazards: none
CREATE TRIGGER "audit_roles" AFTER INSERT OR UPDATE OR DELETE ON "public"."roles" FOR EACH ROW EXECUTE FUNCTION "public"."audit_log_trigger"();

-- step 117/173: create trigger public.roles.update_roles_updated_at
--   transactional: yes
--   locks: catalog: "public"."roles" SHARE ROW EXCLUSIVE
--   hazards: none
CREATE TRIGGER "update_roles_updated_at" BEFORE UPDATE ON "public"."roles" FOR EACH ROW EXECUTE FUNCTION "public"."update_updated_at"();

-- step 118/173: create trigger public.team_members.audit_team_members
--   transactional: yes
--   locks: catalog: "public"."team_members" SHARE ROW EXCLUSIVE
--   hazards: none
CREATE TRIGGER "audit_team_members" AFTER INSERT OR UPDATE OR DELETE ON "public"."team_members" FOR EACH ROW EXECUTE FUNCTION "public"."audit_log_trigger"();

-- step 119/173: create trigger public.teams.update_teams_updated_at
--   transactional: yes
--   locks: catalog: "public"."teams" SHARE ROW EXCLUSIVE
--   hazards: none
CREATE TRIGGER "update_teams_updated_at" BEFORE UPDATE ON "public"."teams" FOR EACH ROW EXECUTE FUNCTION "public"."update_updated_at"();

-- step 120/173: create trigger public.user_roles.audit_user_roles
--   transactional: yes
--   locks: catalog: "public"."user_roles" SHARE ROW EXCLUSIVE
--   hazards: none
CREATE TRIGGER "audit_user_roles" AFTER INSERT OR UPDATE OR DELETE ON "public"."user_roles" FOR EACH ROW EXECUTE FUNCTION "public"."audit_log_trigger"();

-- step 121/173: create trigger public.users.update_users_updated_at
--   transactional: yes
--   locks: catalog: "public"."users" SHARE ROW EXCLUSIVE
--   hazards: none
CREATE TRIGGER "update_users_updated_at" BEFORE UPDATE ON "public"."users" FOR EACH ROW EXECUTE FUNCTION "public"."update_updated_at"();

-- step 122/173: grant grant public.alert_subscriptions to llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.alert_subscriptions to role llm_governance_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."alert_subscriptions" TO "llm_governance_app";

-- step 123/173: grant grant public.alert_subscriptions to llm_governance_readonly
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT on public.alert_subscriptions to role llm_governance_readonly)
GRANT SELECT ON TABLE "public"."alert_subscriptions" TO "llm_governance_readonly";

-- step 124/173: grant grant public.alerts to llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.alerts to role llm_governance_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."alerts" TO "llm_governance_app";

-- step 125/173: grant grant public.alerts to llm_governance_readonly
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT on public.alerts to role llm_governance_readonly)
GRANT SELECT ON TABLE "public"."alerts" TO "llm_governance_readonly";

-- step 126/173: grant grant public.api_keys to llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.api_keys to role llm_governance_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."api_keys" TO "llm_governance_app";

-- step 127/173: grant grant public.api_keys to llm_governance_readonly
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT on public.api_keys to role llm_governance_readonly)
GRANT SELECT ON TABLE "public"."api_keys" TO "llm_governance_readonly";

-- step 128/173: grant grant public.audit_logs to llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT, INSERT on public.audit_logs to role llm_governance_app)
GRANT SELECT, INSERT ON TABLE "public"."audit_logs" TO "llm_governance_app";

-- step 129/173: grant grant public.audit_logs to llm_governance_readonly
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT on public.audit_logs to role llm_governance_readonly)
GRANT SELECT ON TABLE "public"."audit_logs" TO "llm_governance_readonly";

-- step 130/173: grant grant public.llm_metrics to llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.llm_metrics to role llm_governance_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."llm_metrics" TO "llm_governance_app";

-- step 131/173: grant grant public.llm_metrics to llm_governance_readonly
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT on public.llm_metrics to role llm_governance_readonly)
GRANT SELECT ON TABLE "public"."llm_metrics" TO "llm_governance_readonly";

-- step 132/173: grant grant public.mfa_secrets to llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.mfa_secrets to role llm_governance_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."mfa_secrets" TO "llm_governance_app";

-- step 133/173: grant grant public.mfa_secrets to llm_governance_readonly
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT on public.mfa_secrets to role llm_governance_readonly)
GRANT SELECT ON TABLE "public"."mfa_secrets" TO "llm_governance_readonly";

-- step 134/173: grant grant public.policies to llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.policies to role llm_governance_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."policies" TO "llm_governance_app";

-- step 135/173: grant grant public.policies to llm_governance_readonly
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT on public.policies to role llm_governance_readonly)
GRANT SELECT ON TABLE "public"."policies" TO "llm_governance_readonly";

-- step 136/173: grant grant public.policy_assignments to llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.policy_assignments to role llm_governance_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."policy_assignments" TO "llm_governance_app";

-- step 137/173: grant grant public.policy_assignments to llm_governance_readonly
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT on public.policy_assignments to role llm_governance_readonly)
GRANT SELECT ON TABLE "public"."policy_assignments" TO "llm_governance_readonly";

-- step 138/173: grant grant public.roles to llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.roles to role llm_governance_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."roles" TO "llm_governance_app";

-- step 139/173: grant grant public.roles to llm_governance_readonly
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT on public.roles to role llm_governance_readonly)
GRANT SELECT ON TABLE "public"."roles" TO "llm_governance_readonly";

-- step 140/173: grant grant public.sessions to llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.sessions to role llm_governance_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."sessions" TO "llm_governance_app";

-- step 141/173: grant grant public.sessions to llm_governance_readonly
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT on public.sessions to role llm_governance_readonly)
GRANT SELECT ON TABLE "public"."sessions" TO "llm_governance_readonly";

-- step 142/173: grant grant public.system_metrics to llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.system_metrics to role llm_governance_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."system_metrics" TO "llm_governance_app";

-- step 143/173: grant grant public.system_metrics to llm_governance_readonly
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT on public.system_metrics to role llm_governance_readonly)
GRANT SELECT ON TABLE "public"."system_metrics" TO "llm_governance_readonly";

-- step 144/173: grant grant public.team_members to llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.team_members to role llm_governance_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."team_members" TO "llm_governance_app";

-- step 145/173: grant grant public.team_members to llm_governance_readonly
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT on public.team_members to role llm_governance_readonly)
GRANT SELECT ON TABLE "public"."team_members" TO "llm_governance_readonly";

-- step 146/173: grant grant public.teams to llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.teams to role llm_governance_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."teams" TO "llm_governance_app";

-- step 147/173: grant grant public.teams to llm_governance_readonly
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT on public.teams to role llm_governance_readonly)
GRANT SELECT ON TABLE "public"."teams" TO "llm_governance_readonly";

-- step 148/173: grant grant public.user_roles to llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.user_roles to role llm_governance_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."user_roles" TO "llm_governance_app";

-- step 149/173: grant grant public.user_roles to llm_governance_readonly
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT on public.user_roles to role llm_governance_readonly)
GRANT SELECT ON TABLE "public"."user_roles" TO "llm_governance_readonly";

-- step 150/173: grant grant public.users to llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.users to role llm_governance_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."users" TO "llm_governance_app";

-- step 151/173: grant grant public.users to llm_governance_readonly
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT on public.users to role llm_governance_readonly)
GRANT SELECT ON TABLE "public"."users" TO "llm_governance_readonly";

-- step 152/173: grant grant public.active_sessions_view to llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.active_sessions_view to role llm_governance_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."active_sessions_view" TO "llm_governance_app";

-- step 153/173: grant grant public.active_sessions_view to llm_governance_readonly
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT on public.active_sessions_view to role llm_governance_readonly)
GRANT SELECT ON TABLE "public"."active_sessions_view" TO "llm_governance_readonly";

-- step 154/173: grant grant public.alert_summary_view to llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.alert_summary_view to role llm_governance_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."alert_summary_view" TO "llm_governance_app";

-- step 155/173: grant grant public.alert_summary_view to llm_governance_readonly
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT on public.alert_summary_view to role llm_governance_readonly)
GRANT SELECT ON TABLE "public"."alert_summary_view" TO "llm_governance_readonly";

-- step 156/173: grant grant public.cost_summary_view to llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.cost_summary_view to role llm_governance_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."cost_summary_view" TO "llm_governance_app";

-- step 157/173: grant grant public.cost_summary_view to llm_governance_readonly
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT on public.cost_summary_view to role llm_governance_readonly)
GRANT SELECT ON TABLE "public"."cost_summary_view" TO "llm_governance_readonly";

-- step 158/173: grant grant public.policy_compliance_view to llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.policy_compliance_view to role llm_governance_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."policy_compliance_view" TO "llm_governance_app";

-- step 159/173: grant grant public.policy_compliance_view to llm_governance_readonly
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT on public.policy_compliance_view to role llm_governance_readonly)
GRANT SELECT ON TABLE "public"."policy_compliance_view" TO "llm_governance_readonly";

-- step 160/173: grant grant public.team_hierarchy_view to llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.team_hierarchy_view to role llm_governance_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."team_hierarchy_view" TO "llm_governance_app";

-- step 161/173: grant grant public.team_hierarchy_view to llm_governance_readonly
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT on public.team_hierarchy_view to role llm_governance_readonly)
GRANT SELECT ON TABLE "public"."team_hierarchy_view" TO "llm_governance_readonly";

-- step 162/173: grant grant public.user_activity_summary_view to llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.user_activity_summary_view to role llm_governance_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."user_activity_summary_view" TO "llm_governance_app";

-- step 163/173: grant grant public.user_activity_summary_view to llm_governance_readonly
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT on public.user_activity_summary_view to role llm_governance_readonly)
GRANT SELECT ON TABLE "public"."user_activity_summary_view" TO "llm_governance_readonly";

-- step 164/173: grant grant public.user_permissions_view to llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.user_permissions_view to role llm_governance_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."user_permissions_view" TO "llm_governance_app";

-- step 165/173: grant grant public.user_permissions_view to llm_governance_readonly
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants SELECT on public.user_permissions_view to role llm_governance_readonly)
GRANT SELECT ON TABLE "public"."user_permissions_view" TO "llm_governance_readonly";

-- step 166/173: grant grant public to llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants USAGE on schema public to role llm_governance_app)
GRANT USAGE ON SCHEMA "public" TO "llm_governance_app";

-- step 167/173: grant grant public to llm_governance_readonly
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: authz_change (grants USAGE on schema public to role llm_governance_readonly)
GRANT USAGE ON SCHEMA "public" TO "llm_governance_readonly";

-- step 168/173: comment extension btree_gist
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: none
COMMENT ON EXTENSION "btree_gist" IS 'support for indexing common datatypes in GiST';

-- step 169/173: comment extension pg_trgm
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: none
COMMENT ON EXTENSION "pg_trgm" IS 'text similarity measurement and index searching based on trigrams';

-- step 170/173: comment extension timescaledb
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: none
COMMENT ON EXTENSION "timescaledb" IS 'Enables scalable inserts and complex queries for time-series data (Community Edition)';

-- step 171/173: comment extension uuid-ossp
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: none
COMMENT ON EXTENSION "uuid-ossp" IS 'generate universally unique identifiers (UUIDs)';

-- step 172/173: comment role llm_governance_app
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: none
COMMENT ON ROLE "llm_governance_app" IS 'design: the application (LOGIN and password provisioned by deployment)';

-- step 173/173: comment role llm_governance_readonly
--   transactional: yes
--   locks: catalog: no table locks
--   hazards: none
COMMENT ON ROLE "llm_governance_readonly" IS 'design: dashboards and reporting, read-only';

COMMIT; -- transaction 1/1
