-- pgform plan
-- pgform-version: 0.1.0
-- source: sha256:dd6eb87a107a9d2c
-- target: sha256:89418c5f156c5ea7
-- managed-schemas: ["public"]
-- plan-hash: sha256:871f5fd633f725fde0daef2962e4eac0dc3ebd6a3d5741651179b4ced4a23bdf
-- steps: 6
--   drop constraint: 2
--   drop table: 4
-- hazards: data_loss: 4

SET lock_timeout = '5s';
SET statement_timeout = '1h';
SET check_function_bodies = off;

-- step 1/6: drop constraint public.sessions.sessions_user_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."sessions" DROP CONSTRAINT "sessions_user_id_fkey";

-- step 2/6: drop constraint public.users.users_company_id_fkey
--   transactional: yes
--   hazards: none
--   reason: dropped before the tables it links, which are dropped too
ALTER TABLE "public"."users" DROP CONSTRAINT "users_company_id_fkey";

-- step 3/6: drop table public.companies
--   transactional: yes
--   hazards: data_loss (drops table public.companies and all its rows)
DROP TABLE "public"."companies";

-- step 4/6: drop table public.schema_migrations
--   transactional: yes
--   hazards: data_loss (drops table public.schema_migrations and all its rows)
DROP TABLE "public"."schema_migrations";

-- step 5/6: drop table public.sessions
--   transactional: yes
--   hazards: data_loss (drops table public.sessions and all its rows)
DROP TABLE "public"."sessions";

-- step 6/6: drop table public.users
--   transactional: yes
--   hazards: data_loss (drops table public.users and all its rows)
DROP TABLE "public"."users";
