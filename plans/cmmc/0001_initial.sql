-- pgform plan
-- pgform-version: 0.1.0
-- source: sha256:89418c5f156c5ea7
-- target: sha256:879b9903d55d5cff
-- managed-schemas: ["public"]
-- plan-hash: sha256:0e89e1c0b9580b149d34aaf020ede13626e3167f87c60fa46b15af1f3ea46d97
-- steps: 137
--   create role: 1
--   create extension: 2
--   create function: 2
--   create table: 16
--   create index: 56
--   create view: 2
--   create materialized_view: 1
--   create constraint: 27
--   create trigger: 8
--   grant grant: 20
--   comment extension: 2
-- hazards: unchecked_dependency: 2, authz_change: 21

SET lock_timeout = '5s';
SET statement_timeout = '1h';
SET check_function_bodies = off;

-- step 1/137: create role cmmc_user
--   transactional: yes
--   hazards: authz_change (creates role cmmc_user)
CREATE ROLE "cmmc_user";

-- step 2/137: create extension uuid-ossp
--   transactional: yes
--   hazards: none
CREATE EXTENSION IF NOT EXISTS "uuid-ossp" SCHEMA "public";

-- step 3/137: create extension vector
--   transactional: yes
--   hazards: none
CREATE EXTENSION IF NOT EXISTS "vector" SCHEMA "public";

-- step 4/137: create function public.refresh_assessment_progress()
--   transactional: yes
--   hazards: unchecked_dependency (the body of public.refresh_assessment_progress() is not checked by PostgreSQL: objects it uses are not ordered or verified)
CREATE FUNCTION "public"."refresh_assessment_progress"()
RETURNS trigger
LANGUAGE "plpgsql"
VOLATILE
PARALLEL UNSAFE
COST 100
AS $$DECLARE
    target UUID := COALESCE(NEW.assessment_id, OLD.assessment_id);
BEGIN
    UPDATE assessments a
       SET total_controls = s.total,
           controls_met = s.met,
           completion_percentage = CASE WHEN s.total = 0 THEN 0 ELSE (100 * s.done / s.total) END
      FROM (SELECT COUNT(*)::int AS total,
                   COUNT(*) FILTER (WHERE status = 'Met')::int AS met,
                   COUNT(*) FILTER (WHERE status IN ('Met', 'Not Met', 'Not Applicable'))::int AS done
              FROM control_findings
             WHERE assessment_id = target) s
     WHERE a.id = target;
    RETURN NULL;
END;
$$;

-- step 5/137: create function public.update_updated_at_column()
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

-- step 6/137: create table public.ai_analysis_results
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."ai_analysis_results" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "organization_id" uuid NOT NULL,
  "assessment_id" uuid,
  "control_id" character varying(50),
  "analysis_type" character varying(50) NOT NULL,
  "model_name" character varying(100) NOT NULL,
  "prompt_tokens" integer,
  "completion_tokens" integer,
  "input_data" jsonb,
  "result" jsonb NOT NULL,
  "confidence_score" numeric(3,2),
  "created_by" uuid,
  "created_at" timestamp with time zone DEFAULT now(),
  CONSTRAINT "ai_analysis_results_pkey" PRIMARY KEY ("id")
);

-- step 7/137: create table public.alembic_version
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."alembic_version" (
  "version_num" character varying(32) NOT NULL,
  CONSTRAINT "alembic_version_pkc" PRIMARY KEY ("version_num")
);

-- step 8/137: create table public.assessments
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."assessments" (
  "id" uuid NOT NULL,
  "organization_id" uuid NOT NULL,
  "name" character varying(255) NOT NULL,
  "assessment_type" character varying(50) NOT NULL,
  "target_level" integer DEFAULT 2 NOT NULL,
  "status" character varying(50) DEFAULT 'Draft'::character varying NOT NULL,
  "scope_domains" text[],
  "scope_cloud_providers" text[],
  "start_date" timestamp with time zone,
  "end_date" timestamp with time zone,
  "lead_assessor_id" uuid,
  "total_controls" integer DEFAULT 0,
  "controls_met" integer DEFAULT 0,
  "completion_percentage" integer DEFAULT 0,
  "created_at" timestamp with time zone DEFAULT now(),
  CONSTRAINT "assessments_pkey" PRIMARY KEY ("id")
);

-- step 9/137: create table public.audit_logs
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."audit_logs" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "organization_id" uuid,
  "user_id" uuid,
  "action" character varying(100) NOT NULL,
  "entity_type" character varying(50) NOT NULL,
  "entity_id" character varying(255),
  "changes" jsonb,
  "ip_address" inet,
  "user_agent" text,
  "created_at" timestamp with time zone DEFAULT now(),
  CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id")
);

-- step 10/137: create table public.cmmc_controls
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."cmmc_controls" (
  "id" character varying(50) NOT NULL,
  "level" integer NOT NULL,
  "domain" character varying(50) NOT NULL,
  "practice_id" character varying(50) NOT NULL,
  "title" text NOT NULL,
  "objective" text NOT NULL,
  "discussion" text,
  "nist_control_id" character varying(50),
  "assessment_objectives" text[],
  "examine_items" text[],
  "interview_items" text[],
  "test_items" text[],
  CONSTRAINT "cmmc_controls_pkey" PRIMARY KEY ("id")
);

-- step 11/137: create table public.comments
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."comments" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "organization_id" uuid NOT NULL,
  "entity_type" character varying(50) NOT NULL,
  "entity_id" uuid NOT NULL,
  "parent_comment_id" uuid,
  "content" text NOT NULL,
  "mentions" uuid[],
  "created_by" uuid NOT NULL,
  "is_deleted" boolean DEFAULT false,
  "created_at" timestamp with time zone DEFAULT now(),
  "updated_at" timestamp with time zone DEFAULT now(),
  CONSTRAINT "comments_pkey" PRIMARY KEY ("id")
);

-- step 12/137: create table public.control_findings
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."control_findings" (
  "id" uuid NOT NULL,
  "assessment_id" uuid NOT NULL,
  "control_id" character varying(50) NOT NULL,
  "status" character varying(50) DEFAULT 'Not Started'::character varying NOT NULL,
  "implementation_narrative" text,
  "evidence_ids" uuid[],
  "ai_generated_narrative" text,
  "ai_confidence_score" numeric(3,2),
  "uses_provider_inheritance" boolean DEFAULT false,
  "risk_level" character varying(50),
  "created_at" timestamp with time zone DEFAULT now(),
  CONSTRAINT "control_findings_pkey" PRIMARY KEY ("id")
);

-- step 13/137: create table public.document_chunks
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."document_chunks" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "document_id" uuid NOT NULL,
  "chunk_index" integer NOT NULL,
  "content" text NOT NULL,
  "token_count" integer,
  "metadata" jsonb DEFAULT '{}'::jsonb,
  "created_at" timestamp with time zone DEFAULT now(),
  "embedding" vector(3072),
  CONSTRAINT "document_chunks_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "uq_document_chunks_document_index" UNIQUE ("document_id", "chunk_index")
);

-- step 14/137: create table public.documents
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."documents" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "organization_id" uuid NOT NULL,
  "title" character varying(500) NOT NULL,
  "document_type" character varying(50) NOT NULL,
  "file_path" text,
  "content" text,
  "version" character varying(20),
  "status" character varying(50) DEFAULT 'Draft'::character varying NOT NULL,
  "control_ids" character varying(50)[],
  "uploaded_by" uuid,
  "created_at" timestamp with time zone DEFAULT now(),
  "updated_at" timestamp with time zone DEFAULT now(),
  "embedding" vector(3072),
  CONSTRAINT "documents_pkey" PRIMARY KEY ("id")
);

-- step 15/137: create table public.evidence
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."evidence" (
  "id" uuid NOT NULL,
  "assessment_id" uuid NOT NULL,
  "organization_id" uuid NOT NULL,
  "file_name" character varying(255) NOT NULL,
  "file_path" text NOT NULL,
  "file_size_bytes" bigint NOT NULL,
  "evidence_type" character varying(50) NOT NULL,
  "control_ids" character varying(50)[],
  "extracted_text" text,
  "created_at" timestamp with time zone DEFAULT now(),
  "embedding" vector(3072),
  CONSTRAINT "evidence_pkey" PRIMARY KEY ("id")
);

-- step 16/137: create table public.notifications
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."notifications" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "user_id" uuid NOT NULL,
  "organization_id" uuid NOT NULL,
  "notification_type" character varying(50) NOT NULL,
  "title" character varying(255) NOT NULL,
  "message" text,
  "link" text,
  "channels" text[] DEFAULT ARRAY['in_app'::text],
  "is_read" boolean DEFAULT false,
  "read_at" timestamp with time zone,
  "email_sent_at" timestamp with time zone,
  "created_at" timestamp with time zone DEFAULT now(),
  CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- step 17/137: create table public.organizations
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."organizations" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "name" character varying(255) NOT NULL,
  "organization_type" character varying(50) NOT NULL,
  "status" character varying(50) DEFAULT 'Trial'::character varying NOT NULL,
  "address" text,
  "phone" character varying(20),
  "email" character varying(255),
  "created_at" timestamp with time zone DEFAULT now(),
  "updated_at" timestamp with time zone DEFAULT now(),
  "created_by" character varying(255),
  CONSTRAINT "organizations_pkey" PRIMARY KEY ("id")
);

-- step 18/137: create table public.poam_items
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."poam_items" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "assessment_id" uuid NOT NULL,
  "control_id" character varying(50) NOT NULL,
  "finding_id" uuid,
  "weakness_description" text NOT NULL,
  "remediation_plan" text,
  "milestones" jsonb DEFAULT '[]'::jsonb,
  "responsible_user_id" uuid,
  "risk_level" character varying(50),
  "status" character varying(50) DEFAULT 'Open'::character varying NOT NULL,
  "scheduled_completion_date" date,
  "actual_completion_date" date,
  "created_at" timestamp with time zone DEFAULT now(),
  "updated_at" timestamp with time zone DEFAULT now(),
  CONSTRAINT "poam_items_pkey" PRIMARY KEY ("id")
);

-- step 19/137: create table public.provider_inheritance
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."provider_inheritance" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "control_id" character varying(50) NOT NULL,
  "provider" character varying(50) NOT NULL,
  "inheritance_type" character varying(50) NOT NULL,
  "provider_responsibility" text,
  "customer_responsibility" text,
  "documentation_url" text,
  "created_at" timestamp with time zone DEFAULT now(),
  "updated_at" timestamp with time zone DEFAULT now(),
  CONSTRAINT "provider_inheritance_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "uq_provider_inheritance_control_provider" UNIQUE ("control_id", "provider")
);

-- step 20/137: create table public.system_config
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."system_config" (
  "key" character varying(100) NOT NULL,
  "value" jsonb NOT NULL,
  "description" text,
  "updated_by" uuid,
  "created_at" timestamp with time zone DEFAULT now(),
  "updated_at" timestamp with time zone DEFAULT now(),
  CONSTRAINT "system_config_pkey" PRIMARY KEY ("key")
);

-- step 21/137: create table public.users
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."users" (
  "id" uuid NOT NULL,
  "organization_id" uuid NOT NULL,
  "email" character varying(255) NOT NULL,
  "password_hash" character varying(255) NOT NULL,
  "full_name" character varying(255) NOT NULL,
  "role" character varying(50) NOT NULL,
  "status" character varying(50) DEFAULT 'Pending'::character varying NOT NULL,
  "phone" character varying(20),
  "job_title" character varying(100),
  "email_verified" boolean DEFAULT false,
  "last_login" timestamp with time zone,
  "created_at" timestamp with time zone DEFAULT now(),
  "updated_at" timestamp with time zone DEFAULT now(),
  CONSTRAINT "users_email_key" UNIQUE ("email"),
  CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- step 22/137: create index public.ai_analysis_results.idx_ai_analysis_assessment
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_ai_analysis_assessment" ON "public"."ai_analysis_results" USING btree ("assessment_id");

-- step 23/137: create index public.ai_analysis_results.idx_ai_analysis_control
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_ai_analysis_control" ON "public"."ai_analysis_results" USING btree ("control_id");

-- step 24/137: create index public.ai_analysis_results.idx_ai_analysis_created_at
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_ai_analysis_created_at" ON "public"."ai_analysis_results" USING btree ("created_at" DESC);

-- step 25/137: create index public.ai_analysis_results.idx_ai_analysis_organization
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_ai_analysis_organization" ON "public"."ai_analysis_results" USING btree ("organization_id");

-- step 26/137: create index public.ai_analysis_results.idx_ai_analysis_type
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_ai_analysis_type" ON "public"."ai_analysis_results" USING btree ("analysis_type");

-- step 27/137: create index public.assessments.idx_assessments_created_at
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_assessments_created_at" ON "public"."assessments" USING btree ("created_at" DESC);

-- step 28/137: create index public.assessments.idx_assessments_lead_assessor
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_assessments_lead_assessor" ON "public"."assessments" USING btree ("lead_assessor_id");

-- step 29/137: create index public.assessments.idx_assessments_organization_id
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_assessments_organization_id" ON "public"."assessments" USING btree ("organization_id");

-- step 30/137: create index public.assessments.idx_assessments_status
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_assessments_status" ON "public"."assessments" USING btree ("status");

-- step 31/137: create index public.audit_logs.idx_audit_logs_action
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_audit_logs_action" ON "public"."audit_logs" USING btree ("action");

-- step 32/137: create index public.audit_logs.idx_audit_logs_changes
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_audit_logs_changes" ON "public"."audit_logs" USING gin ("changes");

-- step 33/137: create index public.audit_logs.idx_audit_logs_created_at
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_audit_logs_created_at" ON "public"."audit_logs" USING btree ("created_at" DESC);

-- step 34/137: create index public.audit_logs.idx_audit_logs_entity
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_audit_logs_entity" ON "public"."audit_logs" USING btree ("entity_type", "entity_id");

-- step 35/137: create index public.audit_logs.idx_audit_logs_organization
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_audit_logs_organization" ON "public"."audit_logs" USING btree ("organization_id");

-- step 36/137: create index public.audit_logs.idx_audit_logs_user
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_audit_logs_user" ON "public"."audit_logs" USING btree ("user_id");

-- step 37/137: create index public.cmmc_controls.idx_controls_domain
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_controls_domain" ON "public"."cmmc_controls" USING btree ("domain");

-- step 38/137: create index public.cmmc_controls.idx_controls_level
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_controls_level" ON "public"."cmmc_controls" USING btree ("level");

-- step 39/137: create index public.cmmc_controls.idx_controls_nist
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_controls_nist" ON "public"."cmmc_controls" USING btree ("nist_control_id");

-- step 40/137: create index public.comments.idx_comments_created_by
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_comments_created_by" ON "public"."comments" USING btree ("created_by");

-- step 41/137: create index public.comments.idx_comments_entity
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_comments_entity" ON "public"."comments" USING btree ("entity_type", "entity_id");

-- step 42/137: create index public.comments.idx_comments_mentions
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_comments_mentions" ON "public"."comments" USING gin ("mentions");

-- step 43/137: create index public.comments.idx_comments_parent
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_comments_parent" ON "public"."comments" USING btree ("parent_comment_id");

-- step 44/137: create index public.control_findings.idx_control_findings_assessment
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_control_findings_assessment" ON "public"."control_findings" USING btree ("assessment_id");

-- step 45/137: create index public.control_findings.idx_control_findings_control
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_control_findings_control" ON "public"."control_findings" USING btree ("control_id");

-- step 46/137: create index public.control_findings.idx_control_findings_open_risk
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_control_findings_open_risk" ON "public"."control_findings" USING btree ("assessment_id", "risk_level") WHERE (status::text = 'Not Met'::text);

-- step 47/137: create index public.control_findings.idx_control_findings_status
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_control_findings_status" ON "public"."control_findings" USING btree ("status");

-- step 48/137: create index public.control_findings.idx_control_findings_unique
--   transactional: yes
--   hazards: none
CREATE UNIQUE INDEX "idx_control_findings_unique" ON "public"."control_findings" USING btree ("assessment_id", "control_id");

-- step 49/137: create index public.document_chunks.idx_document_chunks_embedding
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_document_chunks_embedding" ON "public"."document_chunks" USING ivfflat ((embedding::halfvec(3072)) public.halfvec_cosine_ops) WITH ("lists" = '100');

-- step 50/137: create index public.document_chunks.idx_document_chunks_metadata
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_document_chunks_metadata" ON "public"."document_chunks" USING gin ("metadata");

-- step 51/137: create index public.documents.idx_documents_control_ids
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_documents_control_ids" ON "public"."documents" USING gin ("control_ids");

-- step 52/137: create index public.documents.idx_documents_embedding
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_documents_embedding" ON "public"."documents" USING ivfflat ((embedding::halfvec(3072)) public.halfvec_cosine_ops) WITH ("lists" = '100');

-- step 53/137: create index public.documents.idx_documents_organization
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_documents_organization" ON "public"."documents" USING btree ("organization_id");

-- step 54/137: create index public.documents.idx_documents_status
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_documents_status" ON "public"."documents" USING btree ("status");

-- step 55/137: create index public.documents.idx_documents_type
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_documents_type" ON "public"."documents" USING btree ("document_type");

-- step 56/137: create index public.evidence.idx_evidence_assessment
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_evidence_assessment" ON "public"."evidence" USING btree ("assessment_id");

-- step 57/137: create index public.evidence.idx_evidence_control_ids
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_evidence_control_ids" ON "public"."evidence" USING gin ("control_ids");

-- step 58/137: create index public.evidence.idx_evidence_embedding
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_evidence_embedding" ON "public"."evidence" USING ivfflat ((embedding::halfvec(3072)) public.halfvec_cosine_ops) WITH ("lists" = '100');

-- step 59/137: create index public.evidence.idx_evidence_organization
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_evidence_organization" ON "public"."evidence" USING btree ("organization_id");

-- step 60/137: create index public.evidence.idx_evidence_type
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_evidence_type" ON "public"."evidence" USING btree ("evidence_type");

-- step 61/137: create index public.notifications.idx_notifications_organization
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_notifications_organization" ON "public"."notifications" USING btree ("organization_id");

-- step 62/137: create index public.notifications.idx_notifications_unread
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_notifications_unread" ON "public"."notifications" USING btree ("user_id", "created_at" DESC) WHERE (is_read = false);

-- step 63/137: create index public.notifications.idx_notifications_user
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_notifications_user" ON "public"."notifications" USING btree ("user_id");

-- step 64/137: create index public.organizations.idx_organizations_status
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_organizations_status" ON "public"."organizations" USING btree ("status");

-- step 65/137: create index public.organizations.idx_organizations_type
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_organizations_type" ON "public"."organizations" USING btree ("organization_type");

-- step 66/137: create index public.poam_items.idx_poam_items_assessment
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_poam_items_assessment" ON "public"."poam_items" USING btree ("assessment_id");

-- step 67/137: create index public.poam_items.idx_poam_items_control
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_poam_items_control" ON "public"."poam_items" USING btree ("control_id");

-- step 68/137: create index public.poam_items.idx_poam_items_due
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_poam_items_due" ON "public"."poam_items" USING btree ("scheduled_completion_date") WHERE (status::text <> 'Completed'::text);

-- step 69/137: create index public.poam_items.idx_poam_items_finding
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_poam_items_finding" ON "public"."poam_items" USING btree ("finding_id");

-- step 70/137: create index public.poam_items.idx_poam_items_responsible
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_poam_items_responsible" ON "public"."poam_items" USING btree ("responsible_user_id");

-- step 71/137: create index public.poam_items.idx_poam_items_status
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_poam_items_status" ON "public"."poam_items" USING btree ("status");

-- step 72/137: create index public.provider_inheritance.idx_provider_inheritance_control
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_provider_inheritance_control" ON "public"."provider_inheritance" USING btree ("control_id");

-- step 73/137: create index public.provider_inheritance.idx_provider_inheritance_provider
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_provider_inheritance_provider" ON "public"."provider_inheritance" USING btree ("provider");

-- step 74/137: create index public.users.idx_users_email
--   transactional: yes
--   hazards: none
CREATE UNIQUE INDEX "idx_users_email" ON "public"."users" USING btree ("email");

-- step 75/137: create index public.users.idx_users_organization_id
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_users_organization_id" ON "public"."users" USING btree ("organization_id");

-- step 76/137: create index public.users.idx_users_role
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_users_role" ON "public"."users" USING btree ("role");

-- step 77/137: create index public.users.idx_users_status
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_users_status" ON "public"."users" USING btree ("status");

-- step 78/137: create view public.assessment_summary
--   transactional: yes
--   hazards: none
CREATE VIEW "public"."assessment_summary" ("assessment_id", "organization_id", "name", "status", "target_level", "findings_total", "findings_met", "findings_not_met", "findings_not_applicable", "findings_open", "avg_ai_confidence") AS SELECT a.id AS assessment_id,
    a.organization_id,
    a.name,
    a.status,
    a.target_level,
    count(cf.id) AS findings_total,
    count(cf.id) FILTER (WHERE ((cf.status)::text = 'Met'::text)) AS findings_met,
    count(cf.id) FILTER (WHERE ((cf.status)::text = 'Not Met'::text)) AS findings_not_met,
    count(cf.id) FILTER (WHERE ((cf.status)::text = 'Not Applicable'::text)) AS findings_not_applicable,
    count(cf.id) FILTER (WHERE ((cf.status)::text = ANY (ARRAY['Not Started'::text, 'In Progress'::text]))) AS findings_open,
    avg(cf.ai_confidence_score) AS avg_ai_confidence
   FROM (assessments a
     LEFT JOIN control_findings cf ON ((cf.assessment_id = a.id)))
  GROUP BY a.id, a.organization_id, a.name, a.status, a.target_level;

-- step 79/137: create view public.open_poam_items
--   transactional: yes
--   hazards: none
CREATE VIEW "public"."open_poam_items" ("id", "organization_id", "assessment_id", "control_id", "control_title", "risk_level", "status", "scheduled_completion_date", "days_overdue", "responsible_user") AS SELECT p.id,
    a.organization_id,
    p.assessment_id,
    p.control_id,
    c.title AS control_title,
    p.risk_level,
    p.status,
    p.scheduled_completion_date,
    GREATEST((CURRENT_DATE - p.scheduled_completion_date), 0) AS days_overdue,
    u.full_name AS responsible_user
   FROM (((poam_items p
     JOIN assessments a ON ((a.id = p.assessment_id)))
     JOIN cmmc_controls c ON (((c.id)::text = (p.control_id)::text)))
     LEFT JOIN users u ON ((u.id = p.responsible_user_id)))
  WHERE ((p.status)::text <> 'Completed'::text);

-- step 80/137: create materialized_view public.assessment_stats
--   transactional: yes
--   hazards: none
CREATE MATERIALIZED VIEW "public"."assessment_stats" ("id", "name", "findings_count", "avg_confidence") AS SELECT a.id,
    a.name,
    count(cf.id) AS findings_count,
    avg(cf.ai_confidence_score) AS avg_confidence
   FROM (assessments a
     LEFT JOIN control_findings cf ON ((a.id = cf.assessment_id)))
  GROUP BY a.id, a.name WITH DATA;

-- step 81/137: create constraint public.ai_analysis_results.ai_analysis_results_assessment_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."ai_analysis_results" ADD CONSTRAINT "ai_analysis_results_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments" ("id") ON DELETE SET NULL;

-- step 82/137: create constraint public.ai_analysis_results.ai_analysis_results_control_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."ai_analysis_results" ADD CONSTRAINT "ai_analysis_results_control_id_fkey" FOREIGN KEY ("control_id") REFERENCES "public"."cmmc_controls" ("id");

-- step 83/137: create constraint public.ai_analysis_results.ai_analysis_results_created_by_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."ai_analysis_results" ADD CONSTRAINT "ai_analysis_results_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "public"."users" ("id");

-- step 84/137: create constraint public.ai_analysis_results.ai_analysis_results_organization_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."ai_analysis_results" ADD CONSTRAINT "ai_analysis_results_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations" ("id");

-- step 85/137: create constraint public.assessments.assessments_lead_assessor_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."assessments" ADD CONSTRAINT "assessments_lead_assessor_id_fkey" FOREIGN KEY ("lead_assessor_id") REFERENCES "public"."users" ("id");

-- step 86/137: create constraint public.assessments.assessments_organization_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."assessments" ADD CONSTRAINT "assessments_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations" ("id");

-- step 87/137: create constraint public.audit_logs.audit_logs_organization_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."audit_logs" ADD CONSTRAINT "audit_logs_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations" ("id");

-- step 88/137: create constraint public.audit_logs.audit_logs_user_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."audit_logs" ADD CONSTRAINT "audit_logs_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "public"."users" ("id");

-- step 89/137: create constraint public.comments.comments_created_by_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."comments" ADD CONSTRAINT "comments_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "public"."users" ("id");

-- step 90/137: create constraint public.comments.comments_organization_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."comments" ADD CONSTRAINT "comments_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations" ("id");

-- step 91/137: create constraint public.comments.comments_parent_comment_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."comments" ADD CONSTRAINT "comments_parent_comment_id_fkey" FOREIGN KEY ("parent_comment_id") REFERENCES "public"."comments" ("id") ON DELETE CASCADE;

-- step 92/137: create constraint public.control_findings.control_findings_assessment_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."control_findings" ADD CONSTRAINT "control_findings_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments" ("id");

-- step 93/137: create constraint public.control_findings.control_findings_control_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."control_findings" ADD CONSTRAINT "control_findings_control_id_fkey" FOREIGN KEY ("control_id") REFERENCES "public"."cmmc_controls" ("id");

-- step 94/137: create constraint public.document_chunks.document_chunks_document_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."document_chunks" ADD CONSTRAINT "document_chunks_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "public"."documents" ("id") ON DELETE CASCADE;

-- step 95/137: create constraint public.documents.documents_organization_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."documents" ADD CONSTRAINT "documents_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations" ("id");

-- step 96/137: create constraint public.documents.documents_uploaded_by_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."documents" ADD CONSTRAINT "documents_uploaded_by_fkey" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users" ("id");

-- step 97/137: create constraint public.evidence.evidence_assessment_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."evidence" ADD CONSTRAINT "evidence_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments" ("id");

-- step 98/137: create constraint public.evidence.evidence_organization_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."evidence" ADD CONSTRAINT "evidence_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations" ("id");

-- step 99/137: create constraint public.notifications.notifications_organization_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."notifications" ADD CONSTRAINT "notifications_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations" ("id");

-- step 100/137: create constraint public.notifications.notifications_user_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "public"."users" ("id") ON DELETE CASCADE;

-- step 101/137: create constraint public.poam_items.poam_items_assessment_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."poam_items" ADD CONSTRAINT "poam_items_assessment_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments" ("id") ON DELETE CASCADE;

-- step 102/137: create constraint public.poam_items.poam_items_control_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."poam_items" ADD CONSTRAINT "poam_items_control_id_fkey" FOREIGN KEY ("control_id") REFERENCES "public"."cmmc_controls" ("id");

-- step 103/137: create constraint public.poam_items.poam_items_finding_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."poam_items" ADD CONSTRAINT "poam_items_finding_id_fkey" FOREIGN KEY ("finding_id") REFERENCES "public"."control_findings" ("id") ON DELETE SET NULL;

-- step 104/137: create constraint public.poam_items.poam_items_responsible_user_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."poam_items" ADD CONSTRAINT "poam_items_responsible_user_id_fkey" FOREIGN KEY ("responsible_user_id") REFERENCES "public"."users" ("id");

-- step 105/137: create constraint public.provider_inheritance.provider_inheritance_control_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."provider_inheritance" ADD CONSTRAINT "provider_inheritance_control_id_fkey" FOREIGN KEY ("control_id") REFERENCES "public"."cmmc_controls" ("id") ON DELETE CASCADE;

-- step 106/137: create constraint public.system_config.system_config_updated_by_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."system_config" ADD CONSTRAINT "system_config_updated_by_fkey" FOREIGN KEY ("updated_by") REFERENCES "public"."users" ("id");

-- step 107/137: create constraint public.users.users_organization_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."users" ADD CONSTRAINT "users_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations" ("id");

-- step 108/137: create trigger public.comments.update_comments_updated_at
--   transactional: yes
--   hazards: none
CREATE TRIGGER "update_comments_updated_at" BEFORE UPDATE ON "public"."comments" FOR EACH ROW EXECUTE FUNCTION "public"."update_updated_at_column"();

-- step 109/137: create trigger public.control_findings.control_findings_refresh_progress
--   transactional: yes
--   hazards: none
CREATE TRIGGER "control_findings_refresh_progress" AFTER INSERT OR UPDATE OF "status" OR DELETE ON "public"."control_findings" FOR EACH ROW EXECUTE FUNCTION "public"."refresh_assessment_progress"();

-- step 110/137: create trigger public.documents.update_documents_updated_at
--   transactional: yes
--   hazards: none
CREATE TRIGGER "update_documents_updated_at" BEFORE UPDATE ON "public"."documents" FOR EACH ROW EXECUTE FUNCTION "public"."update_updated_at_column"();

-- step 111/137: create trigger public.organizations.update_organizations_updated_at
--   transactional: yes
--   hazards: none
CREATE TRIGGER "update_organizations_updated_at" BEFORE UPDATE ON "public"."organizations" FOR EACH ROW EXECUTE FUNCTION "public"."update_updated_at_column"();

-- step 112/137: create trigger public.poam_items.update_poam_items_updated_at
--   transactional: yes
--   hazards: none
CREATE TRIGGER "update_poam_items_updated_at" BEFORE UPDATE ON "public"."poam_items" FOR EACH ROW EXECUTE FUNCTION "public"."update_updated_at_column"();

-- step 113/137: create trigger public.provider_inheritance.update_provider_inheritance_updated_at
--   transactional: yes
--   hazards: none
CREATE TRIGGER "update_provider_inheritance_updated_at" BEFORE UPDATE ON "public"."provider_inheritance" FOR EACH ROW EXECUTE FUNCTION "public"."update_updated_at_column"();

-- step 114/137: create trigger public.system_config.update_system_config_updated_at
--   transactional: yes
--   hazards: none
CREATE TRIGGER "update_system_config_updated_at" BEFORE UPDATE ON "public"."system_config" FOR EACH ROW EXECUTE FUNCTION "public"."update_updated_at_column"();

-- step 115/137: create trigger public.users.update_users_updated_at
--   transactional: yes
--   hazards: none
CREATE TRIGGER "update_users_updated_at" BEFORE UPDATE ON "public"."users" FOR EACH ROW EXECUTE FUNCTION "public"."update_updated_at_column"();

-- step 116/137: grant grant public.ai_analysis_results to cmmc_user
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.ai_analysis_results to role cmmc_user)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."ai_analysis_results" TO "cmmc_user";

-- step 117/137: grant grant public.alembic_version to cmmc_user
--   transactional: yes
--   hazards: authz_change (grants SELECT on public.alembic_version to role cmmc_user)
GRANT SELECT ON TABLE "public"."alembic_version" TO "cmmc_user";

-- step 118/137: grant grant public.assessments to cmmc_user
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.assessments to role cmmc_user)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."assessments" TO "cmmc_user";

-- step 119/137: grant grant public.audit_logs to cmmc_user
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.audit_logs to role cmmc_user)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."audit_logs" TO "cmmc_user";

-- step 120/137: grant grant public.cmmc_controls to cmmc_user
--   transactional: yes
--   hazards: authz_change (grants SELECT on public.cmmc_controls to role cmmc_user)
GRANT SELECT ON TABLE "public"."cmmc_controls" TO "cmmc_user";

-- step 121/137: grant grant public.comments to cmmc_user
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.comments to role cmmc_user)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."comments" TO "cmmc_user";

-- step 122/137: grant grant public.control_findings to cmmc_user
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.control_findings to role cmmc_user)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."control_findings" TO "cmmc_user";

-- step 123/137: grant grant public.document_chunks to cmmc_user
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.document_chunks to role cmmc_user)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."document_chunks" TO "cmmc_user";

-- step 124/137: grant grant public.documents to cmmc_user
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.documents to role cmmc_user)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."documents" TO "cmmc_user";

-- step 125/137: grant grant public.evidence to cmmc_user
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.evidence to role cmmc_user)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."evidence" TO "cmmc_user";

-- step 126/137: grant grant public.notifications to cmmc_user
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.notifications to role cmmc_user)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."notifications" TO "cmmc_user";

-- step 127/137: grant grant public.organizations to cmmc_user
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.organizations to role cmmc_user)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."organizations" TO "cmmc_user";

-- step 128/137: grant grant public.poam_items to cmmc_user
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.poam_items to role cmmc_user)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."poam_items" TO "cmmc_user";

-- step 129/137: grant grant public.provider_inheritance to cmmc_user
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.provider_inheritance to role cmmc_user)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."provider_inheritance" TO "cmmc_user";

-- step 130/137: grant grant public.system_config to cmmc_user
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.system_config to role cmmc_user)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."system_config" TO "cmmc_user";

-- step 131/137: grant grant public.users to cmmc_user
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.users to role cmmc_user)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."users" TO "cmmc_user";

-- step 132/137: grant grant public.assessment_summary to cmmc_user
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.assessment_summary to role cmmc_user)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."assessment_summary" TO "cmmc_user";

-- step 133/137: grant grant public.open_poam_items to cmmc_user
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.open_poam_items to role cmmc_user)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."open_poam_items" TO "cmmc_user";

-- step 134/137: grant grant public.assessment_stats to cmmc_user
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.assessment_stats to role cmmc_user)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."assessment_stats" TO "cmmc_user";

-- step 135/137: grant grant public to cmmc_user
--   transactional: yes
--   hazards: authz_change (grants USAGE on schema public to role cmmc_user)
GRANT USAGE ON SCHEMA "public" TO "cmmc_user";

-- step 136/137: comment extension uuid-ossp
--   transactional: yes
--   hazards: none
COMMENT ON EXTENSION "uuid-ossp" IS 'generate universally unique identifiers (UUIDs)';

-- step 137/137: comment extension vector
--   transactional: yes
--   hazards: none
COMMENT ON EXTENSION "vector" IS 'vector data type and ivfflat and hnsw access methods';
