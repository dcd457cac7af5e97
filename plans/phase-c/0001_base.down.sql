-- pgform plan
-- pgform-version: 0.1.0
-- source: sha256:dd6eb87a107a9d2c
-- target: sha256:89418c5f156c5ea7
-- managed-schemas: ["public"]
-- plan-hash: sha256:1850606aba94b37c53cddd33c9a4c2b015c87c63e8d6371d2bcfa280000afbfa
-- mode: online
-- steps: 6
--   drop constraint: 2
--   drop table: 4
-- hazards: data_loss: 4, breaking_change: 4

SET lock_timeout = '5s';
SET statement_timeout = '1h';
SET check_function_bodies = off;

-- transaction 1/1: steps 1-6
BEGIN;

-- step 1/6: drop constraint public.sessions.sessions_user_id_fkey
--   transactional: yes
--   locks: catalog: "public"."sessions" ACCESS EXCLUSIVE
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."sessions" DROP CONSTRAINT "sessions_user_id_fkey";

-- step 2/6: drop constraint public.users.users_company_id_fkey
--   transactional: yes
--   locks: catalog: "public"."users" ACCESS EXCLUSIVE
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."users" DROP CONSTRAINT "users_company_id_fkey";

-- step 3/6: drop table public.companies
--   transactional: yes
--   locks: catalog: "public"."companies" ACCESS EXCLUSIVE
--   hazards: data_loss (drops table public.companies and all its rows)
--            breaking_change (code that reads or writes public.companies fails after this step; to avoid it, expand/contract: release code that no longer uses the table first, then drop it in a later plan)
DROP TABLE "public"."companies";

-- step 4/6: drop table public.schema_migrations
--   transactional: yes
--   locks: catalog: "public"."schema_migrations" ACCESS EXCLUSIVE
--   hazards: data_loss (drops table public.schema_migrations and all its rows)
--            breaking_change (code that reads or writes public.schema_migrations fails after this step; to avoid it, expand/contract: release code that no longer uses the table first, then drop it in a later plan)
DROP TABLE "public"."schema_migrations";

-- step 5/6: drop table public.sessions
--   transactional: yes
--   locks: catalog: "public"."sessions" ACCESS EXCLUSIVE
--   hazards: data_loss (drops table public.sessions and all its rows)
--            breaking_change (code that reads or writes public.sessions fails after this step; to avoid it, expand/contract: release code that no longer uses the table first, then drop it in a later plan)
DROP TABLE "public"."sessions";

-- step 6/6: drop table public.users
--   transactional: yes
--   locks: catalog: "public"."users" ACCESS EXCLUSIVE
--   hazards: data_loss (drops table public.users and all its rows)
--            breaking_change (code that reads or writes public.users fails after this step; to avoid it, expand/contract: release code that no longer uses the table first, then drop it in a later plan)
DROP TABLE "public"."users";

COMMIT; -- transaction 1/1
