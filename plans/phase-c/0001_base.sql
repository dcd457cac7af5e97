-- pgform plan
-- pgform-version: 0.1.0
-- source: sha256:89418c5f156c5ea7
-- target: sha256:dd6eb87a107a9d2c
-- managed-schemas: ["public"]
-- plan-hash: sha256:9d33c045f6a600c95cca3000f365b47beae624dbfd2484e6d1a29431e3ab6ac3
-- mode: online
-- steps: 9
--   create table: 4
--   create index: 3
--   create constraint: 2
-- hazards: none

SET lock_timeout = '5s';
SET statement_timeout = '1h';
SET check_function_bodies = off;

-- transaction 1/1: steps 1-9
BEGIN;

-- step 1/9: create table public.companies
--   transactional: yes
--   locks: catalog: "public"."companies" ACCESS EXCLUSIVE
--   hazards: none
CREATE TABLE "public"."companies" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "name" character varying(255) NOT NULL,
  "created_at" timestamp with time zone DEFAULT now(),
  "updated_at" timestamp with time zone DEFAULT now(),
  CONSTRAINT "companies_pkey" PRIMARY KEY ("id")
);

-- step 2/9: create table public.schema_migrations
--   transactional: yes
--   locks: catalog: "public"."schema_migrations" ACCESS EXCLUSIVE
--   hazards: none
CREATE TABLE "public"."schema_migrations" (
  "version" character varying(255) NOT NULL,
  "applied_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "schema_migrations_pkey" PRIMARY KEY ("version")
);

-- step 3/9: create table public.sessions
--   transactional: yes
--   locks: catalog: "public"."sessions" ACCESS EXCLUSIVE
--   hazards: none
CREATE TABLE "public"."sessions" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "user_id" uuid NOT NULL,
  "token_hash" character varying(255) NOT NULL,
  "created_at" timestamp with time zone DEFAULT now(),
  "expires_at" timestamp with time zone NOT NULL,
  "ip_address" inet,
  "user_agent" text,
  CONSTRAINT "sessions_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "sessions_token_hash_key" UNIQUE ("token_hash")
);

-- step 4/9: create table public.users
--   transactional: yes
--   locks: catalog: "public"."users" ACCESS EXCLUSIVE
--   hazards: none
CREATE TABLE "public"."users" (
  "id" uuid DEFAULT gen_random_uuid() NOT NULL,
  "company_id" uuid NOT NULL,
  "email" character varying(255) NOT NULL,
  "name" character varying(255),
  "role" character varying(20) DEFAULT 'viewer'::character varying NOT NULL,
  "created_at" timestamp with time zone DEFAULT now(),
  "updated_at" timestamp with time zone DEFAULT now(),
  "last_login_at" timestamp with time zone,
  CONSTRAINT "users_email_key" UNIQUE ("email"),
  CONSTRAINT "users_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "users_role_check" CHECK (role::text = ANY (ARRAY['admin'::text, 'viewer'::text]))
);

-- step 5/9: create index public.sessions.idx_sessions_expires_at
--   transactional: yes
--   locks: catalog: "public"."sessions" SHARE
--   hazards: none
CREATE INDEX "idx_sessions_expires_at" ON "public"."sessions" USING btree ("expires_at");

-- step 6/9: create index public.sessions.idx_sessions_user_id
--   transactional: yes
--   locks: catalog: "public"."sessions" SHARE
--   hazards: none
CREATE INDEX "idx_sessions_user_id" ON "public"."sessions" USING btree ("user_id");

-- step 7/9: create index public.users.idx_users_company_id
--   transactional: yes
--   locks: catalog: "public"."users" SHARE
--   hazards: none
CREATE INDEX "idx_users_company_id" ON "public"."users" USING btree ("company_id");

-- step 8/9: create constraint public.sessions.sessions_user_id_fkey
--   transactional: yes
--   locks: catalog: "public"."sessions" SHARE ROW EXCLUSIVE, "public"."users" SHARE ROW EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "public"."users" ("id") ON DELETE CASCADE;

-- step 9/9: create constraint public.users.users_company_id_fkey
--   transactional: yes
--   locks: catalog: "public"."users" SHARE ROW EXCLUSIVE, "public"."companies" SHARE ROW EXCLUSIVE
--   hazards: none
ALTER TABLE "public"."users" ADD CONSTRAINT "users_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "public"."companies" ("id") ON DELETE CASCADE;

COMMIT; -- transaction 1/1
