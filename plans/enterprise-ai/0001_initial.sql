-- pgform plan
-- pgform-version: 0.1.0
-- source: sha256:89418c5f156c5ea7
-- target: sha256:c4610cd0f5a6fba7
-- managed-schemas: ["public"]
-- plan-hash: sha256:78fe6dfc6d18ea5f23bdab83902bb429dad725939cd7b6593b29742b8972e7b0
-- steps: 243
--   create role: 1
--   create extension: 2
--   create function: 2
--   create sequence: 2
--   create table: 88
--   create index: 42
--   create constraint: 52
--   create trigger: 8
--   alter sequence: 2
--   grant grant: 42
--   comment extension: 2
-- hazards: unchecked_dependency: 2, authz_change: 43

SET lock_timeout = '5s';
SET statement_timeout = '1h';
SET check_function_bodies = off;

-- step 1/243: create role enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (creates role enterprise_ai_app)
CREATE ROLE "enterprise_ai_app";

-- step 2/243: create extension pgcrypto
--   transactional: yes
--   hazards: none
CREATE EXTENSION IF NOT EXISTS "pgcrypto" SCHEMA "public";

-- step 3/243: create extension uuid-ossp
--   transactional: yes
--   hazards: none
CREATE EXTENSION IF NOT EXISTS "uuid-ossp" SCHEMA "public";

-- step 4/243: create function public.update_updated_at_column()
--   transactional: yes
--   hazards: unchecked_dependency (the body of public.update_updated_at_column() is not checked by PostgreSQL: objects it uses are not ordered or verified)
CREATE FUNCTION "public"."update_updated_at_column"()
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

-- step 5/243: create function public.user_has_permission(p_user_id uuid, p_resource_type character varying, p_action character varying, p_at timestamp with time zone)
--   transactional: yes
--   hazards: unchecked_dependency (the body of public.user_has_permission(p_user_id uuid, p_resource_type character varying, p_action character varying, p_at timestamp with time zone) is not checked by PostgreSQL: objects it uses are not ordered or verified)
CREATE FUNCTION "public"."user_has_permission"("p_user_id" uuid, "p_resource_type" character varying, "p_action" character varying, "p_at" timestamp with time zone DEFAULT now())
RETURNS boolean
LANGUAGE "sql"
STABLE
PARALLEL UNSAFE
COST 100
AS $$    WITH RECURSIVE granted_roles AS (
        SELECT ur.role_id
          FROM user_roles ur
         WHERE ur.user_id = p_user_id
           AND ur.valid_from <= p_at AND (ur.valid_until IS NULL OR ur.valid_until > p_at)
        UNION
        SELECT d.role_id
          FROM permission_delegations d
         WHERE d.delegatee_id = p_user_id AND d.role_id IS NOT NULL AND d.revoked_at IS NULL
           AND d.valid_from <= p_at AND d.valid_until > p_at
    ), role_tree AS (
        SELECT r.id, r.parent_role_id
          FROM roles r JOIN granted_roles g ON g.role_id = r.id
        UNION
        SELECT p.id, p.parent_role_id
          FROM roles p JOIN role_tree t ON t.parent_role_id = p.id
    )
    SELECT EXISTS (
        SELECT 1
          FROM role_tree t
          JOIN role_permissions rp ON rp.role_id = t.id
          JOIN permissions pm ON pm.id = rp.permission_id
          JOIN resource_types rt ON rt.id = pm.resource_type_id
         WHERE rt.name = p_resource_type AND pm.action IN (p_action, 'manage')
    ) OR EXISTS (
        SELECT 1
          FROM permission_delegations d
          JOIN permissions pm ON pm.id = d.permission_id
          JOIN resource_types rt ON rt.id = pm.resource_type_id
         WHERE d.delegatee_id = p_user_id AND d.revoked_at IS NULL
           AND d.valid_from <= p_at AND d.valid_until > p_at
           AND rt.name = p_resource_type AND pm.action IN (p_action, 'manage')
    )
$$;

-- step 6/243: create sequence public.performance_metrics_id_seq
--   transactional: yes
--   hazards: none
CREATE SEQUENCE "public"."performance_metrics_id_seq" AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE;

-- step 7/243: create sequence public.schema_migrations_id_seq
--   transactional: yes
--   hazards: none
CREATE SEQUENCE "public"."schema_migrations_id_seq" AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1 NO CYCLE;

-- step 8/243: create table public.api_usage_logs
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."api_usage_logs" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "user_id" uuid,
  "organization_id" uuid,
  "endpoint" character varying(255) NOT NULL,
  "http_method" character varying(10) NOT NULL,
  "status_code" smallint NOT NULL,
  "duration_ms" integer,
  "request_bytes" integer,
  "response_bytes" integer,
  "ip_address" inet,
  "user_agent" text,
  CONSTRAINT "api_usage_logs_pkey" PRIMARY KEY ("id", "created_at")
) PARTITION BY RANGE (created_at);

-- step 9/243: create table public.api_usage_logs_2026_01
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."api_usage_logs_2026_01" PARTITION OF "public"."api_usage_logs" FOR VALUES FROM ('2026-01-01 00:00:00+00') TO ('2026-02-01 00:00:00+00');

-- step 10/243: create table public.api_usage_logs_2026_02
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."api_usage_logs_2026_02" PARTITION OF "public"."api_usage_logs" FOR VALUES FROM ('2026-02-01 00:00:00+00') TO ('2026-03-01 00:00:00+00');

-- step 11/243: create table public.api_usage_logs_2026_03
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."api_usage_logs_2026_03" PARTITION OF "public"."api_usage_logs" FOR VALUES FROM ('2026-03-01 00:00:00+00') TO ('2026-04-01 00:00:00+00');

-- step 12/243: create table public.api_usage_logs_2026_04
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."api_usage_logs_2026_04" PARTITION OF "public"."api_usage_logs" FOR VALUES FROM ('2026-04-01 00:00:00+00') TO ('2026-05-01 00:00:00+00');

-- step 13/243: create table public.api_usage_logs_2026_05
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."api_usage_logs_2026_05" PARTITION OF "public"."api_usage_logs" FOR VALUES FROM ('2026-05-01 00:00:00+00') TO ('2026-06-01 00:00:00+00');

-- step 14/243: create table public.api_usage_logs_2026_06
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."api_usage_logs_2026_06" PARTITION OF "public"."api_usage_logs" FOR VALUES FROM ('2026-06-01 00:00:00+00') TO ('2026-07-01 00:00:00+00');

-- step 15/243: create table public.api_usage_logs_2026_07
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."api_usage_logs_2026_07" PARTITION OF "public"."api_usage_logs" FOR VALUES FROM ('2026-07-01 00:00:00+00') TO ('2026-08-01 00:00:00+00');

-- step 16/243: create table public.api_usage_logs_2026_08
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."api_usage_logs_2026_08" PARTITION OF "public"."api_usage_logs" FOR VALUES FROM ('2026-08-01 00:00:00+00') TO ('2026-09-01 00:00:00+00');

-- step 17/243: create table public.api_usage_logs_2026_09
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."api_usage_logs_2026_09" PARTITION OF "public"."api_usage_logs" FOR VALUES FROM ('2026-09-01 00:00:00+00') TO ('2026-10-01 00:00:00+00');

-- step 18/243: create table public.api_usage_logs_2026_10
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."api_usage_logs_2026_10" PARTITION OF "public"."api_usage_logs" FOR VALUES FROM ('2026-10-01 00:00:00+00') TO ('2026-11-01 00:00:00+00');

-- step 19/243: create table public.api_usage_logs_2026_11
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."api_usage_logs_2026_11" PARTITION OF "public"."api_usage_logs" FOR VALUES FROM ('2026-11-01 00:00:00+00') TO ('2026-12-01 00:00:00+00');

-- step 20/243: create table public.api_usage_logs_2026_12
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."api_usage_logs_2026_12" PARTITION OF "public"."api_usage_logs" FOR VALUES FROM ('2026-12-01 00:00:00+00') TO ('2027-01-01 00:00:00+00');

-- step 21/243: create table public.audit_logs
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."audit_logs" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "organization_id" uuid,
  "user_id" uuid,
  "acting_for_user_id" uuid,
  "action" character varying(100) NOT NULL,
  "resource_type" character varying(100) NOT NULL,
  "resource_id" character varying(255),
  "outcome" character varying(20) DEFAULT 'success'::character varying NOT NULL,
  "details" jsonb DEFAULT '{}'::jsonb NOT NULL,
  "ip_address" inet,
  "user_agent" text,
  "session_id" uuid,
  CONSTRAINT "audit_logs_outcome_check" CHECK (outcome::text = ANY (ARRAY['success'::text, 'failure'::text, 'denied'::text])),
  CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id", "created_at")
) PARTITION BY RANGE (created_at);

-- step 22/243: create table public.audit_logs_2026_01
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."audit_logs_2026_01" PARTITION OF "public"."audit_logs" FOR VALUES FROM ('2026-01-01 00:00:00+00') TO ('2026-02-01 00:00:00+00');

-- step 23/243: create table public.audit_logs_2026_02
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."audit_logs_2026_02" PARTITION OF "public"."audit_logs" FOR VALUES FROM ('2026-02-01 00:00:00+00') TO ('2026-03-01 00:00:00+00');

-- step 24/243: create table public.audit_logs_2026_03
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."audit_logs_2026_03" PARTITION OF "public"."audit_logs" FOR VALUES FROM ('2026-03-01 00:00:00+00') TO ('2026-04-01 00:00:00+00');

-- step 25/243: create table public.audit_logs_2026_04
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."audit_logs_2026_04" PARTITION OF "public"."audit_logs" FOR VALUES FROM ('2026-04-01 00:00:00+00') TO ('2026-05-01 00:00:00+00');

-- step 26/243: create table public.audit_logs_2026_05
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."audit_logs_2026_05" PARTITION OF "public"."audit_logs" FOR VALUES FROM ('2026-05-01 00:00:00+00') TO ('2026-06-01 00:00:00+00');

-- step 27/243: create table public.audit_logs_2026_06
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."audit_logs_2026_06" PARTITION OF "public"."audit_logs" FOR VALUES FROM ('2026-06-01 00:00:00+00') TO ('2026-07-01 00:00:00+00');

-- step 28/243: create table public.audit_logs_2026_07
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."audit_logs_2026_07" PARTITION OF "public"."audit_logs" FOR VALUES FROM ('2026-07-01 00:00:00+00') TO ('2026-08-01 00:00:00+00');

-- step 29/243: create table public.audit_logs_2026_08
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."audit_logs_2026_08" PARTITION OF "public"."audit_logs" FOR VALUES FROM ('2026-08-01 00:00:00+00') TO ('2026-09-01 00:00:00+00');

-- step 30/243: create table public.audit_logs_2026_09
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."audit_logs_2026_09" PARTITION OF "public"."audit_logs" FOR VALUES FROM ('2026-09-01 00:00:00+00') TO ('2026-10-01 00:00:00+00');

-- step 31/243: create table public.audit_logs_2026_10
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."audit_logs_2026_10" PARTITION OF "public"."audit_logs" FOR VALUES FROM ('2026-10-01 00:00:00+00') TO ('2026-11-01 00:00:00+00');

-- step 32/243: create table public.audit_logs_2026_11
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."audit_logs_2026_11" PARTITION OF "public"."audit_logs" FOR VALUES FROM ('2026-11-01 00:00:00+00') TO ('2026-12-01 00:00:00+00');

-- step 33/243: create table public.audit_logs_2026_12
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."audit_logs_2026_12" PARTITION OF "public"."audit_logs" FOR VALUES FROM ('2026-12-01 00:00:00+00') TO ('2027-01-01 00:00:00+00');

-- step 34/243: create table public.budgets
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."budgets" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "cost_center_id" uuid NOT NULL,
  "period_start" date NOT NULL,
  "period_end" date NOT NULL,
  "amount_usd" numeric(14,2) NOT NULL,
  "alert_threshold_percent" smallint DEFAULT 80 NOT NULL,
  "hard_limit" boolean DEFAULT false NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "budgets_alert_threshold_percent_check" CHECK (alert_threshold_percent >= 1 AND alert_threshold_percent <= 100),
  CONSTRAINT "budgets_amount_usd_check" CHECK (amount_usd >= 0::numeric),
  CONSTRAINT "budgets_cost_center_id_period_start_key" UNIQUE ("cost_center_id", "period_start"),
  CONSTRAINT "budgets_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "budgets_valid_period" CHECK (period_end > period_start)
);

-- step 35/243: create table public.change_history
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."change_history" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "table_name" character varying(100) NOT NULL,
  "record_id" character varying(255) NOT NULL,
  "version" integer NOT NULL,
  "change_type" character varying(10) NOT NULL,
  "old_values" jsonb,
  "new_values" jsonb,
  "changed_by" uuid,
  "approval_status" character varying(20) DEFAULT 'not_required'::character varying NOT NULL,
  "approved_by" uuid,
  "approved_at" timestamp with time zone,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "change_history_approval_status_check" CHECK (approval_status::text = ANY (ARRAY['not_required'::text, 'pending'::text, 'approved'::text, 'rejected'::text])),
  CONSTRAINT "change_history_change_type_check" CHECK (change_type::text = ANY (ARRAY['insert'::text, 'update'::text, 'delete'::text])),
  CONSTRAINT "change_history_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "change_history_table_name_record_id_version_key" UNIQUE ("table_name", "record_id", "version")
);

-- step 36/243: create table public.compliance_assessments
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."compliance_assessments" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "organization_id" uuid NOT NULL,
  "requirement_id" uuid NOT NULL,
  "status" character varying(20) DEFAULT 'not_assessed'::character varying NOT NULL,
  "evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
  "notes" text,
  "assessed_by" uuid,
  "assessed_at" timestamp with time zone,
  "next_review_at" date,
  CONSTRAINT "compliance_assessments_organization_id_requirement_id_key" UNIQUE ("organization_id", "requirement_id"),
  CONSTRAINT "compliance_assessments_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "compliance_assessments_status_check" CHECK (status::text = ANY (ARRAY['not_assessed'::text, 'compliant'::text, 'partially_compliant'::text, 'non_compliant'::text, 'not_applicable'::text]))
);

-- step 37/243: create table public.compliance_frameworks
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."compliance_frameworks" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "code" character varying(20) NOT NULL,
  "name" character varying(255) NOT NULL,
  "description" text,
  "version" character varying(20),
  "is_active" boolean DEFAULT true NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "compliance_frameworks_code_key" UNIQUE ("code"),
  CONSTRAINT "compliance_frameworks_pkey" PRIMARY KEY ("id")
);

-- step 38/243: create table public.compliance_requirements
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."compliance_requirements" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "framework_id" uuid NOT NULL,
  "code" character varying(50) NOT NULL,
  "title" character varying(500) NOT NULL,
  "description" text,
  "category" character varying(100),
  "controls" jsonb DEFAULT '[]'::jsonb NOT NULL,
  CONSTRAINT "compliance_requirements_framework_id_code_key" UNIQUE ("framework_id", "code"),
  CONSTRAINT "compliance_requirements_pkey" PRIMARY KEY ("id")
);

-- step 39/243: create table public.conversations
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."conversations" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "user_id" uuid NOT NULL,
  "organization_id" uuid,
  "model_id" uuid,
  "title" character varying(500),
  "system_prompt" text,
  "status" character varying(20) DEFAULT 'active'::character varying NOT NULL,
  "metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "conversations_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "conversations_status_check" CHECK (status::text = ANY (ARRAY['active'::text, 'archived'::text, 'deleted'::text]))
);

-- step 40/243: create table public.cost_allocations
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."cost_allocations" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "usage_date" date NOT NULL,
  "cost_center_id" uuid NOT NULL,
  "user_id" uuid,
  "model_id" uuid,
  "total_tokens" bigint DEFAULT 0 NOT NULL,
  "cost_usd" numeric(14,6) DEFAULT 0 NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "cost_allocations_pkey" PRIMARY KEY ("id", "usage_date")
) PARTITION BY RANGE (usage_date);

-- step 41/243: create table public.cost_allocations_2026_01
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."cost_allocations_2026_01" PARTITION OF "public"."cost_allocations" FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');

-- step 42/243: create table public.cost_allocations_2026_02
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."cost_allocations_2026_02" PARTITION OF "public"."cost_allocations" FOR VALUES FROM ('2026-02-01') TO ('2026-03-01');

-- step 43/243: create table public.cost_allocations_2026_03
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."cost_allocations_2026_03" PARTITION OF "public"."cost_allocations" FOR VALUES FROM ('2026-03-01') TO ('2026-04-01');

-- step 44/243: create table public.cost_allocations_2026_04
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."cost_allocations_2026_04" PARTITION OF "public"."cost_allocations" FOR VALUES FROM ('2026-04-01') TO ('2026-05-01');

-- step 45/243: create table public.cost_allocations_2026_05
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."cost_allocations_2026_05" PARTITION OF "public"."cost_allocations" FOR VALUES FROM ('2026-05-01') TO ('2026-06-01');

-- step 46/243: create table public.cost_allocations_2026_06
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."cost_allocations_2026_06" PARTITION OF "public"."cost_allocations" FOR VALUES FROM ('2026-06-01') TO ('2026-07-01');

-- step 47/243: create table public.cost_allocations_2026_07
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."cost_allocations_2026_07" PARTITION OF "public"."cost_allocations" FOR VALUES FROM ('2026-07-01') TO ('2026-08-01');

-- step 48/243: create table public.cost_allocations_2026_08
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."cost_allocations_2026_08" PARTITION OF "public"."cost_allocations" FOR VALUES FROM ('2026-08-01') TO ('2026-09-01');

-- step 49/243: create table public.cost_allocations_2026_09
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."cost_allocations_2026_09" PARTITION OF "public"."cost_allocations" FOR VALUES FROM ('2026-09-01') TO ('2026-10-01');

-- step 50/243: create table public.cost_allocations_2026_10
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."cost_allocations_2026_10" PARTITION OF "public"."cost_allocations" FOR VALUES FROM ('2026-10-01') TO ('2026-11-01');

-- step 51/243: create table public.cost_allocations_2026_11
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."cost_allocations_2026_11" PARTITION OF "public"."cost_allocations" FOR VALUES FROM ('2026-11-01') TO ('2026-12-01');

-- step 52/243: create table public.cost_allocations_2026_12
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."cost_allocations_2026_12" PARTITION OF "public"."cost_allocations" FOR VALUES FROM ('2026-12-01') TO ('2027-01-01');

-- step 53/243: create table public.cost_centers
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."cost_centers" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "organization_id" uuid NOT NULL,
  "code" character varying(50) NOT NULL,
  "name" character varying(255) NOT NULL,
  "parent_id" uuid,
  "owner_id" uuid,
  "is_active" boolean DEFAULT true NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "cost_centers_organization_id_code_key" UNIQUE ("organization_id", "code"),
  CONSTRAINT "cost_centers_pkey" PRIMARY KEY ("id")
);

-- step 54/243: create table public.data_classifications
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."data_classifications" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "name" character varying(50) NOT NULL,
  "level" smallint NOT NULL,
  "description" text,
  "handling_rules" jsonb DEFAULT '{}'::jsonb NOT NULL,
  CONSTRAINT "data_classifications_level_key" UNIQUE ("level"),
  CONSTRAINT "data_classifications_name_key" UNIQUE ("name"),
  CONSTRAINT "data_classifications_pkey" PRIMARY KEY ("id")
);

-- step 55/243: create table public.data_masking_rules
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."data_masking_rules" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "name" character varying(100) NOT NULL,
  "entity_type" character varying(50) NOT NULL,
  "pattern" text NOT NULL,
  "masking_strategy" character varying(20) NOT NULL,
  "min_classification_id" uuid,
  "is_active" boolean DEFAULT true NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "data_masking_rules_masking_strategy_check" CHECK (masking_strategy::text = ANY (ARRAY['redact'::text, 'hash'::text, 'partial'::text, 'tokenize'::text])),
  CONSTRAINT "data_masking_rules_name_key" UNIQUE ("name"),
  CONSTRAINT "data_masking_rules_pkey" PRIMARY KEY ("id")
);

-- step 56/243: create table public.document_analyses
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."document_analyses" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "document_id" uuid NOT NULL,
  "model_id" uuid,
  "analysis_type" character varying(50) NOT NULL,
  "result" jsonb NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "document_analyses_pkey" PRIMARY KEY ("id")
);

-- step 57/243: create table public.documents
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."documents" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "organization_id" uuid,
  "uploaded_by" uuid,
  "conversation_id" uuid,
  "file_name" character varying(500) NOT NULL,
  "mime_type" character varying(100),
  "size_bytes" bigint,
  "storage_path" text NOT NULL,
  "checksum_sha256" character varying(64),
  "classification" character varying(20) DEFAULT 'internal'::character varying NOT NULL,
  "status" character varying(20) DEFAULT 'uploaded'::character varying NOT NULL,
  "processed_at" timestamp with time zone,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "documents_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "documents_size_bytes_check" CHECK (size_bytes >= 0),
  CONSTRAINT "documents_status_check" CHECK (status::text = ANY (ARRAY['uploaded'::text, 'processing'::text, 'processed'::text, 'failed'::text]))
);

-- step 58/243: create table public.encryption_keys
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."encryption_keys" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "key_alias" character varying(100) NOT NULL,
  "purpose" character varying(50) NOT NULL,
  "algorithm" character varying(50) DEFAULT 'AES-256-GCM'::character varying NOT NULL,
  "kms_key_ref" text NOT NULL,
  "status" character varying(20) DEFAULT 'active'::character varying NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "rotated_at" timestamp with time zone,
  "expires_at" timestamp with time zone,
  CONSTRAINT "encryption_keys_key_alias_key" UNIQUE ("key_alias"),
  CONSTRAINT "encryption_keys_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "encryption_keys_status_check" CHECK (status::text = ANY (ARRAY['active'::text, 'rotating'::text, 'retired'::text]))
);

-- step 59/243: create table public.llm_models
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."llm_models" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "provider_id" uuid NOT NULL,
  "model_name" character varying(100) NOT NULL,
  "display_name" character varying(100) NOT NULL,
  "context_window" integer NOT NULL,
  "max_output_tokens" integer,
  "input_cost_per_1k_tokens" numeric(10,6) NOT NULL,
  "output_cost_per_1k_tokens" numeric(10,6) NOT NULL,
  "capabilities" jsonb DEFAULT '{}'::jsonb NOT NULL,
  "is_active" boolean DEFAULT true NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "llm_models_context_window_check" CHECK (context_window > 0),
  CONSTRAINT "llm_models_input_cost_per_1k_tokens_check" CHECK (input_cost_per_1k_tokens >= 0::numeric),
  CONSTRAINT "llm_models_output_cost_per_1k_tokens_check" CHECK (output_cost_per_1k_tokens >= 0::numeric),
  CONSTRAINT "llm_models_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "llm_models_provider_id_model_name_key" UNIQUE ("provider_id", "model_name")
);

-- step 60/243: create table public.llm_providers
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."llm_providers" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "name" character varying(50) NOT NULL,
  "display_name" character varying(100) NOT NULL,
  "api_base_url" text,
  "is_active" boolean DEFAULT true NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "llm_providers_name_key" UNIQUE ("name"),
  CONSTRAINT "llm_providers_pkey" PRIMARY KEY ("id")
);

-- step 61/243: create table public.llm_usage_logs
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."llm_usage_logs" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "user_id" uuid,
  "organization_id" uuid,
  "conversation_id" uuid,
  "model_id" uuid,
  "prompt_tokens" integer DEFAULT 0 NOT NULL,
  "completion_tokens" integer DEFAULT 0 NOT NULL,
  "total_tokens" integer GENERATED ALWAYS AS ((prompt_tokens + completion_tokens)) STORED,
  "cost_usd" numeric(12,6) DEFAULT 0 NOT NULL,
  "latency_ms" integer,
  "status" character varying(20) DEFAULT 'success'::character varying NOT NULL,
  CONSTRAINT "llm_usage_logs_pkey" PRIMARY KEY ("id", "created_at"),
  CONSTRAINT "llm_usage_logs_status_check" CHECK (status::text = ANY (ARRAY['success'::text, 'error'::text, 'filtered'::text]))
) PARTITION BY RANGE (created_at);

-- step 62/243: create table public.llm_usage_logs_2026_01
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."llm_usage_logs_2026_01" PARTITION OF "public"."llm_usage_logs" FOR VALUES FROM ('2026-01-01 00:00:00+00') TO ('2026-02-01 00:00:00+00');

-- step 63/243: create table public.llm_usage_logs_2026_02
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."llm_usage_logs_2026_02" PARTITION OF "public"."llm_usage_logs" FOR VALUES FROM ('2026-02-01 00:00:00+00') TO ('2026-03-01 00:00:00+00');

-- step 64/243: create table public.llm_usage_logs_2026_03
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."llm_usage_logs_2026_03" PARTITION OF "public"."llm_usage_logs" FOR VALUES FROM ('2026-03-01 00:00:00+00') TO ('2026-04-01 00:00:00+00');

-- step 65/243: create table public.llm_usage_logs_2026_04
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."llm_usage_logs_2026_04" PARTITION OF "public"."llm_usage_logs" FOR VALUES FROM ('2026-04-01 00:00:00+00') TO ('2026-05-01 00:00:00+00');

-- step 66/243: create table public.llm_usage_logs_2026_05
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."llm_usage_logs_2026_05" PARTITION OF "public"."llm_usage_logs" FOR VALUES FROM ('2026-05-01 00:00:00+00') TO ('2026-06-01 00:00:00+00');

-- step 67/243: create table public.llm_usage_logs_2026_06
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."llm_usage_logs_2026_06" PARTITION OF "public"."llm_usage_logs" FOR VALUES FROM ('2026-06-01 00:00:00+00') TO ('2026-07-01 00:00:00+00');

-- step 68/243: create table public.llm_usage_logs_2026_07
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."llm_usage_logs_2026_07" PARTITION OF "public"."llm_usage_logs" FOR VALUES FROM ('2026-07-01 00:00:00+00') TO ('2026-08-01 00:00:00+00');

-- step 69/243: create table public.llm_usage_logs_2026_08
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."llm_usage_logs_2026_08" PARTITION OF "public"."llm_usage_logs" FOR VALUES FROM ('2026-08-01 00:00:00+00') TO ('2026-09-01 00:00:00+00');

-- step 70/243: create table public.llm_usage_logs_2026_09
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."llm_usage_logs_2026_09" PARTITION OF "public"."llm_usage_logs" FOR VALUES FROM ('2026-09-01 00:00:00+00') TO ('2026-10-01 00:00:00+00');

-- step 71/243: create table public.llm_usage_logs_2026_10
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."llm_usage_logs_2026_10" PARTITION OF "public"."llm_usage_logs" FOR VALUES FROM ('2026-10-01 00:00:00+00') TO ('2026-11-01 00:00:00+00');

-- step 72/243: create table public.llm_usage_logs_2026_11
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."llm_usage_logs_2026_11" PARTITION OF "public"."llm_usage_logs" FOR VALUES FROM ('2026-11-01 00:00:00+00') TO ('2026-12-01 00:00:00+00');

-- step 73/243: create table public.llm_usage_logs_2026_12
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."llm_usage_logs_2026_12" PARTITION OF "public"."llm_usage_logs" FOR VALUES FROM ('2026-12-01 00:00:00+00') TO ('2027-01-01 00:00:00+00');

-- step 74/243: create table public.messages
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."messages" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "conversation_id" uuid NOT NULL,
  "role" character varying(20) NOT NULL,
  "content" text NOT NULL,
  "prompt_tokens" integer,
  "completion_tokens" integer,
  "cost_usd" numeric(12,6),
  "metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "messages_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "messages_role_check" CHECK (role::text = ANY (ARRAY['system'::text, 'user'::text, 'assistant'::text, 'tool'::text]))
);

-- step 75/243: create table public.organizations
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."organizations" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "name" character varying(255) NOT NULL,
  "slug" character varying(100) NOT NULL,
  "settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
  "is_active" boolean DEFAULT true NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "organizations_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "organizations_slug_key" UNIQUE ("slug")
);

-- step 76/243: create table public.performance_metrics
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."performance_metrics" (
  "id" bigint DEFAULT nextval('performance_metrics_id_seq'::regclass) NOT NULL,
  "recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
  "service" character varying(100) NOT NULL,
  "metric_name" character varying(100) NOT NULL,
  "value" double precision NOT NULL,
  "tags" jsonb DEFAULT '{}'::jsonb NOT NULL,
  CONSTRAINT "performance_metrics_pkey" PRIMARY KEY ("id")
);

-- step 77/243: create table public.permission_delegations
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."permission_delegations" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "delegator_id" uuid NOT NULL,
  "delegatee_id" uuid NOT NULL,
  "role_id" uuid,
  "permission_id" uuid,
  "conditions" jsonb DEFAULT '{}'::jsonb NOT NULL,
  "reason" text,
  "valid_from" timestamp with time zone DEFAULT now() NOT NULL,
  "valid_until" timestamp with time zone NOT NULL,
  "revoked_at" timestamp with time zone,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "permission_delegations_not_self" CHECK (delegator_id <> delegatee_id),
  CONSTRAINT "permission_delegations_one_grant" CHECK (num_nonnulls(role_id, permission_id) = 1),
  CONSTRAINT "permission_delegations_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "permission_delegations_valid_period" CHECK (valid_until > valid_from)
);

-- step 78/243: create table public.permissions
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."permissions" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "resource_type_id" uuid NOT NULL,
  "action" character varying(50) NOT NULL,
  "name" character varying(150) NOT NULL,
  "description" text,
  "conditions" jsonb DEFAULT '{}'::jsonb NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "permissions_name_key" UNIQUE ("name"),
  CONSTRAINT "permissions_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "permissions_resource_type_id_action_key" UNIQUE ("resource_type_id", "action")
);

-- step 79/243: create table public.pii_detections
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."pii_detections" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "source_type" character varying(50) NOT NULL,
  "source_id" uuid NOT NULL,
  "entity_type" character varying(50) NOT NULL,
  "confidence" numeric(4,3),
  "action_taken" character varying(20) NOT NULL,
  "masking_rule_id" uuid,
  "detected_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "pii_detections_action_taken_check" CHECK (action_taken::text = ANY (ARRAY['none'::text, 'masked'::text, 'blocked'::text, 'flagged'::text])),
  CONSTRAINT "pii_detections_confidence_check" CHECK (confidence >= 0::numeric AND confidence <= 1::numeric),
  CONSTRAINT "pii_detections_pkey" PRIMARY KEY ("id")
);

-- step 80/243: create table public.prompt_templates
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."prompt_templates" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "organization_id" uuid,
  "name" character varying(255) NOT NULL,
  "version" integer DEFAULT 1 NOT NULL,
  "template" text NOT NULL,
  "variables" jsonb DEFAULT '[]'::jsonb NOT NULL,
  "model_id" uuid,
  "is_active" boolean DEFAULT true NOT NULL,
  "created_by" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "prompt_templates_organization_id_name_version_key" UNIQUE NULLS NOT DISTINCT ("organization_id", "name", "version"),
  CONSTRAINT "prompt_templates_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "prompt_templates_version_check" CHECK (version > 0)
);

-- step 81/243: create table public.reports
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."reports" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "organization_id" uuid,
  "name" character varying(255) NOT NULL,
  "report_type" character varying(50) NOT NULL,
  "definition" jsonb NOT NULL,
  "schedule_cron" character varying(100),
  "created_by" uuid,
  "last_run_at" timestamp with time zone,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "reports_pkey" PRIMARY KEY ("id")
);

-- step 82/243: create table public.resource_types
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."resource_types" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "name" character varying(100) NOT NULL,
  "display_name" character varying(255) NOT NULL,
  "description" text,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "resource_types_name_key" UNIQUE ("name"),
  CONSTRAINT "resource_types_pkey" PRIMARY KEY ("id")
);

-- step 83/243: create table public.role_permissions
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."role_permissions" (
  "role_id" uuid NOT NULL,
  "permission_id" uuid NOT NULL,
  "conditions" jsonb DEFAULT '{}'::jsonb NOT NULL,
  "granted_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "role_permissions_pkey" PRIMARY KEY ("role_id", "permission_id")
);

-- step 84/243: create table public.roles
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."roles" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "organization_id" uuid,
  "name" character varying(100) NOT NULL,
  "display_name" character varying(255) NOT NULL,
  "description" text,
  "parent_role_id" uuid,
  "is_system" boolean DEFAULT false NOT NULL,
  "priority" integer DEFAULT 0 NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "roles_not_own_parent" CHECK (parent_role_id IS DISTINCT FROM id),
  CONSTRAINT "roles_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "uq_roles_organization_name" UNIQUE NULLS NOT DISTINCT ("organization_id", "name")
);

-- step 85/243: create table public.schema_migrations
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."schema_migrations" (
  "id" integer DEFAULT nextval('schema_migrations_id_seq'::regclass) NOT NULL,
  "filename" character varying(255) NOT NULL,
  "checksum" character varying(64),
  "executed_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "schema_migrations_filename_key" UNIQUE ("filename"),
  CONSTRAINT "schema_migrations_pkey" PRIMARY KEY ("id")
);

-- step 86/243: create table public.security_events
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."security_events" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "event_type" character varying(100) NOT NULL,
  "severity" character varying(20) NOT NULL,
  "user_id" uuid,
  "ip_address" inet,
  "details" jsonb DEFAULT '{}'::jsonb NOT NULL,
  "resolved_at" timestamp with time zone,
  "resolved_by" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "security_events_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "security_events_severity_check" CHECK (severity::text = ANY (ARRAY['low'::text, 'medium'::text, 'high'::text, 'critical'::text]))
);

-- step 87/243: create table public.sso_providers
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."sso_providers" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "organization_id" uuid NOT NULL,
  "name" character varying(100) NOT NULL,
  "protocol" character varying(10) NOT NULL,
  "issuer" text NOT NULL,
  "metadata_url" text,
  "client_id" character varying(255),
  "client_secret_encrypted" text,
  "attribute_mapping" jsonb DEFAULT '{}'::jsonb NOT NULL,
  "default_role_id" uuid,
  "is_active" boolean DEFAULT true NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "sso_providers_organization_id_name_key" UNIQUE ("organization_id", "name"),
  CONSTRAINT "sso_providers_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "sso_providers_protocol_check" CHECK (protocol::text = ANY (ARRAY['saml'::text, 'oidc'::text]))
);

-- step 88/243: create table public.system_settings
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."system_settings" (
  "key" character varying(150) NOT NULL,
  "value" jsonb NOT NULL,
  "category" character varying(50) NOT NULL,
  "description" text,
  "updated_by" uuid,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "system_settings_pkey" PRIMARY KEY ("key")
);

-- step 89/243: create table public.usage_sessions
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."usage_sessions" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "user_id" uuid NOT NULL,
  "client" character varying(50),
  "ip_address" inet,
  "started_at" timestamp with time zone DEFAULT now() NOT NULL,
  "ended_at" timestamp with time zone,
  "request_count" integer DEFAULT 0 NOT NULL,
  CONSTRAINT "usage_sessions_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "usage_sessions_valid_period" CHECK (ended_at IS NULL OR ended_at >= started_at)
);

-- step 90/243: create table public.user_mfa_methods
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."user_mfa_methods" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "user_id" uuid NOT NULL,
  "method_type" character varying(20) NOT NULL,
  "secret_encrypted" text,
  "is_primary" boolean DEFAULT false NOT NULL,
  "verified_at" timestamp with time zone,
  "last_used_at" timestamp with time zone,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "user_mfa_methods_method_type_check" CHECK (method_type::text = ANY (ARRAY['totp'::text, 'webauthn'::text, 'sms'::text, 'email'::text, 'backup_codes'::text])),
  CONSTRAINT "user_mfa_methods_pkey" PRIMARY KEY ("id")
);

-- step 91/243: create table public.user_profiles
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."user_profiles" (
  "user_id" uuid NOT NULL,
  "first_name" character varying(100),
  "last_name" character varying(100),
  "display_name" character varying(255),
  "job_title" character varying(255),
  "department" character varying(255),
  "phone" character varying(50),
  "timezone" character varying(64) DEFAULT 'UTC'::character varying NOT NULL,
  "locale" character varying(10) DEFAULT 'en-US'::character varying NOT NULL,
  "avatar_url" text,
  "preferences" jsonb DEFAULT '{}'::jsonb NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "user_profiles_pkey" PRIMARY KEY ("user_id")
);

-- step 92/243: create table public.user_roles
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."user_roles" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "user_id" uuid NOT NULL,
  "role_id" uuid NOT NULL,
  "scope_resource_type_id" uuid,
  "scope_resource_id" uuid,
  "conditions" jsonb DEFAULT '{}'::jsonb NOT NULL,
  "valid_from" timestamp with time zone DEFAULT now() NOT NULL,
  "valid_until" timestamp with time zone,
  "granted_by" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "user_roles_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "user_roles_scope_complete" CHECK ((scope_resource_type_id IS NULL) = (scope_resource_id IS NULL)),
  CONSTRAINT "user_roles_valid_period" CHECK (valid_until IS NULL OR valid_until > valid_from)
);

-- step 93/243: create table public.user_sessions
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."user_sessions" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "user_id" uuid NOT NULL,
  "token_hash" character varying(255) NOT NULL,
  "ip_address" inet,
  "user_agent" text,
  "auth_method" character varying(20) DEFAULT 'password'::character varying NOT NULL,
  "expires_at" timestamp with time zone NOT NULL,
  "revoked_at" timestamp with time zone,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "user_sessions_auth_method_check" CHECK (auth_method::text = ANY (ARRAY['password'::text, 'sso'::text, 'api_key'::text])),
  CONSTRAINT "user_sessions_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "user_sessions_token_hash_key" UNIQUE ("token_hash")
);

-- step 94/243: create table public.user_sso_identities
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."user_sso_identities" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "user_id" uuid NOT NULL,
  "provider_id" uuid NOT NULL,
  "external_id" character varying(255) NOT NULL,
  "attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
  "last_login_at" timestamp with time zone,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "user_sso_identities_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "user_sso_identities_provider_id_external_id_key" UNIQUE ("provider_id", "external_id")
);

-- step 95/243: create table public.users
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."users" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "organization_id" uuid,
  "email" character varying(255) NOT NULL,
  "username" character varying(100),
  "password_hash" character varying(255),
  "status" character varying(20) DEFAULT 'active'::character varying NOT NULL,
  "email_verified" boolean DEFAULT false NOT NULL,
  "mfa_enabled" boolean DEFAULT false NOT NULL,
  "failed_login_attempts" integer DEFAULT 0 NOT NULL,
  "locked_until" timestamp with time zone,
  "last_login_at" timestamp with time zone,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  "deleted_at" timestamp with time zone,
  CONSTRAINT "users_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "users_status_check" CHECK (status::text = ANY (ARRAY['active'::text, 'inactive'::text, 'suspended'::text, 'pending_verification'::text]))
);

-- step 96/243: create index public.api_usage_logs.idx_api_usage_logs_endpoint
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_api_usage_logs_endpoint" ON "public"."api_usage_logs" USING btree ("endpoint", "created_at" DESC);

-- step 97/243: create index public.api_usage_logs.idx_api_usage_logs_errors
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_api_usage_logs_errors" ON "public"."api_usage_logs" USING btree ("created_at" DESC) WHERE (status_code >= 500);

-- step 98/243: create index public.api_usage_logs.idx_api_usage_logs_user
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_api_usage_logs_user" ON "public"."api_usage_logs" USING btree ("user_id", "created_at" DESC);

-- step 99/243: create index public.audit_logs.idx_audit_logs_denied
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_audit_logs_denied" ON "public"."audit_logs" USING btree ("created_at" DESC) WHERE (outcome::text <> 'success'::text);

-- step 100/243: create index public.audit_logs.idx_audit_logs_details
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_audit_logs_details" ON "public"."audit_logs" USING gin ("details");

-- step 101/243: create index public.audit_logs.idx_audit_logs_organization
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_audit_logs_organization" ON "public"."audit_logs" USING btree ("organization_id", "created_at" DESC);

-- step 102/243: create index public.audit_logs.idx_audit_logs_resource
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_audit_logs_resource" ON "public"."audit_logs" USING btree ("resource_type", "resource_id");

-- step 103/243: create index public.audit_logs.idx_audit_logs_user
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_audit_logs_user" ON "public"."audit_logs" USING btree ("user_id", "created_at" DESC);

-- step 104/243: create index public.change_history.idx_change_history_pending
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_change_history_pending" ON "public"."change_history" USING btree ("created_at") WHERE (approval_status::text = 'pending'::text);

-- step 105/243: create index public.conversations.idx_conversations_organization_id
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_conversations_organization_id" ON "public"."conversations" USING btree ("organization_id");

-- step 106/243: create index public.conversations.idx_conversations_user_recent
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_conversations_user_recent" ON "public"."conversations" USING btree ("user_id", "updated_at" DESC) WHERE (status::text = 'active'::text);

-- step 107/243: create index public.cost_allocations.idx_cost_allocations_cost_center
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_cost_allocations_cost_center" ON "public"."cost_allocations" USING btree ("cost_center_id", "usage_date");

-- step 108/243: create index public.cost_allocations.idx_cost_allocations_user
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_cost_allocations_user" ON "public"."cost_allocations" USING btree ("user_id", "usage_date");

-- step 109/243: create index public.document_analyses.idx_document_analyses_document_id
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_document_analyses_document_id" ON "public"."document_analyses" USING btree ("document_id");

-- step 110/243: create index public.documents.idx_documents_organization_id
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_documents_organization_id" ON "public"."documents" USING btree ("organization_id", "created_at" DESC);

-- step 111/243: create index public.documents.idx_documents_pending
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_documents_pending" ON "public"."documents" USING btree ("created_at") WHERE (status::text = ANY (ARRAY['uploaded'::text, 'processing'::text]));

-- step 112/243: create index public.encryption_keys.uq_encryption_keys_active_purpose
--   transactional: yes
--   hazards: none
CREATE UNIQUE INDEX "uq_encryption_keys_active_purpose" ON "public"."encryption_keys" USING btree ("purpose") WHERE (status::text = 'active'::text);

-- step 113/243: create index public.llm_usage_logs.idx_llm_usage_logs_model
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_llm_usage_logs_model" ON "public"."llm_usage_logs" USING btree ("model_id", "created_at" DESC);

-- step 114/243: create index public.llm_usage_logs.idx_llm_usage_logs_organization
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_llm_usage_logs_organization" ON "public"."llm_usage_logs" USING btree ("organization_id", "created_at" DESC);

-- step 115/243: create index public.llm_usage_logs.idx_llm_usage_logs_user
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_llm_usage_logs_user" ON "public"."llm_usage_logs" USING btree ("user_id", "created_at" DESC);

-- step 116/243: create index public.messages.idx_messages_conversation
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_messages_conversation" ON "public"."messages" USING btree ("conversation_id", "created_at");

-- step 117/243: create index public.performance_metrics.idx_performance_metrics_name_time
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_performance_metrics_name_time" ON "public"."performance_metrics" USING btree ("service", "metric_name", "recorded_at" DESC);

-- step 118/243: create index public.permission_delegations.idx_permission_delegations_delegatee
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_permission_delegations_delegatee" ON "public"."permission_delegations" USING btree ("delegatee_id", "valid_until") WHERE (revoked_at IS NULL);

-- step 119/243: create index public.permission_delegations.idx_permission_delegations_delegator
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_permission_delegations_delegator" ON "public"."permission_delegations" USING btree ("delegator_id");

-- step 120/243: create index public.pii_detections.idx_pii_detections_detected_at
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_pii_detections_detected_at" ON "public"."pii_detections" USING btree ("detected_at" DESC);

-- step 121/243: create index public.pii_detections.idx_pii_detections_source
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_pii_detections_source" ON "public"."pii_detections" USING btree ("source_type", "source_id");

-- step 122/243: create index public.role_permissions.idx_role_permissions_permission_id
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_role_permissions_permission_id" ON "public"."role_permissions" USING btree ("permission_id");

-- step 123/243: create index public.roles.idx_roles_parent_role_id
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_roles_parent_role_id" ON "public"."roles" USING btree ("parent_role_id");

-- step 124/243: create index public.security_events.idx_security_events_open
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_security_events_open" ON "public"."security_events" USING btree ("severity", "created_at" DESC) WHERE (resolved_at IS NULL);

-- step 125/243: create index public.usage_sessions.idx_usage_sessions_user
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_usage_sessions_user" ON "public"."usage_sessions" USING btree ("user_id", "started_at" DESC);

-- step 126/243: create index public.user_mfa_methods.idx_user_mfa_methods_user_id
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_user_mfa_methods_user_id" ON "public"."user_mfa_methods" USING btree ("user_id");

-- step 127/243: create index public.user_mfa_methods.uq_user_mfa_methods_primary
--   transactional: yes
--   hazards: none
CREATE UNIQUE INDEX "uq_user_mfa_methods_primary" ON "public"."user_mfa_methods" USING btree ("user_id") WHERE (is_primary);

-- step 128/243: create index public.user_roles.idx_user_roles_role_id
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_user_roles_role_id" ON "public"."user_roles" USING btree ("role_id");

-- step 129/243: create index public.user_roles.idx_user_roles_scope
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_user_roles_scope" ON "public"."user_roles" USING btree ("scope_resource_type_id", "scope_resource_id") WHERE (scope_resource_id IS NOT NULL);

-- step 130/243: create index public.user_roles.idx_user_roles_user_id
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_user_roles_user_id" ON "public"."user_roles" USING btree ("user_id", "valid_from", "valid_until");

-- step 131/243: create index public.user_sessions.idx_user_sessions_active
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_user_sessions_active" ON "public"."user_sessions" USING btree ("expires_at") WHERE (revoked_at IS NULL);

-- step 132/243: create index public.user_sessions.idx_user_sessions_user_id
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_user_sessions_user_id" ON "public"."user_sessions" USING btree ("user_id");

-- step 133/243: create index public.user_sso_identities.idx_user_sso_identities_user_id
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_user_sso_identities_user_id" ON "public"."user_sso_identities" USING btree ("user_id");

-- step 134/243: create index public.users.idx_users_active
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_users_active" ON "public"."users" USING btree ("organization_id", "status") WHERE (deleted_at IS NULL);

-- step 135/243: create index public.users.idx_users_organization_id
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_users_organization_id" ON "public"."users" USING btree ("organization_id");

-- step 136/243: create index public.users.uq_users_email_lower
--   transactional: yes
--   hazards: none
CREATE UNIQUE INDEX "uq_users_email_lower" ON "public"."users" USING btree ((lower(email::text)));

-- step 137/243: create index public.users.uq_users_username
--   transactional: yes
--   hazards: none
CREATE UNIQUE INDEX "uq_users_username" ON "public"."users" USING btree ("username") WHERE (username IS NOT NULL);

-- step 138/243: create constraint public.budgets.budgets_cost_center_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."budgets" ADD CONSTRAINT "budgets_cost_center_id_fkey" FOREIGN KEY ("cost_center_id") REFERENCES "public"."cost_centers" ("id") ON DELETE CASCADE;

-- step 139/243: create constraint public.change_history.change_history_approved_by_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."change_history" ADD CONSTRAINT "change_history_approved_by_fkey" FOREIGN KEY ("approved_by") REFERENCES "public"."users" ("id") ON DELETE SET NULL;

-- step 140/243: create constraint public.change_history.change_history_changed_by_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."change_history" ADD CONSTRAINT "change_history_changed_by_fkey" FOREIGN KEY ("changed_by") REFERENCES "public"."users" ("id") ON DELETE SET NULL;

-- step 141/243: create constraint public.compliance_assessments.compliance_assessments_assessed_by_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."compliance_assessments" ADD CONSTRAINT "compliance_assessments_assessed_by_fkey" FOREIGN KEY ("assessed_by") REFERENCES "public"."users" ("id") ON DELETE SET NULL;

-- step 142/243: create constraint public.compliance_assessments.compliance_assessments_organization_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."compliance_assessments" ADD CONSTRAINT "compliance_assessments_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations" ("id") ON DELETE CASCADE;

-- step 143/243: create constraint public.compliance_assessments.compliance_assessments_requirement_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."compliance_assessments" ADD CONSTRAINT "compliance_assessments_requirement_id_fkey" FOREIGN KEY ("requirement_id") REFERENCES "public"."compliance_requirements" ("id") ON DELETE CASCADE;

-- step 144/243: create constraint public.compliance_requirements.compliance_requirements_framework_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."compliance_requirements" ADD CONSTRAINT "compliance_requirements_framework_id_fkey" FOREIGN KEY ("framework_id") REFERENCES "public"."compliance_frameworks" ("id") ON DELETE CASCADE;

-- step 145/243: create constraint public.conversations.conversations_model_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."conversations" ADD CONSTRAINT "conversations_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "public"."llm_models" ("id") ON DELETE SET NULL;

-- step 146/243: create constraint public.conversations.conversations_organization_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."conversations" ADD CONSTRAINT "conversations_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations" ("id") ON DELETE CASCADE;

-- step 147/243: create constraint public.conversations.conversations_user_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."conversations" ADD CONSTRAINT "conversations_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "public"."users" ("id") ON DELETE CASCADE;

-- step 148/243: create constraint public.cost_centers.cost_centers_organization_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."cost_centers" ADD CONSTRAINT "cost_centers_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations" ("id") ON DELETE CASCADE;

-- step 149/243: create constraint public.cost_centers.cost_centers_owner_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."cost_centers" ADD CONSTRAINT "cost_centers_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "public"."users" ("id") ON DELETE SET NULL;

-- step 150/243: create constraint public.cost_centers.cost_centers_parent_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."cost_centers" ADD CONSTRAINT "cost_centers_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "public"."cost_centers" ("id") ON DELETE SET NULL;

-- step 151/243: create constraint public.data_masking_rules.data_masking_rules_min_classification_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."data_masking_rules" ADD CONSTRAINT "data_masking_rules_min_classification_id_fkey" FOREIGN KEY ("min_classification_id") REFERENCES "public"."data_classifications" ("id") ON DELETE SET NULL;

-- step 152/243: create constraint public.document_analyses.document_analyses_document_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."document_analyses" ADD CONSTRAINT "document_analyses_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "public"."documents" ("id") ON DELETE CASCADE;

-- step 153/243: create constraint public.document_analyses.document_analyses_model_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."document_analyses" ADD CONSTRAINT "document_analyses_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "public"."llm_models" ("id") ON DELETE SET NULL;

-- step 154/243: create constraint public.documents.documents_conversation_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."documents" ADD CONSTRAINT "documents_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations" ("id") ON DELETE SET NULL;

-- step 155/243: create constraint public.documents.documents_organization_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."documents" ADD CONSTRAINT "documents_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations" ("id") ON DELETE CASCADE;

-- step 156/243: create constraint public.documents.documents_uploaded_by_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."documents" ADD CONSTRAINT "documents_uploaded_by_fkey" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users" ("id") ON DELETE SET NULL;

-- step 157/243: create constraint public.llm_models.llm_models_provider_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."llm_models" ADD CONSTRAINT "llm_models_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "public"."llm_providers" ("id") ON DELETE CASCADE;

-- step 158/243: create constraint public.messages.messages_conversation_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."messages" ADD CONSTRAINT "messages_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations" ("id") ON DELETE CASCADE;

-- step 159/243: create constraint public.permission_delegations.permission_delegations_delegatee_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."permission_delegations" ADD CONSTRAINT "permission_delegations_delegatee_id_fkey" FOREIGN KEY ("delegatee_id") REFERENCES "public"."users" ("id") ON DELETE CASCADE;

-- step 160/243: create constraint public.permission_delegations.permission_delegations_delegator_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."permission_delegations" ADD CONSTRAINT "permission_delegations_delegator_id_fkey" FOREIGN KEY ("delegator_id") REFERENCES "public"."users" ("id") ON DELETE CASCADE;

-- step 161/243: create constraint public.permission_delegations.permission_delegations_permission_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."permission_delegations" ADD CONSTRAINT "permission_delegations_permission_id_fkey" FOREIGN KEY ("permission_id") REFERENCES "public"."permissions" ("id") ON DELETE CASCADE;

-- step 162/243: create constraint public.permission_delegations.permission_delegations_role_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."permission_delegations" ADD CONSTRAINT "permission_delegations_role_id_fkey" FOREIGN KEY ("role_id") REFERENCES "public"."roles" ("id") ON DELETE CASCADE;

-- step 163/243: create constraint public.permissions.permissions_resource_type_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."permissions" ADD CONSTRAINT "permissions_resource_type_id_fkey" FOREIGN KEY ("resource_type_id") REFERENCES "public"."resource_types" ("id") ON DELETE CASCADE;

-- step 164/243: create constraint public.pii_detections.pii_detections_masking_rule_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."pii_detections" ADD CONSTRAINT "pii_detections_masking_rule_id_fkey" FOREIGN KEY ("masking_rule_id") REFERENCES "public"."data_masking_rules" ("id") ON DELETE SET NULL;

-- step 165/243: create constraint public.prompt_templates.prompt_templates_created_by_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."prompt_templates" ADD CONSTRAINT "prompt_templates_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "public"."users" ("id") ON DELETE SET NULL;

-- step 166/243: create constraint public.prompt_templates.prompt_templates_model_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."prompt_templates" ADD CONSTRAINT "prompt_templates_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "public"."llm_models" ("id") ON DELETE SET NULL;

-- step 167/243: create constraint public.prompt_templates.prompt_templates_organization_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."prompt_templates" ADD CONSTRAINT "prompt_templates_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations" ("id") ON DELETE CASCADE;

-- step 168/243: create constraint public.reports.reports_created_by_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."reports" ADD CONSTRAINT "reports_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "public"."users" ("id") ON DELETE SET NULL;

-- step 169/243: create constraint public.reports.reports_organization_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."reports" ADD CONSTRAINT "reports_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations" ("id") ON DELETE CASCADE;

-- step 170/243: create constraint public.role_permissions.role_permissions_permission_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."role_permissions" ADD CONSTRAINT "role_permissions_permission_id_fkey" FOREIGN KEY ("permission_id") REFERENCES "public"."permissions" ("id") ON DELETE CASCADE;

-- step 171/243: create constraint public.role_permissions.role_permissions_role_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."role_permissions" ADD CONSTRAINT "role_permissions_role_id_fkey" FOREIGN KEY ("role_id") REFERENCES "public"."roles" ("id") ON DELETE CASCADE;

-- step 172/243: create constraint public.roles.roles_organization_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."roles" ADD CONSTRAINT "roles_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations" ("id") ON DELETE CASCADE;

-- step 173/243: create constraint public.roles.roles_parent_role_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."roles" ADD CONSTRAINT "roles_parent_role_id_fkey" FOREIGN KEY ("parent_role_id") REFERENCES "public"."roles" ("id") ON DELETE SET NULL;

-- step 174/243: create constraint public.security_events.security_events_resolved_by_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."security_events" ADD CONSTRAINT "security_events_resolved_by_fkey" FOREIGN KEY ("resolved_by") REFERENCES "public"."users" ("id") ON DELETE SET NULL;

-- step 175/243: create constraint public.security_events.security_events_user_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."security_events" ADD CONSTRAINT "security_events_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "public"."users" ("id") ON DELETE SET NULL;

-- step 176/243: create constraint public.sso_providers.sso_providers_default_role_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."sso_providers" ADD CONSTRAINT "sso_providers_default_role_id_fkey" FOREIGN KEY ("default_role_id") REFERENCES "public"."roles" ("id") ON DELETE SET NULL;

-- step 177/243: create constraint public.sso_providers.sso_providers_organization_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."sso_providers" ADD CONSTRAINT "sso_providers_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations" ("id") ON DELETE CASCADE;

-- step 178/243: create constraint public.system_settings.system_settings_updated_by_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."system_settings" ADD CONSTRAINT "system_settings_updated_by_fkey" FOREIGN KEY ("updated_by") REFERENCES "public"."users" ("id") ON DELETE SET NULL;

-- step 179/243: create constraint public.usage_sessions.usage_sessions_user_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."usage_sessions" ADD CONSTRAINT "usage_sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "public"."users" ("id") ON DELETE CASCADE;

-- step 180/243: create constraint public.user_mfa_methods.user_mfa_methods_user_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."user_mfa_methods" ADD CONSTRAINT "user_mfa_methods_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "public"."users" ("id") ON DELETE CASCADE;

-- step 181/243: create constraint public.user_profiles.user_profiles_user_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."user_profiles" ADD CONSTRAINT "user_profiles_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "public"."users" ("id") ON DELETE CASCADE;

-- step 182/243: create constraint public.user_roles.user_roles_granted_by_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."user_roles" ADD CONSTRAINT "user_roles_granted_by_fkey" FOREIGN KEY ("granted_by") REFERENCES "public"."users" ("id") ON DELETE SET NULL;

-- step 183/243: create constraint public.user_roles.user_roles_role_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."user_roles" ADD CONSTRAINT "user_roles_role_id_fkey" FOREIGN KEY ("role_id") REFERENCES "public"."roles" ("id") ON DELETE CASCADE;

-- step 184/243: create constraint public.user_roles.user_roles_scope_resource_type_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."user_roles" ADD CONSTRAINT "user_roles_scope_resource_type_id_fkey" FOREIGN KEY ("scope_resource_type_id") REFERENCES "public"."resource_types" ("id") ON DELETE CASCADE;

-- step 185/243: create constraint public.user_roles.user_roles_user_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."user_roles" ADD CONSTRAINT "user_roles_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "public"."users" ("id") ON DELETE CASCADE;

-- step 186/243: create constraint public.user_sessions.user_sessions_user_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."user_sessions" ADD CONSTRAINT "user_sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "public"."users" ("id") ON DELETE CASCADE;

-- step 187/243: create constraint public.user_sso_identities.user_sso_identities_provider_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."user_sso_identities" ADD CONSTRAINT "user_sso_identities_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "public"."sso_providers" ("id") ON DELETE CASCADE;

-- step 188/243: create constraint public.user_sso_identities.user_sso_identities_user_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."user_sso_identities" ADD CONSTRAINT "user_sso_identities_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "public"."users" ("id") ON DELETE CASCADE;

-- step 189/243: create constraint public.users.users_organization_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."users" ADD CONSTRAINT "users_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations" ("id") ON DELETE SET NULL;

-- step 190/243: create trigger public.conversations.update_conversations_updated_at
--   transactional: yes
--   hazards: none
CREATE TRIGGER "update_conversations_updated_at" BEFORE UPDATE ON "public"."conversations" FOR EACH ROW EXECUTE FUNCTION "public"."update_updated_at_column"();

-- step 191/243: create trigger public.llm_models.update_llm_models_updated_at
--   transactional: yes
--   hazards: none
CREATE TRIGGER "update_llm_models_updated_at" BEFORE UPDATE ON "public"."llm_models" FOR EACH ROW EXECUTE FUNCTION "public"."update_updated_at_column"();

-- step 192/243: create trigger public.organizations.update_organizations_updated_at
--   transactional: yes
--   hazards: none
CREATE TRIGGER "update_organizations_updated_at" BEFORE UPDATE ON "public"."organizations" FOR EACH ROW EXECUTE FUNCTION "public"."update_updated_at_column"();

-- step 193/243: create trigger public.roles.update_roles_updated_at
--   transactional: yes
--   hazards: none
CREATE TRIGGER "update_roles_updated_at" BEFORE UPDATE ON "public"."roles" FOR EACH ROW EXECUTE FUNCTION "public"."update_updated_at_column"();

-- step 194/243: create trigger public.sso_providers.update_sso_providers_updated_at
--   transactional: yes
--   hazards: none
CREATE TRIGGER "update_sso_providers_updated_at" BEFORE UPDATE ON "public"."sso_providers" FOR EACH ROW EXECUTE FUNCTION "public"."update_updated_at_column"();

-- step 195/243: create trigger public.system_settings.update_system_settings_updated_at
--   transactional: yes
--   hazards: none
CREATE TRIGGER "update_system_settings_updated_at" BEFORE UPDATE ON "public"."system_settings" FOR EACH ROW EXECUTE FUNCTION "public"."update_updated_at_column"();

-- step 196/243: create trigger public.user_profiles.update_user_profiles_updated_at
--   transactional: yes
--   hazards: none
CREATE TRIGGER "update_user_profiles_updated_at" BEFORE UPDATE ON "public"."user_profiles" FOR EACH ROW EXECUTE FUNCTION "public"."update_updated_at_column"();

-- step 197/243: create trigger public.users.update_users_updated_at
--   transactional: yes
--   hazards: none
CREATE TRIGGER "update_users_updated_at" BEFORE UPDATE ON "public"."users" FOR EACH ROW EXECUTE FUNCTION "public"."update_updated_at_column"();

-- step 198/243: alter sequence public.performance_metrics_id_seq
--   transactional: yes
--   hazards: none
ALTER SEQUENCE "public"."performance_metrics_id_seq" OWNED BY "public"."performance_metrics"."id";

-- step 199/243: alter sequence public.schema_migrations_id_seq
--   transactional: yes
--   hazards: none
ALTER SEQUENCE "public"."schema_migrations_id_seq" OWNED BY "public"."schema_migrations"."id";

-- step 200/243: grant grant public.api_usage_logs to enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT on public.api_usage_logs to role enterprise_ai_app)
GRANT SELECT, INSERT ON TABLE "public"."api_usage_logs" TO "enterprise_ai_app";

-- step 201/243: grant grant public.audit_logs to enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT on public.audit_logs to role enterprise_ai_app)
GRANT SELECT, INSERT ON TABLE "public"."audit_logs" TO "enterprise_ai_app";

-- step 202/243: grant grant public.budgets to enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.budgets to role enterprise_ai_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."budgets" TO "enterprise_ai_app";

-- step 203/243: grant grant public.change_history to enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.change_history to role enterprise_ai_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."change_history" TO "enterprise_ai_app";

-- step 204/243: grant grant public.compliance_assessments to enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.compliance_assessments to role enterprise_ai_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."compliance_assessments" TO "enterprise_ai_app";

-- step 205/243: grant grant public.compliance_frameworks to enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.compliance_frameworks to role enterprise_ai_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."compliance_frameworks" TO "enterprise_ai_app";

-- step 206/243: grant grant public.compliance_requirements to enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.compliance_requirements to role enterprise_ai_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."compliance_requirements" TO "enterprise_ai_app";

-- step 207/243: grant grant public.conversations to enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.conversations to role enterprise_ai_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."conversations" TO "enterprise_ai_app";

-- step 208/243: grant grant public.cost_allocations to enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.cost_allocations to role enterprise_ai_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."cost_allocations" TO "enterprise_ai_app";

-- step 209/243: grant grant public.cost_centers to enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.cost_centers to role enterprise_ai_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."cost_centers" TO "enterprise_ai_app";

-- step 210/243: grant grant public.data_classifications to enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.data_classifications to role enterprise_ai_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."data_classifications" TO "enterprise_ai_app";

-- step 211/243: grant grant public.data_masking_rules to enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.data_masking_rules to role enterprise_ai_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."data_masking_rules" TO "enterprise_ai_app";

-- step 212/243: grant grant public.document_analyses to enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.document_analyses to role enterprise_ai_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."document_analyses" TO "enterprise_ai_app";

-- step 213/243: grant grant public.documents to enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.documents to role enterprise_ai_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."documents" TO "enterprise_ai_app";

-- step 214/243: grant grant public.encryption_keys to enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.encryption_keys to role enterprise_ai_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."encryption_keys" TO "enterprise_ai_app";

-- step 215/243: grant grant public.llm_models to enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.llm_models to role enterprise_ai_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."llm_models" TO "enterprise_ai_app";

-- step 216/243: grant grant public.llm_providers to enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.llm_providers to role enterprise_ai_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."llm_providers" TO "enterprise_ai_app";

-- step 217/243: grant grant public.llm_usage_logs to enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT on public.llm_usage_logs to role enterprise_ai_app)
GRANT SELECT, INSERT ON TABLE "public"."llm_usage_logs" TO "enterprise_ai_app";

-- step 218/243: grant grant public.messages to enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.messages to role enterprise_ai_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."messages" TO "enterprise_ai_app";

-- step 219/243: grant grant public.organizations to enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.organizations to role enterprise_ai_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."organizations" TO "enterprise_ai_app";

-- step 220/243: grant grant public.performance_metrics to enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.performance_metrics to role enterprise_ai_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."performance_metrics" TO "enterprise_ai_app";

-- step 221/243: grant grant public.permission_delegations to enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.permission_delegations to role enterprise_ai_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."permission_delegations" TO "enterprise_ai_app";

-- step 222/243: grant grant public.permissions to enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.permissions to role enterprise_ai_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."permissions" TO "enterprise_ai_app";

-- step 223/243: grant grant public.pii_detections to enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.pii_detections to role enterprise_ai_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."pii_detections" TO "enterprise_ai_app";

-- step 224/243: grant grant public.prompt_templates to enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.prompt_templates to role enterprise_ai_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."prompt_templates" TO "enterprise_ai_app";

-- step 225/243: grant grant public.reports to enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.reports to role enterprise_ai_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."reports" TO "enterprise_ai_app";

-- step 226/243: grant grant public.resource_types to enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.resource_types to role enterprise_ai_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."resource_types" TO "enterprise_ai_app";

-- step 227/243: grant grant public.role_permissions to enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.role_permissions to role enterprise_ai_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."role_permissions" TO "enterprise_ai_app";

-- step 228/243: grant grant public.roles to enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.roles to role enterprise_ai_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."roles" TO "enterprise_ai_app";

-- step 229/243: grant grant public.security_events to enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.security_events to role enterprise_ai_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."security_events" TO "enterprise_ai_app";

-- step 230/243: grant grant public.sso_providers to enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.sso_providers to role enterprise_ai_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."sso_providers" TO "enterprise_ai_app";

-- step 231/243: grant grant public.system_settings to enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.system_settings to role enterprise_ai_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."system_settings" TO "enterprise_ai_app";

-- step 232/243: grant grant public.usage_sessions to enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.usage_sessions to role enterprise_ai_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."usage_sessions" TO "enterprise_ai_app";

-- step 233/243: grant grant public.user_mfa_methods to enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.user_mfa_methods to role enterprise_ai_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."user_mfa_methods" TO "enterprise_ai_app";

-- step 234/243: grant grant public.user_profiles to enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.user_profiles to role enterprise_ai_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."user_profiles" TO "enterprise_ai_app";

-- step 235/243: grant grant public.user_roles to enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.user_roles to role enterprise_ai_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."user_roles" TO "enterprise_ai_app";

-- step 236/243: grant grant public.user_sessions to enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.user_sessions to role enterprise_ai_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."user_sessions" TO "enterprise_ai_app";

-- step 237/243: grant grant public.user_sso_identities to enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.user_sso_identities to role enterprise_ai_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."user_sso_identities" TO "enterprise_ai_app";

-- step 238/243: grant grant public.users to enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.users to role enterprise_ai_app)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."users" TO "enterprise_ai_app";

-- step 239/243: grant grant public.performance_metrics_id_seq to enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (grants USAGE on sequence public.performance_metrics_id_seq to role enterprise_ai_app)
GRANT USAGE ON SEQUENCE "public"."performance_metrics_id_seq" TO "enterprise_ai_app";

-- step 240/243: grant grant public.schema_migrations_id_seq to enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (grants USAGE on sequence public.schema_migrations_id_seq to role enterprise_ai_app)
GRANT USAGE ON SEQUENCE "public"."schema_migrations_id_seq" TO "enterprise_ai_app";

-- step 241/243: grant grant public to enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (grants USAGE on schema public to role enterprise_ai_app)
GRANT USAGE ON SCHEMA "public" TO "enterprise_ai_app";

-- step 242/243: comment extension pgcrypto
--   transactional: yes
--   hazards: none
COMMENT ON EXTENSION "pgcrypto" IS 'cryptographic functions';

-- step 243/243: comment extension uuid-ossp
--   transactional: yes
--   hazards: none
COMMENT ON EXTENSION "uuid-ossp" IS 'generate universally unique identifiers (UUIDs)';
