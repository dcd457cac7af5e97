-- pgform plan
-- pgform-version: 0.1.0
-- source: sha256:eb4fe186d3743122
-- target: sha256:c4610cd0f5a6fba7
-- managed-schemas: ["public"]
-- plan-hash: sha256:3b4fd7e8caac449829ad7b2368c0ae942deb521213fc957e48bc328c348d6d5b
-- mode: online
-- steps: 8
--   alter table: 4
--   drop table: 4
-- hazards: data_loss: 8, breaking_change: 4

SET lock_timeout = '5s';
SET statement_timeout = '1h';
SET check_function_bodies = off;

-- transaction 1/1: steps 1-8
BEGIN;

-- step 1/8: alter table public.api_usage_logs_default
--   transactional: yes
--   locks: catalog: "public"."api_usage_logs" ACCESS EXCLUSIVE, "public"."api_usage_logs_default" ACCESS EXCLUSIVE
--   hazards: data_loss (rows of public.api_usage_logs_default leave public.api_usage_logs (the partition is then dropped))
--   reason: public.api_usage_logs_default is no longer a partition of public.api_usage_logs
ALTER TABLE "public"."api_usage_logs" DETACH PARTITION "public"."api_usage_logs_default";

-- step 2/8: drop table public.api_usage_logs_default
--   transactional: yes
--   locks: catalog: "public"."api_usage_logs_default" ACCESS EXCLUSIVE
--   hazards: data_loss (drops table public.api_usage_logs_default and all its rows)
--            breaking_change (code that reads or writes public.api_usage_logs_default fails after this step; to avoid it, expand/contract: release code that no longer uses the table first, then drop it in a later plan)
DROP TABLE "public"."api_usage_logs_default";

-- step 3/8: alter table public.audit_logs_default
--   transactional: yes
--   locks: catalog: "public"."audit_logs" ACCESS EXCLUSIVE, "public"."audit_logs_default" ACCESS EXCLUSIVE
--   hazards: data_loss (rows of public.audit_logs_default leave public.audit_logs (the partition is then dropped))
--   reason: public.audit_logs_default is no longer a partition of public.audit_logs
ALTER TABLE "public"."audit_logs" DETACH PARTITION "public"."audit_logs_default";

-- step 4/8: drop table public.audit_logs_default
--   transactional: yes
--   locks: catalog: "public"."audit_logs_default" ACCESS EXCLUSIVE
--   hazards: data_loss (drops table public.audit_logs_default and all its rows)
--            breaking_change (code that reads or writes public.audit_logs_default fails after this step; to avoid it, expand/contract: release code that no longer uses the table first, then drop it in a later plan)
DROP TABLE "public"."audit_logs_default";

-- step 5/8: alter table public.cost_allocations_default
--   transactional: yes
--   locks: catalog: "public"."cost_allocations" ACCESS EXCLUSIVE, "public"."cost_allocations_default" ACCESS EXCLUSIVE
--   hazards: data_loss (rows of public.cost_allocations_default leave public.cost_allocations (the partition is then dropped))
--   reason: public.cost_allocations_default is no longer a partition of public.cost_allocations
ALTER TABLE "public"."cost_allocations" DETACH PARTITION "public"."cost_allocations_default";

-- step 6/8: drop table public.cost_allocations_default
--   transactional: yes
--   locks: catalog: "public"."cost_allocations_default" ACCESS EXCLUSIVE
--   hazards: data_loss (drops table public.cost_allocations_default and all its rows)
--            breaking_change (code that reads or writes public.cost_allocations_default fails after this step; to avoid it, expand/contract: release code that no longer uses the table first, then drop it in a later plan)
DROP TABLE "public"."cost_allocations_default";

-- step 7/8: alter table public.llm_usage_logs_default
--   transactional: yes
--   locks: catalog: "public"."llm_usage_logs" ACCESS EXCLUSIVE, "public"."llm_usage_logs_default" ACCESS EXCLUSIVE
--   hazards: data_loss (rows of public.llm_usage_logs_default leave public.llm_usage_logs (the partition is then dropped))
--   reason: public.llm_usage_logs_default is no longer a partition of public.llm_usage_logs
ALTER TABLE "public"."llm_usage_logs" DETACH PARTITION "public"."llm_usage_logs_default";

-- step 8/8: drop table public.llm_usage_logs_default
--   transactional: yes
--   locks: catalog: "public"."llm_usage_logs_default" ACCESS EXCLUSIVE
--   hazards: data_loss (drops table public.llm_usage_logs_default and all its rows)
--            breaking_change (code that reads or writes public.llm_usage_logs_default fails after this step; to avoid it, expand/contract: release code that no longer uses the table first, then drop it in a later plan)
DROP TABLE "public"."llm_usage_logs_default";

COMMIT; -- transaction 1/1
