-- pgform plan
-- pgform-version: 0.1.0
-- source: sha256:c4610cd0f5a6fba7
-- target: sha256:eb4fe186d3743122
-- managed-schemas: ["public"]
-- plan-hash: sha256:c51e217d19062f4191a0bc1061165c6b4916997f8a7e6e6408f2d5f02264981e
-- mode: online
-- steps: 4
--   create table: 4
-- hazards: none

SET lock_timeout = '5s';
SET statement_timeout = '1h';
SET check_function_bodies = off;

-- transaction 1/1: steps 1-4
BEGIN;

-- step 1/4: create table public.api_usage_logs_default
--   transactional: yes
--   locks: catalog: "public"."api_usage_logs_default" ACCESS EXCLUSIVE, "public"."api_usage_logs" ACCESS EXCLUSIVE
--   hazards: none
--   reason: a new partition of public.api_usage_logs (a brief ACCESS EXCLUSIVE lock on it)
CREATE TABLE "public"."api_usage_logs_default" PARTITION OF "public"."api_usage_logs" DEFAULT;

-- step 2/4: create table public.audit_logs_default
--   transactional: yes
--   locks: catalog: "public"."audit_logs_default" ACCESS EXCLUSIVE, "public"."audit_logs" ACCESS EXCLUSIVE
--   hazards: none
--   reason: a new partition of public.audit_logs (a brief ACCESS EXCLUSIVE lock on it)
CREATE TABLE "public"."audit_logs_default" PARTITION OF "public"."audit_logs" DEFAULT;

-- step 3/4: create table public.cost_allocations_default
--   transactional: yes
--   locks: catalog: "public"."cost_allocations_default" ACCESS EXCLUSIVE, "public"."cost_allocations" ACCESS EXCLUSIVE
--   hazards: none
--   reason: a new partition of public.cost_allocations (a brief ACCESS EXCLUSIVE lock on it)
CREATE TABLE "public"."cost_allocations_default" PARTITION OF "public"."cost_allocations" DEFAULT;

-- step 4/4: create table public.llm_usage_logs_default
--   transactional: yes
--   locks: catalog: "public"."llm_usage_logs_default" ACCESS EXCLUSIVE, "public"."llm_usage_logs" ACCESS EXCLUSIVE
--   hazards: none
--   reason: a new partition of public.llm_usage_logs (a brief ACCESS EXCLUSIVE lock on it)
CREATE TABLE "public"."llm_usage_logs_default" PARTITION OF "public"."llm_usage_logs" DEFAULT;

COMMIT; -- transaction 1/1
