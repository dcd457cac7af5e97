-- pgform plan
-- pgform-version: 0.1.0
-- source: sha256:c4610cd0f5a6fba7
-- target: sha256:89418c5f156c5ea7
-- managed-schemas: ["public"]
-- plan-hash: sha256:61e55b471e916e8c53bb4152c0d7a77905ca35bd80c2bedcdd529774f0091864
-- steps: 143
--   revoke grant: 1
--   drop constraint: 50
--   drop table: 88
--   drop function: 2
--   drop extension: 2
-- hazards: data_loss: 88, unchecked_dependency: 2, authz_change: 1

SET lock_timeout = '5s';
SET statement_timeout = '1h';
SET check_function_bodies = off;

-- step 1/143: revoke grant public from enterprise_ai_app
--   transactional: yes
--   hazards: authz_change (revokes USAGE on schema public from role enterprise_ai_app)
REVOKE USAGE ON SCHEMA "public" FROM "enterprise_ai_app";

-- step 2/143: drop constraint public.budgets.budgets_cost_center_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."budgets" DROP CONSTRAINT "budgets_cost_center_id_fkey";

-- step 3/143: drop constraint public.change_history.change_history_approved_by_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."change_history" DROP CONSTRAINT "change_history_approved_by_fkey";

-- step 4/143: drop constraint public.change_history.change_history_changed_by_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."change_history" DROP CONSTRAINT "change_history_changed_by_fkey";

-- step 5/143: drop constraint public.compliance_assessments.compliance_assessments_assessed_by_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."compliance_assessments" DROP CONSTRAINT "compliance_assessments_assessed_by_fkey";

-- step 6/143: drop constraint public.compliance_assessments.compliance_assessments_organization_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."compliance_assessments" DROP CONSTRAINT "compliance_assessments_organization_id_fkey";

-- step 7/143: drop constraint public.compliance_assessments.compliance_assessments_requirement_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."compliance_assessments" DROP CONSTRAINT "compliance_assessments_requirement_id_fkey";

-- step 8/143: drop constraint public.compliance_requirements.compliance_requirements_framework_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."compliance_requirements" DROP CONSTRAINT "compliance_requirements_framework_id_fkey";

-- step 9/143: drop constraint public.conversations.conversations_model_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."conversations" DROP CONSTRAINT "conversations_model_id_fkey";

-- step 10/143: drop constraint public.conversations.conversations_organization_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."conversations" DROP CONSTRAINT "conversations_organization_id_fkey";

-- step 11/143: drop constraint public.conversations.conversations_user_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."conversations" DROP CONSTRAINT "conversations_user_id_fkey";

-- step 12/143: drop constraint public.cost_centers.cost_centers_organization_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."cost_centers" DROP CONSTRAINT "cost_centers_organization_id_fkey";

-- step 13/143: drop constraint public.cost_centers.cost_centers_owner_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."cost_centers" DROP CONSTRAINT "cost_centers_owner_id_fkey";

-- step 14/143: drop constraint public.data_masking_rules.data_masking_rules_min_classification_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."data_masking_rules" DROP CONSTRAINT "data_masking_rules_min_classification_id_fkey";

-- step 15/143: drop constraint public.document_analyses.document_analyses_document_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."document_analyses" DROP CONSTRAINT "document_analyses_document_id_fkey";

-- step 16/143: drop constraint public.document_analyses.document_analyses_model_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."document_analyses" DROP CONSTRAINT "document_analyses_model_id_fkey";

-- step 17/143: drop constraint public.documents.documents_conversation_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."documents" DROP CONSTRAINT "documents_conversation_id_fkey";

-- step 18/143: drop constraint public.documents.documents_organization_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."documents" DROP CONSTRAINT "documents_organization_id_fkey";

-- step 19/143: drop constraint public.documents.documents_uploaded_by_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."documents" DROP CONSTRAINT "documents_uploaded_by_fkey";

-- step 20/143: drop constraint public.llm_models.llm_models_provider_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."llm_models" DROP CONSTRAINT "llm_models_provider_id_fkey";

-- step 21/143: drop constraint public.messages.messages_conversation_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."messages" DROP CONSTRAINT "messages_conversation_id_fkey";

-- step 22/143: drop constraint public.permission_delegations.permission_delegations_delegatee_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."permission_delegations" DROP CONSTRAINT "permission_delegations_delegatee_id_fkey";

-- step 23/143: drop constraint public.permission_delegations.permission_delegations_delegator_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."permission_delegations" DROP CONSTRAINT "permission_delegations_delegator_id_fkey";

-- step 24/143: drop constraint public.permission_delegations.permission_delegations_permission_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."permission_delegations" DROP CONSTRAINT "permission_delegations_permission_id_fkey";

-- step 25/143: drop constraint public.permission_delegations.permission_delegations_role_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."permission_delegations" DROP CONSTRAINT "permission_delegations_role_id_fkey";

-- step 26/143: drop constraint public.permissions.permissions_resource_type_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."permissions" DROP CONSTRAINT "permissions_resource_type_id_fkey";

-- step 27/143: drop constraint public.pii_detections.pii_detections_masking_rule_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."pii_detections" DROP CONSTRAINT "pii_detections_masking_rule_id_fkey";

-- step 28/143: drop constraint public.prompt_templates.prompt_templates_created_by_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."prompt_templates" DROP CONSTRAINT "prompt_templates_created_by_fkey";

-- step 29/143: drop constraint public.prompt_templates.prompt_templates_model_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."prompt_templates" DROP CONSTRAINT "prompt_templates_model_id_fkey";

-- step 30/143: drop constraint public.prompt_templates.prompt_templates_organization_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."prompt_templates" DROP CONSTRAINT "prompt_templates_organization_id_fkey";

-- step 31/143: drop constraint public.reports.reports_created_by_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."reports" DROP CONSTRAINT "reports_created_by_fkey";

-- step 32/143: drop constraint public.reports.reports_organization_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."reports" DROP CONSTRAINT "reports_organization_id_fkey";

-- step 33/143: drop constraint public.role_permissions.role_permissions_permission_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."role_permissions" DROP CONSTRAINT "role_permissions_permission_id_fkey";

-- step 34/143: drop constraint public.role_permissions.role_permissions_role_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."role_permissions" DROP CONSTRAINT "role_permissions_role_id_fkey";

-- step 35/143: drop constraint public.roles.roles_organization_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."roles" DROP CONSTRAINT "roles_organization_id_fkey";

-- step 36/143: drop constraint public.security_events.security_events_resolved_by_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."security_events" DROP CONSTRAINT "security_events_resolved_by_fkey";

-- step 37/143: drop constraint public.security_events.security_events_user_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."security_events" DROP CONSTRAINT "security_events_user_id_fkey";

-- step 38/143: drop constraint public.sso_providers.sso_providers_default_role_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."sso_providers" DROP CONSTRAINT "sso_providers_default_role_id_fkey";

-- step 39/143: drop constraint public.sso_providers.sso_providers_organization_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."sso_providers" DROP CONSTRAINT "sso_providers_organization_id_fkey";

-- step 40/143: drop constraint public.system_settings.system_settings_updated_by_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."system_settings" DROP CONSTRAINT "system_settings_updated_by_fkey";

-- step 41/143: drop constraint public.usage_sessions.usage_sessions_user_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."usage_sessions" DROP CONSTRAINT "usage_sessions_user_id_fkey";

-- step 42/143: drop constraint public.user_mfa_methods.user_mfa_methods_user_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."user_mfa_methods" DROP CONSTRAINT "user_mfa_methods_user_id_fkey";

-- step 43/143: drop constraint public.user_profiles.user_profiles_user_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."user_profiles" DROP CONSTRAINT "user_profiles_user_id_fkey";

-- step 44/143: drop constraint public.user_roles.user_roles_granted_by_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."user_roles" DROP CONSTRAINT "user_roles_granted_by_fkey";

-- step 45/143: drop constraint public.user_roles.user_roles_role_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."user_roles" DROP CONSTRAINT "user_roles_role_id_fkey";

-- step 46/143: drop constraint public.user_roles.user_roles_scope_resource_type_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."user_roles" DROP CONSTRAINT "user_roles_scope_resource_type_id_fkey";

-- step 47/143: drop constraint public.user_roles.user_roles_user_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."user_roles" DROP CONSTRAINT "user_roles_user_id_fkey";

-- step 48/143: drop constraint public.user_sessions.user_sessions_user_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."user_sessions" DROP CONSTRAINT "user_sessions_user_id_fkey";

-- step 49/143: drop constraint public.user_sso_identities.user_sso_identities_provider_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."user_sso_identities" DROP CONSTRAINT "user_sso_identities_provider_id_fkey";

-- step 50/143: drop constraint public.user_sso_identities.user_sso_identities_user_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."user_sso_identities" DROP CONSTRAINT "user_sso_identities_user_id_fkey";

-- step 51/143: drop constraint public.users.users_organization_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."users" DROP CONSTRAINT "users_organization_id_fkey";

-- step 52/143: drop table public.api_usage_logs_2026_01
--   transactional: yes
--   hazards: data_loss (drops table public.api_usage_logs_2026_01 and all its rows)
DROP TABLE "public"."api_usage_logs_2026_01";

-- step 53/143: drop table public.api_usage_logs_2026_02
--   transactional: yes
--   hazards: data_loss (drops table public.api_usage_logs_2026_02 and all its rows)
DROP TABLE "public"."api_usage_logs_2026_02";

-- step 54/143: drop table public.api_usage_logs_2026_03
--   transactional: yes
--   hazards: data_loss (drops table public.api_usage_logs_2026_03 and all its rows)
DROP TABLE "public"."api_usage_logs_2026_03";

-- step 55/143: drop table public.api_usage_logs_2026_04
--   transactional: yes
--   hazards: data_loss (drops table public.api_usage_logs_2026_04 and all its rows)
DROP TABLE "public"."api_usage_logs_2026_04";

-- step 56/143: drop table public.api_usage_logs_2026_05
--   transactional: yes
--   hazards: data_loss (drops table public.api_usage_logs_2026_05 and all its rows)
DROP TABLE "public"."api_usage_logs_2026_05";

-- step 57/143: drop table public.api_usage_logs_2026_06
--   transactional: yes
--   hazards: data_loss (drops table public.api_usage_logs_2026_06 and all its rows)
DROP TABLE "public"."api_usage_logs_2026_06";

-- step 58/143: drop table public.api_usage_logs_2026_07
--   transactional: yes
--   hazards: data_loss (drops table public.api_usage_logs_2026_07 and all its rows)
DROP TABLE "public"."api_usage_logs_2026_07";

-- step 59/143: drop table public.api_usage_logs_2026_08
--   transactional: yes
--   hazards: data_loss (drops table public.api_usage_logs_2026_08 and all its rows)
DROP TABLE "public"."api_usage_logs_2026_08";

-- step 60/143: drop table public.api_usage_logs_2026_09
--   transactional: yes
--   hazards: data_loss (drops table public.api_usage_logs_2026_09 and all its rows)
DROP TABLE "public"."api_usage_logs_2026_09";

-- step 61/143: drop table public.api_usage_logs_2026_10
--   transactional: yes
--   hazards: data_loss (drops table public.api_usage_logs_2026_10 and all its rows)
DROP TABLE "public"."api_usage_logs_2026_10";

-- step 62/143: drop table public.api_usage_logs_2026_11
--   transactional: yes
--   hazards: data_loss (drops table public.api_usage_logs_2026_11 and all its rows)
DROP TABLE "public"."api_usage_logs_2026_11";

-- step 63/143: drop table public.api_usage_logs_2026_12
--   transactional: yes
--   hazards: data_loss (drops table public.api_usage_logs_2026_12 and all its rows)
DROP TABLE "public"."api_usage_logs_2026_12";

-- step 64/143: drop table public.api_usage_logs
--   transactional: yes
--   hazards: data_loss (drops table public.api_usage_logs and all its rows)
DROP TABLE "public"."api_usage_logs";

-- step 65/143: drop table public.audit_logs_2026_01
--   transactional: yes
--   hazards: data_loss (drops table public.audit_logs_2026_01 and all its rows)
DROP TABLE "public"."audit_logs_2026_01";

-- step 66/143: drop table public.audit_logs_2026_02
--   transactional: yes
--   hazards: data_loss (drops table public.audit_logs_2026_02 and all its rows)
DROP TABLE "public"."audit_logs_2026_02";

-- step 67/143: drop table public.audit_logs_2026_03
--   transactional: yes
--   hazards: data_loss (drops table public.audit_logs_2026_03 and all its rows)
DROP TABLE "public"."audit_logs_2026_03";

-- step 68/143: drop table public.audit_logs_2026_04
--   transactional: yes
--   hazards: data_loss (drops table public.audit_logs_2026_04 and all its rows)
DROP TABLE "public"."audit_logs_2026_04";

-- step 69/143: drop table public.audit_logs_2026_05
--   transactional: yes
--   hazards: data_loss (drops table public.audit_logs_2026_05 and all its rows)
DROP TABLE "public"."audit_logs_2026_05";

-- step 70/143: drop table public.audit_logs_2026_06
--   transactional: yes
--   hazards: data_loss (drops table public.audit_logs_2026_06 and all its rows)
DROP TABLE "public"."audit_logs_2026_06";

-- step 71/143: drop table public.audit_logs_2026_07
--   transactional: yes
--   hazards: data_loss (drops table public.audit_logs_2026_07 and all its rows)
DROP TABLE "public"."audit_logs_2026_07";

-- step 72/143: drop table public.audit_logs_2026_08
--   transactional: yes
--   hazards: data_loss (drops table public.audit_logs_2026_08 and all its rows)
DROP TABLE "public"."audit_logs_2026_08";

-- step 73/143: drop table public.audit_logs_2026_09
--   transactional: yes
--   hazards: data_loss (drops table public.audit_logs_2026_09 and all its rows)
DROP TABLE "public"."audit_logs_2026_09";

-- step 74/143: drop table public.audit_logs_2026_10
--   transactional: yes
--   hazards: data_loss (drops table public.audit_logs_2026_10 and all its rows)
DROP TABLE "public"."audit_logs_2026_10";

-- step 75/143: drop table public.audit_logs_2026_11
--   transactional: yes
--   hazards: data_loss (drops table public.audit_logs_2026_11 and all its rows)
DROP TABLE "public"."audit_logs_2026_11";

-- step 76/143: drop table public.audit_logs_2026_12
--   transactional: yes
--   hazards: data_loss (drops table public.audit_logs_2026_12 and all its rows)
DROP TABLE "public"."audit_logs_2026_12";

-- step 77/143: drop table public.audit_logs
--   transactional: yes
--   hazards: data_loss (drops table public.audit_logs and all its rows)
DROP TABLE "public"."audit_logs";

-- step 78/143: drop table public.budgets
--   transactional: yes
--   hazards: data_loss (drops table public.budgets and all its rows)
DROP TABLE "public"."budgets";

-- step 79/143: drop table public.change_history
--   transactional: yes
--   hazards: data_loss (drops table public.change_history and all its rows)
DROP TABLE "public"."change_history";

-- step 80/143: drop table public.compliance_assessments
--   transactional: yes
--   hazards: data_loss (drops table public.compliance_assessments and all its rows)
DROP TABLE "public"."compliance_assessments";

-- step 81/143: drop table public.compliance_frameworks
--   transactional: yes
--   hazards: data_loss (drops table public.compliance_frameworks and all its rows)
DROP TABLE "public"."compliance_frameworks";

-- step 82/143: drop table public.compliance_requirements
--   transactional: yes
--   hazards: data_loss (drops table public.compliance_requirements and all its rows)
DROP TABLE "public"."compliance_requirements";

-- step 83/143: drop table public.conversations
--   transactional: yes
--   hazards: data_loss (drops table public.conversations and all its rows)
DROP TABLE "public"."conversations";

-- step 84/143: drop table public.cost_allocations_2026_01
--   transactional: yes
--   hazards: data_loss (drops table public.cost_allocations_2026_01 and all its rows)
DROP TABLE "public"."cost_allocations_2026_01";

-- step 85/143: drop table public.cost_allocations_2026_02
--   transactional: yes
--   hazards: data_loss (drops table public.cost_allocations_2026_02 and all its rows)
DROP TABLE "public"."cost_allocations_2026_02";

-- step 86/143: drop table public.cost_allocations_2026_03
--   transactional: yes
--   hazards: data_loss (drops table public.cost_allocations_2026_03 and all its rows)
DROP TABLE "public"."cost_allocations_2026_03";

-- step 87/143: drop table public.cost_allocations_2026_04
--   transactional: yes
--   hazards: data_loss (drops table public.cost_allocations_2026_04 and all its rows)
DROP TABLE "public"."cost_allocations_2026_04";

-- step 88/143: drop table public.cost_allocations_2026_05
--   transactional: yes
--   hazards: data_loss (drops table public.cost_allocations_2026_05 and all its rows)
DROP TABLE "public"."cost_allocations_2026_05";

-- step 89/143: drop table public.cost_allocations_2026_06
--   transactional: yes
--   hazards: data_loss (drops table public.cost_allocations_2026_06 and all its rows)
DROP TABLE "public"."cost_allocations_2026_06";

-- step 90/143: drop table public.cost_allocations_2026_07
--   transactional: yes
--   hazards: data_loss (drops table public.cost_allocations_2026_07 and all its rows)
DROP TABLE "public"."cost_allocations_2026_07";

-- step 91/143: drop table public.cost_allocations_2026_08
--   transactional: yes
--   hazards: data_loss (drops table public.cost_allocations_2026_08 and all its rows)
DROP TABLE "public"."cost_allocations_2026_08";

-- step 92/143: drop table public.cost_allocations_2026_09
--   transactional: yes
--   hazards: data_loss (drops table public.cost_allocations_2026_09 and all its rows)
DROP TABLE "public"."cost_allocations_2026_09";

-- step 93/143: drop table public.cost_allocations_2026_10
--   transactional: yes
--   hazards: data_loss (drops table public.cost_allocations_2026_10 and all its rows)
DROP TABLE "public"."cost_allocations_2026_10";

-- step 94/143: drop table public.cost_allocations_2026_11
--   transactional: yes
--   hazards: data_loss (drops table public.cost_allocations_2026_11 and all its rows)
DROP TABLE "public"."cost_allocations_2026_11";

-- step 95/143: drop table public.cost_allocations_2026_12
--   transactional: yes
--   hazards: data_loss (drops table public.cost_allocations_2026_12 and all its rows)
DROP TABLE "public"."cost_allocations_2026_12";

-- step 96/143: drop table public.cost_allocations
--   transactional: yes
--   hazards: data_loss (drops table public.cost_allocations and all its rows)
DROP TABLE "public"."cost_allocations";

-- step 97/143: drop table public.cost_centers
--   transactional: yes
--   hazards: data_loss (drops table public.cost_centers and all its rows)
DROP TABLE "public"."cost_centers";

-- step 98/143: drop table public.data_classifications
--   transactional: yes
--   hazards: data_loss (drops table public.data_classifications and all its rows)
DROP TABLE "public"."data_classifications";

-- step 99/143: drop table public.data_masking_rules
--   transactional: yes
--   hazards: data_loss (drops table public.data_masking_rules and all its rows)
DROP TABLE "public"."data_masking_rules";

-- step 100/143: drop table public.document_analyses
--   transactional: yes
--   hazards: data_loss (drops table public.document_analyses and all its rows)
DROP TABLE "public"."document_analyses";

-- step 101/143: drop table public.documents
--   transactional: yes
--   hazards: data_loss (drops table public.documents and all its rows)
DROP TABLE "public"."documents";

-- step 102/143: drop table public.encryption_keys
--   transactional: yes
--   hazards: data_loss (drops table public.encryption_keys and all its rows)
DROP TABLE "public"."encryption_keys";

-- step 103/143: drop table public.llm_models
--   transactional: yes
--   hazards: data_loss (drops table public.llm_models and all its rows)
DROP TABLE "public"."llm_models";

-- step 104/143: drop table public.llm_providers
--   transactional: yes
--   hazards: data_loss (drops table public.llm_providers and all its rows)
DROP TABLE "public"."llm_providers";

-- step 105/143: drop table public.llm_usage_logs_2026_01
--   transactional: yes
--   hazards: data_loss (drops table public.llm_usage_logs_2026_01 and all its rows)
DROP TABLE "public"."llm_usage_logs_2026_01";

-- step 106/143: drop table public.llm_usage_logs_2026_02
--   transactional: yes
--   hazards: data_loss (drops table public.llm_usage_logs_2026_02 and all its rows)
DROP TABLE "public"."llm_usage_logs_2026_02";

-- step 107/143: drop table public.llm_usage_logs_2026_03
--   transactional: yes
--   hazards: data_loss (drops table public.llm_usage_logs_2026_03 and all its rows)
DROP TABLE "public"."llm_usage_logs_2026_03";

-- step 108/143: drop table public.llm_usage_logs_2026_04
--   transactional: yes
--   hazards: data_loss (drops table public.llm_usage_logs_2026_04 and all its rows)
DROP TABLE "public"."llm_usage_logs_2026_04";

-- step 109/143: drop table public.llm_usage_logs_2026_05
--   transactional: yes
--   hazards: data_loss (drops table public.llm_usage_logs_2026_05 and all its rows)
DROP TABLE "public"."llm_usage_logs_2026_05";

-- step 110/143: drop table public.llm_usage_logs_2026_06
--   transactional: yes
--   hazards: data_loss (drops table public.llm_usage_logs_2026_06 and all its rows)
DROP TABLE "public"."llm_usage_logs_2026_06";

-- step 111/143: drop table public.llm_usage_logs_2026_07
--   transactional: yes
--   hazards: data_loss (drops table public.llm_usage_logs_2026_07 and all its rows)
DROP TABLE "public"."llm_usage_logs_2026_07";

-- step 112/143: drop table public.llm_usage_logs_2026_08
--   transactional: yes
--   hazards: data_loss (drops table public.llm_usage_logs_2026_08 and all its rows)
DROP TABLE "public"."llm_usage_logs_2026_08";

-- step 113/143: drop table public.llm_usage_logs_2026_09
--   transactional: yes
--   hazards: data_loss (drops table public.llm_usage_logs_2026_09 and all its rows)
DROP TABLE "public"."llm_usage_logs_2026_09";

-- step 114/143: drop table public.llm_usage_logs_2026_10
--   transactional: yes
--   hazards: data_loss (drops table public.llm_usage_logs_2026_10 and all its rows)
DROP TABLE "public"."llm_usage_logs_2026_10";

-- step 115/143: drop table public.llm_usage_logs_2026_11
--   transactional: yes
--   hazards: data_loss (drops table public.llm_usage_logs_2026_11 and all its rows)
DROP TABLE "public"."llm_usage_logs_2026_11";

-- step 116/143: drop table public.llm_usage_logs_2026_12
--   transactional: yes
--   hazards: data_loss (drops table public.llm_usage_logs_2026_12 and all its rows)
DROP TABLE "public"."llm_usage_logs_2026_12";

-- step 117/143: drop table public.llm_usage_logs
--   transactional: yes
--   hazards: data_loss (drops table public.llm_usage_logs and all its rows)
DROP TABLE "public"."llm_usage_logs";

-- step 118/143: drop table public.messages
--   transactional: yes
--   hazards: data_loss (drops table public.messages and all its rows)
DROP TABLE "public"."messages";

-- step 119/143: drop table public.organizations
--   transactional: yes
--   hazards: data_loss (drops table public.organizations and all its rows)
DROP TABLE "public"."organizations";

-- step 120/143: drop table public.performance_metrics
--   transactional: yes
--   hazards: data_loss (drops table public.performance_metrics and all its rows)
DROP TABLE "public"."performance_metrics";

-- step 121/143: drop table public.permission_delegations
--   transactional: yes
--   hazards: data_loss (drops table public.permission_delegations and all its rows)
DROP TABLE "public"."permission_delegations";

-- step 122/143: drop table public.permissions
--   transactional: yes
--   hazards: data_loss (drops table public.permissions and all its rows)
DROP TABLE "public"."permissions";

-- step 123/143: drop table public.pii_detections
--   transactional: yes
--   hazards: data_loss (drops table public.pii_detections and all its rows)
DROP TABLE "public"."pii_detections";

-- step 124/143: drop table public.prompt_templates
--   transactional: yes
--   hazards: data_loss (drops table public.prompt_templates and all its rows)
DROP TABLE "public"."prompt_templates";

-- step 125/143: drop table public.reports
--   transactional: yes
--   hazards: data_loss (drops table public.reports and all its rows)
DROP TABLE "public"."reports";

-- step 126/143: drop table public.resource_types
--   transactional: yes
--   hazards: data_loss (drops table public.resource_types and all its rows)
DROP TABLE "public"."resource_types";

-- step 127/143: drop table public.role_permissions
--   transactional: yes
--   hazards: data_loss (drops table public.role_permissions and all its rows)
DROP TABLE "public"."role_permissions";

-- step 128/143: drop table public.roles
--   transactional: yes
--   hazards: data_loss (drops table public.roles and all its rows)
DROP TABLE "public"."roles";

-- step 129/143: drop table public.schema_migrations
--   transactional: yes
--   hazards: data_loss (drops table public.schema_migrations and all its rows)
DROP TABLE "public"."schema_migrations";

-- step 130/143: drop table public.security_events
--   transactional: yes
--   hazards: data_loss (drops table public.security_events and all its rows)
DROP TABLE "public"."security_events";

-- step 131/143: drop table public.sso_providers
--   transactional: yes
--   hazards: data_loss (drops table public.sso_providers and all its rows)
DROP TABLE "public"."sso_providers";

-- step 132/143: drop table public.system_settings
--   transactional: yes
--   hazards: data_loss (drops table public.system_settings and all its rows)
DROP TABLE "public"."system_settings";

-- step 133/143: drop table public.usage_sessions
--   transactional: yes
--   hazards: data_loss (drops table public.usage_sessions and all its rows)
DROP TABLE "public"."usage_sessions";

-- step 134/143: drop table public.user_mfa_methods
--   transactional: yes
--   hazards: data_loss (drops table public.user_mfa_methods and all its rows)
DROP TABLE "public"."user_mfa_methods";

-- step 135/143: drop table public.user_profiles
--   transactional: yes
--   hazards: data_loss (drops table public.user_profiles and all its rows)
DROP TABLE "public"."user_profiles";

-- step 136/143: drop table public.user_roles
--   transactional: yes
--   hazards: data_loss (drops table public.user_roles and all its rows)
DROP TABLE "public"."user_roles";

-- step 137/143: drop table public.user_sessions
--   transactional: yes
--   hazards: data_loss (drops table public.user_sessions and all its rows)
DROP TABLE "public"."user_sessions";

-- step 138/143: drop table public.user_sso_identities
--   transactional: yes
--   hazards: data_loss (drops table public.user_sso_identities and all its rows)
DROP TABLE "public"."user_sso_identities";

-- step 139/143: drop table public.users
--   transactional: yes
--   hazards: data_loss (drops table public.users and all its rows)
DROP TABLE "public"."users";

-- step 140/143: drop function public.update_updated_at_column()
--   transactional: yes
--   hazards: none
DROP FUNCTION "public"."update_updated_at_column"();

-- step 141/143: drop function public.user_has_permission(p_user_id uuid, p_resource_type character varying, p_action character varying, p_at timestamp with time zone)
--   transactional: yes
--   hazards: none
DROP FUNCTION "public"."user_has_permission"(p_user_id uuid, p_resource_type character varying, p_action character varying, p_at timestamp with time zone);

-- step 142/143: drop extension pgcrypto
--   transactional: yes
--   hazards: unchecked_dependency (drops the functions and types of pgcrypto; the step fails if columns or indexes still use them)
DROP EXTENSION "pgcrypto";

-- step 143/143: drop extension uuid-ossp
--   transactional: yes
--   hazards: unchecked_dependency (drops the functions and types of uuid-ossp; the step fails if columns or indexes still use them)
DROP EXTENSION "uuid-ossp";
