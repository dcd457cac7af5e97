-- pgform plan
-- pgform-version: 0.1.0
-- source: sha256:879b9903d55d5cff
-- target: sha256:89418c5f156c5ea7
-- managed-schemas: ["public"]
-- plan-hash: sha256:d0ee0bcef4ad9ef8906eb73f842f1947395fd91697dc2218b2403553581b705f
-- steps: 50
--   revoke grant: 1
--   drop view: 2
--   drop materialized_view: 1
--   drop constraint: 26
--   drop table: 16
--   drop function: 2
--   drop extension: 2
-- hazards: data_loss: 17, unchecked_dependency: 2, authz_change: 1

SET lock_timeout = '5s';
SET statement_timeout = '1h';
SET check_function_bodies = off;

-- step 1/50: revoke grant public from cmmc_user
--   transactional: yes
--   hazards: authz_change (revokes USAGE on schema public from role cmmc_user)
REVOKE USAGE ON SCHEMA "public" FROM "cmmc_user";

-- step 2/50: drop view public.assessment_summary
--   transactional: yes
--   hazards: none
DROP VIEW "public"."assessment_summary";

-- step 3/50: drop view public.open_poam_items
--   transactional: yes
--   hazards: none
DROP VIEW "public"."open_poam_items";

-- step 4/50: drop materialized_view public.assessment_stats
--   transactional: yes
--   hazards: data_loss (drops materialized view public.assessment_stats and the rows it holds)
DROP MATERIALIZED VIEW "public"."assessment_stats";

-- step 5/50: drop constraint public.ai_analysis_results.ai_analysis_results_assessment_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."ai_analysis_results" DROP CONSTRAINT "ai_analysis_results_assessment_id_fkey";

-- step 6/50: drop constraint public.ai_analysis_results.ai_analysis_results_control_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."ai_analysis_results" DROP CONSTRAINT "ai_analysis_results_control_id_fkey";

-- step 7/50: drop constraint public.ai_analysis_results.ai_analysis_results_created_by_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."ai_analysis_results" DROP CONSTRAINT "ai_analysis_results_created_by_fkey";

-- step 8/50: drop constraint public.ai_analysis_results.ai_analysis_results_organization_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."ai_analysis_results" DROP CONSTRAINT "ai_analysis_results_organization_id_fkey";

-- step 9/50: drop constraint public.assessments.assessments_lead_assessor_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."assessments" DROP CONSTRAINT "assessments_lead_assessor_id_fkey";

-- step 10/50: drop constraint public.assessments.assessments_organization_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."assessments" DROP CONSTRAINT "assessments_organization_id_fkey";

-- step 11/50: drop constraint public.audit_logs.audit_logs_organization_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."audit_logs" DROP CONSTRAINT "audit_logs_organization_id_fkey";

-- step 12/50: drop constraint public.audit_logs.audit_logs_user_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."audit_logs" DROP CONSTRAINT "audit_logs_user_id_fkey";

-- step 13/50: drop constraint public.comments.comments_created_by_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."comments" DROP CONSTRAINT "comments_created_by_fkey";

-- step 14/50: drop constraint public.comments.comments_organization_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."comments" DROP CONSTRAINT "comments_organization_id_fkey";

-- step 15/50: drop constraint public.control_findings.control_findings_assessment_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."control_findings" DROP CONSTRAINT "control_findings_assessment_id_fkey";

-- step 16/50: drop constraint public.control_findings.control_findings_control_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."control_findings" DROP CONSTRAINT "control_findings_control_id_fkey";

-- step 17/50: drop constraint public.document_chunks.document_chunks_document_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."document_chunks" DROP CONSTRAINT "document_chunks_document_id_fkey";

-- step 18/50: drop constraint public.documents.documents_organization_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."documents" DROP CONSTRAINT "documents_organization_id_fkey";

-- step 19/50: drop constraint public.documents.documents_uploaded_by_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."documents" DROP CONSTRAINT "documents_uploaded_by_fkey";

-- step 20/50: drop constraint public.evidence.evidence_assessment_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."evidence" DROP CONSTRAINT "evidence_assessment_id_fkey";

-- step 21/50: drop constraint public.evidence.evidence_organization_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."evidence" DROP CONSTRAINT "evidence_organization_id_fkey";

-- step 22/50: drop constraint public.notifications.notifications_organization_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."notifications" DROP CONSTRAINT "notifications_organization_id_fkey";

-- step 23/50: drop constraint public.notifications.notifications_user_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."notifications" DROP CONSTRAINT "notifications_user_id_fkey";

-- step 24/50: drop constraint public.poam_items.poam_items_assessment_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."poam_items" DROP CONSTRAINT "poam_items_assessment_id_fkey";

-- step 25/50: drop constraint public.poam_items.poam_items_control_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."poam_items" DROP CONSTRAINT "poam_items_control_id_fkey";

-- step 26/50: drop constraint public.poam_items.poam_items_finding_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."poam_items" DROP CONSTRAINT "poam_items_finding_id_fkey";

-- step 27/50: drop constraint public.poam_items.poam_items_responsible_user_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."poam_items" DROP CONSTRAINT "poam_items_responsible_user_id_fkey";

-- step 28/50: drop constraint public.provider_inheritance.provider_inheritance_control_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."provider_inheritance" DROP CONSTRAINT "provider_inheritance_control_id_fkey";

-- step 29/50: drop constraint public.system_config.system_config_updated_by_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."system_config" DROP CONSTRAINT "system_config_updated_by_fkey";

-- step 30/50: drop constraint public.users.users_organization_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."users" DROP CONSTRAINT "users_organization_id_fkey";

-- step 31/50: drop table public.ai_analysis_results
--   transactional: yes
--   hazards: data_loss (drops table public.ai_analysis_results and all its rows)
DROP TABLE "public"."ai_analysis_results";

-- step 32/50: drop table public.alembic_version
--   transactional: yes
--   hazards: data_loss (drops table public.alembic_version and all its rows)
DROP TABLE "public"."alembic_version";

-- step 33/50: drop table public.assessments
--   transactional: yes
--   hazards: data_loss (drops table public.assessments and all its rows)
DROP TABLE "public"."assessments";

-- step 34/50: drop table public.audit_logs
--   transactional: yes
--   hazards: data_loss (drops table public.audit_logs and all its rows)
DROP TABLE "public"."audit_logs";

-- step 35/50: drop table public.cmmc_controls
--   transactional: yes
--   hazards: data_loss (drops table public.cmmc_controls and all its rows)
DROP TABLE "public"."cmmc_controls";

-- step 36/50: drop table public.comments
--   transactional: yes
--   hazards: data_loss (drops table public.comments and all its rows)
DROP TABLE "public"."comments";

-- step 37/50: drop table public.control_findings
--   transactional: yes
--   hazards: data_loss (drops table public.control_findings and all its rows)
DROP TABLE "public"."control_findings";

-- step 38/50: drop table public.document_chunks
--   transactional: yes
--   hazards: data_loss (drops table public.document_chunks and all its rows)
DROP TABLE "public"."document_chunks";

-- step 39/50: drop table public.documents
--   transactional: yes
--   hazards: data_loss (drops table public.documents and all its rows)
DROP TABLE "public"."documents";

-- step 40/50: drop table public.evidence
--   transactional: yes
--   hazards: data_loss (drops table public.evidence and all its rows)
DROP TABLE "public"."evidence";

-- step 41/50: drop table public.notifications
--   transactional: yes
--   hazards: data_loss (drops table public.notifications and all its rows)
DROP TABLE "public"."notifications";

-- step 42/50: drop table public.organizations
--   transactional: yes
--   hazards: data_loss (drops table public.organizations and all its rows)
DROP TABLE "public"."organizations";

-- step 43/50: drop table public.poam_items
--   transactional: yes
--   hazards: data_loss (drops table public.poam_items and all its rows)
DROP TABLE "public"."poam_items";

-- step 44/50: drop table public.provider_inheritance
--   transactional: yes
--   hazards: data_loss (drops table public.provider_inheritance and all its rows)
DROP TABLE "public"."provider_inheritance";

-- step 45/50: drop table public.system_config
--   transactional: yes
--   hazards: data_loss (drops table public.system_config and all its rows)
DROP TABLE "public"."system_config";

-- step 46/50: drop table public.users
--   transactional: yes
--   hazards: data_loss (drops table public.users and all its rows)
DROP TABLE "public"."users";

-- step 47/50: drop function public.refresh_assessment_progress()
--   transactional: yes
--   hazards: none
DROP FUNCTION "public"."refresh_assessment_progress"();

-- step 48/50: drop function public.update_updated_at_column()
--   transactional: yes
--   hazards: none
DROP FUNCTION "public"."update_updated_at_column"();

-- step 49/50: drop extension uuid-ossp
--   transactional: yes
--   hazards: unchecked_dependency (drops the functions and types of uuid-ossp; the step fails if columns or indexes still use them)
DROP EXTENSION "uuid-ossp";

-- step 50/50: drop extension vector
--   transactional: yes
--   hazards: unchecked_dependency (drops the functions and types of vector; the step fails if columns or indexes still use them)
DROP EXTENSION "vector";
