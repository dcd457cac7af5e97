-- pgform plan
-- pgform-version: 0.1.0
-- source: sha256:89418c5f156c5ea7
-- target: sha256:5718de5830680e39
-- managed-schemas: ["public"]
-- plan-hash: sha256:0661715214e8e9794c902788a396c866b1c033fca7a303d39ccf911ac6bcf95b
-- steps: 130
--   create role: 2
--   create extension: 4
--   create function: 4
--   create sequence: 1
--   create table: 11
--   create index: 19
--   create constraint: 17
--   create trigger: 5
--   create policy: 27
--   enable table: 9
--   alter sequence: 1
--   grant grant: 26
--   comment extension: 4
-- hazards: unchecked_dependency: 4, authz_change: 64

SET lock_timeout = '5s';
SET statement_timeout = '1h';
SET check_function_bodies = off;

-- step 1/130: create role authenticated
--   transactional: yes
--   hazards: authz_change (creates role authenticated)
CREATE ROLE "authenticated";

-- step 2/130: create role service_role
--   transactional: yes
--   hazards: authz_change (creates role service_role)
CREATE ROLE "service_role";

-- step 3/130: create extension btree_gist
--   transactional: yes
--   hazards: none
CREATE EXTENSION IF NOT EXISTS "btree_gist" SCHEMA "public";

-- step 4/130: create extension citext
--   transactional: yes
--   hazards: none
CREATE EXTENSION IF NOT EXISTS "citext" SCHEMA "public";

-- step 5/130: create extension uuid-ossp
--   transactional: yes
--   hazards: none
CREATE EXTENSION IF NOT EXISTS "uuid-ossp" SCHEMA "public";

-- step 6/130: create extension vector
--   transactional: yes
--   hazards: none
CREATE EXTENSION IF NOT EXISTS "vector" SCHEMA "public";

-- step 7/130: create function public.current_app_user_id()
--   transactional: yes
--   hazards: unchecked_dependency (the body of public.current_app_user_id() is not checked by PostgreSQL: objects it uses are not ordered or verified)
CREATE FUNCTION "public"."current_app_user_id"()
RETURNS uuid
LANGUAGE "sql"
STABLE
PARALLEL UNSAFE
COST 100
AS $$  SELECT NULLIF(current_setting('app.current_user_id', true), '')::uuid
$$;

-- step 8/130: create function public.update_updated_at_column()
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

-- step 9/130: create function public.user_has_permission(p_user_id uuid, p_organization_id uuid, p_resource character varying, p_action character varying)
--   transactional: yes
--   hazards: unchecked_dependency (the body of public.user_has_permission(p_user_id uuid, p_organization_id uuid, p_resource character varying, p_action character varying) is not checked by PostgreSQL: objects it uses are not ordered or verified)
CREATE FUNCTION "public"."user_has_permission"("p_user_id" uuid, "p_organization_id" uuid, "p_resource" character varying, "p_action" character varying)
RETURNS boolean
LANGUAGE "sql"
STABLE
SECURITY DEFINER
PARALLEL UNSAFE
COST 100
SET "search_path" TO 'public', 'pg_temp'
AS $$  SELECT EXISTS (
    SELECT 1
      FROM user_roles ur
      JOIN organization_members om
        ON om.user_id = ur.user_id AND om.organization_id = ur.organization_id AND om.status = 'active'
      JOIN role_permissions rp ON rp.role_id = ur.role_id
      JOIN permissions p ON p.id = rp.permission_id
     WHERE ur.user_id = p_user_id
       AND ur.organization_id = p_organization_id
       AND p.resource = p_resource
       AND p.action = p_action
  )
$$;

-- step 10/130: create function public.user_org_ids(p_user_id uuid)
--   transactional: yes
--   hazards: unchecked_dependency (the body of public.user_org_ids(p_user_id uuid) is not checked by PostgreSQL: objects it uses are not ordered or verified)
CREATE FUNCTION "public"."user_org_ids"("p_user_id" uuid)
RETURNS SETOF uuid
LANGUAGE "sql"
STABLE
SECURITY DEFINER
PARALLEL UNSAFE
COST 100
ROWS 1000
SET "search_path" TO 'public', 'pg_temp'
AS $$  SELECT organization_id
    FROM organization_members
   WHERE user_id = p_user_id AND status = 'active'
$$;

-- step 11/130: create sequence public.audit_logs_id_seq
--   transactional: yes
--   hazards: none
CREATE SEQUENCE "public"."audit_logs_id_seq" AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE;

-- step 12/130: create table public.agent_results
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."agent_results" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "task_id" uuid NOT NULL,
  "organization_id" uuid NOT NULL,
  "output" jsonb DEFAULT '{}'::jsonb NOT NULL,
  "tokens_used" integer,
  "cost_usd" numeric(12,6),
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "embedding" vector(1536),
  CONSTRAINT "agent_results_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "agent_results_tokens_used_check" CHECK (tokens_used >= 0)
);

-- step 13/130: create table public.agent_tasks
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."agent_tasks" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "organization_id" uuid NOT NULL,
  "created_by" uuid,
  "agent_type" character varying(100) NOT NULL,
  "status" character varying(20) DEFAULT 'queued'::character varying NOT NULL,
  "priority" smallint DEFAULT 5 NOT NULL,
  "input" jsonb DEFAULT '{}'::jsonb NOT NULL,
  "scheduled_at" timestamp with time zone DEFAULT now() NOT NULL,
  "started_at" timestamp with time zone,
  "completed_at" timestamp with time zone,
  "error_message" text,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "agent_tasks_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "agent_tasks_priority_check" CHECK (priority >= 0 AND priority <= 10),
  CONSTRAINT "agent_tasks_status_check" CHECK (status::text = ANY (ARRAY['queued'::text, 'running'::text, 'completed'::text, 'failed'::text, 'cancelled'::text]))
);

-- step 14/130: create table public.audit_logs
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."audit_logs" (
  "id" bigint DEFAULT nextval('audit_logs_id_seq'::regclass) NOT NULL,
  "organization_id" uuid,
  "user_id" uuid,
  "action" character varying(100) NOT NULL,
  "resource_type" character varying(100) NOT NULL,
  "resource_id" character varying(255),
  "old_values" jsonb,
  "new_values" jsonb,
  "ip_address" inet,
  "user_agent" text,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id")
);

-- step 15/130: create table public.organization_members
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."organization_members" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "organization_id" uuid NOT NULL,
  "user_id" uuid NOT NULL,
  "status" character varying(20) DEFAULT 'active'::character varying NOT NULL,
  "invited_by" uuid,
  "joined_at" timestamp with time zone,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "organization_members_organization_id_user_id_key" UNIQUE ("organization_id", "user_id"),
  CONSTRAINT "organization_members_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "organization_members_status_check" CHECK (status::text = ANY (ARRAY['invited'::text, 'active'::text, 'suspended'::text]))
);

-- step 16/130: create table public.organizations
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."organizations" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "name" character varying(255) NOT NULL,
  "slug" citext NOT NULL,
  "plan" character varying(20) DEFAULT 'free'::character varying NOT NULL,
  "settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "organizations_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "organizations_plan_check" CHECK (plan::text = ANY (ARRAY['free'::text, 'pro'::text, 'enterprise'::text])),
  CONSTRAINT "organizations_slug_key" UNIQUE ("slug")
);

-- step 17/130: create table public.permissions
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."permissions" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "resource" character varying(100) NOT NULL,
  "action" character varying(50) NOT NULL,
  "description" text,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "permissions_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "permissions_resource_action_key" UNIQUE ("resource", "action")
);

-- step 18/130: create table public.role_permissions
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."role_permissions" (
  "role_id" uuid NOT NULL,
  "permission_id" uuid NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "role_permissions_pkey" PRIMARY KEY ("role_id", "permission_id")
);

-- step 19/130: create table public.roles
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."roles" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "organization_id" uuid,
  "name" character varying(100) NOT NULL,
  "description" text,
  "is_system" boolean DEFAULT false NOT NULL,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "roles_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "roles_system_has_no_org" CHECK (is_system = (organization_id IS NULL))
);

-- step 20/130: create table public.sessions
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."sessions" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "user_id" uuid NOT NULL,
  "token_hash" character varying(255) NOT NULL,
  "ip_address" inet,
  "user_agent" text,
  "expires_at" timestamp with time zone NOT NULL,
  "revoked_at" timestamp with time zone,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "sessions_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "sessions_token_hash_key" UNIQUE ("token_hash")
);

-- step 21/130: create table public.user_roles
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."user_roles" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "user_id" uuid NOT NULL,
  "role_id" uuid NOT NULL,
  "organization_id" uuid NOT NULL,
  "granted_by" uuid,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "user_roles_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "user_roles_user_id_role_id_organization_id_key" UNIQUE ("user_id", "role_id", "organization_id")
);

-- step 22/130: create table public.users
--   transactional: yes
--   hazards: none
CREATE TABLE "public"."users" (
  "id" uuid DEFAULT uuid_generate_v4() NOT NULL,
  "cognito_sub" character varying(255) NOT NULL,
  "email" citext NOT NULL,
  "full_name" character varying(255),
  "avatar_url" text,
  "is_active" boolean DEFAULT true NOT NULL,
  "last_login_at" timestamp with time zone,
  "created_at" timestamp with time zone DEFAULT now() NOT NULL,
  "updated_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "users_cognito_sub_key" UNIQUE ("cognito_sub"),
  CONSTRAINT "users_email_key" UNIQUE ("email"),
  CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- step 23/130: create index public.agent_results.idx_agent_results_embedding
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_agent_results_embedding" ON "public"."agent_results" USING hnsw ("embedding" public.vector_cosine_ops);

-- step 24/130: create index public.agent_results.idx_agent_results_organization_id
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_agent_results_organization_id" ON "public"."agent_results" USING btree ("organization_id");

-- step 25/130: create index public.agent_results.idx_agent_results_task_id
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_agent_results_task_id" ON "public"."agent_results" USING btree ("task_id");

-- step 26/130: create index public.agent_tasks.idx_agent_tasks_created_by
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_agent_tasks_created_by" ON "public"."agent_tasks" USING btree ("created_by");

-- step 27/130: create index public.agent_tasks.idx_agent_tasks_organization_id
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_agent_tasks_organization_id" ON "public"."agent_tasks" USING btree ("organization_id", "created_at" DESC);

-- step 28/130: create index public.agent_tasks.idx_agent_tasks_queue
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_agent_tasks_queue" ON "public"."agent_tasks" USING btree ("priority" DESC, "scheduled_at") WHERE (status::text = 'queued'::text);

-- step 29/130: create index public.audit_logs.idx_audit_logs_org_created
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_audit_logs_org_created" ON "public"."audit_logs" USING btree ("organization_id", "created_at" DESC);

-- step 30/130: create index public.audit_logs.idx_audit_logs_resource
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_audit_logs_resource" ON "public"."audit_logs" USING btree ("resource_type", "resource_id");

-- step 31/130: create index public.audit_logs.idx_audit_logs_user_id
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_audit_logs_user_id" ON "public"."audit_logs" USING btree ("user_id");

-- step 32/130: create index public.organization_members.idx_organization_members_active
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_organization_members_active" ON "public"."organization_members" USING btree ("user_id", "organization_id") WHERE (status::text = 'active'::text);

-- step 33/130: create index public.organization_members.idx_organization_members_user_id
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_organization_members_user_id" ON "public"."organization_members" USING btree ("user_id");

-- step 34/130: create index public.role_permissions.idx_role_permissions_permission_id
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_role_permissions_permission_id" ON "public"."role_permissions" USING btree ("permission_id");

-- step 35/130: create index public.roles.uq_roles_org_name
--   transactional: yes
--   hazards: none
CREATE UNIQUE INDEX "uq_roles_org_name" ON "public"."roles" USING btree ("organization_id", "name") WHERE (organization_id IS NOT NULL);

-- step 36/130: create index public.roles.uq_roles_system_name
--   transactional: yes
--   hazards: none
CREATE UNIQUE INDEX "uq_roles_system_name" ON "public"."roles" USING btree ("name") WHERE (organization_id IS NULL);

-- step 37/130: create index public.sessions.idx_sessions_expires_at
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_sessions_expires_at" ON "public"."sessions" USING btree ("expires_at") WHERE (revoked_at IS NULL);

-- step 38/130: create index public.sessions.idx_sessions_user_id
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_sessions_user_id" ON "public"."sessions" USING btree ("user_id");

-- step 39/130: create index public.user_roles.idx_user_roles_organization_id
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_user_roles_organization_id" ON "public"."user_roles" USING btree ("organization_id");

-- step 40/130: create index public.user_roles.idx_user_roles_role_id
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_user_roles_role_id" ON "public"."user_roles" USING btree ("role_id");

-- step 41/130: create index public.user_roles.idx_user_roles_user_org
--   transactional: yes
--   hazards: none
CREATE INDEX "idx_user_roles_user_org" ON "public"."user_roles" USING btree ("user_id", "organization_id");

-- step 42/130: create constraint public.agent_results.agent_results_organization_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."agent_results" ADD CONSTRAINT "agent_results_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations" ("id") ON DELETE CASCADE;

-- step 43/130: create constraint public.agent_results.agent_results_task_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."agent_results" ADD CONSTRAINT "agent_results_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "public"."agent_tasks" ("id") ON DELETE CASCADE;

-- step 44/130: create constraint public.agent_tasks.agent_tasks_created_by_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."agent_tasks" ADD CONSTRAINT "agent_tasks_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "public"."users" ("id") ON DELETE SET NULL;

-- step 45/130: create constraint public.agent_tasks.agent_tasks_organization_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."agent_tasks" ADD CONSTRAINT "agent_tasks_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations" ("id") ON DELETE CASCADE;

-- step 46/130: create constraint public.audit_logs.audit_logs_organization_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."audit_logs" ADD CONSTRAINT "audit_logs_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations" ("id") ON DELETE SET NULL;

-- step 47/130: create constraint public.audit_logs.audit_logs_user_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."audit_logs" ADD CONSTRAINT "audit_logs_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "public"."users" ("id") ON DELETE SET NULL;

-- step 48/130: create constraint public.organization_members.organization_members_invited_by_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."organization_members" ADD CONSTRAINT "organization_members_invited_by_fkey" FOREIGN KEY ("invited_by") REFERENCES "public"."users" ("id") ON DELETE SET NULL;

-- step 49/130: create constraint public.organization_members.organization_members_organization_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."organization_members" ADD CONSTRAINT "organization_members_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations" ("id") ON DELETE CASCADE;

-- step 50/130: create constraint public.organization_members.organization_members_user_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."organization_members" ADD CONSTRAINT "organization_members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "public"."users" ("id") ON DELETE CASCADE;

-- step 51/130: create constraint public.role_permissions.role_permissions_permission_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."role_permissions" ADD CONSTRAINT "role_permissions_permission_id_fkey" FOREIGN KEY ("permission_id") REFERENCES "public"."permissions" ("id") ON DELETE CASCADE;

-- step 52/130: create constraint public.role_permissions.role_permissions_role_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."role_permissions" ADD CONSTRAINT "role_permissions_role_id_fkey" FOREIGN KEY ("role_id") REFERENCES "public"."roles" ("id") ON DELETE CASCADE;

-- step 53/130: create constraint public.roles.roles_organization_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."roles" ADD CONSTRAINT "roles_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations" ("id") ON DELETE CASCADE;

-- step 54/130: create constraint public.sessions.sessions_user_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "public"."users" ("id") ON DELETE CASCADE;

-- step 55/130: create constraint public.user_roles.user_roles_granted_by_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."user_roles" ADD CONSTRAINT "user_roles_granted_by_fkey" FOREIGN KEY ("granted_by") REFERENCES "public"."users" ("id") ON DELETE SET NULL;

-- step 56/130: create constraint public.user_roles.user_roles_organization_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."user_roles" ADD CONSTRAINT "user_roles_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations" ("id") ON DELETE CASCADE;

-- step 57/130: create constraint public.user_roles.user_roles_role_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."user_roles" ADD CONSTRAINT "user_roles_role_id_fkey" FOREIGN KEY ("role_id") REFERENCES "public"."roles" ("id") ON DELETE CASCADE;

-- step 58/130: create constraint public.user_roles.user_roles_user_id_fkey
--   transactional: yes
--   hazards: none
ALTER TABLE "public"."user_roles" ADD CONSTRAINT "user_roles_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "public"."users" ("id") ON DELETE CASCADE;

-- step 59/130: create trigger public.agent_tasks.update_agent_tasks_updated_at
--   transactional: yes
--   hazards: none
CREATE TRIGGER "update_agent_tasks_updated_at" BEFORE UPDATE ON "public"."agent_tasks" FOR EACH ROW EXECUTE FUNCTION "public"."update_updated_at_column"();

-- step 60/130: create trigger public.organization_members.update_organization_members_updated_at
--   transactional: yes
--   hazards: none
CREATE TRIGGER "update_organization_members_updated_at" BEFORE UPDATE ON "public"."organization_members" FOR EACH ROW EXECUTE FUNCTION "public"."update_updated_at_column"();

-- step 61/130: create trigger public.organizations.update_organizations_updated_at
--   transactional: yes
--   hazards: none
CREATE TRIGGER "update_organizations_updated_at" BEFORE UPDATE ON "public"."organizations" FOR EACH ROW EXECUTE FUNCTION "public"."update_updated_at_column"();

-- step 62/130: create trigger public.roles.update_roles_updated_at
--   transactional: yes
--   hazards: none
CREATE TRIGGER "update_roles_updated_at" BEFORE UPDATE ON "public"."roles" FOR EACH ROW EXECUTE FUNCTION "public"."update_updated_at_column"();

-- step 63/130: create trigger public.users.update_users_updated_at
--   transactional: yes
--   hazards: none
CREATE TRIGGER "update_users_updated_at" BEFORE UPDATE ON "public"."users" FOR EACH ROW EXECUTE FUNCTION "public"."update_updated_at_column"();

-- step 64/130: create policy public.agent_results.agent_results_select
--   transactional: yes
--   hazards: authz_change (a new PERMISSIVE policy agent_results_select on public.agent_results may widen which rows role authenticated can select)
CREATE POLICY "agent_results_select" ON "public"."agent_results" AS PERMISSIVE FOR SELECT TO "authenticated" USING (organization_id IN ( SELECT user_org_ids(current_app_user_id()) AS user_org_ids));

-- step 65/130: create policy public.agent_results.agent_results_service_role
--   transactional: yes
--   hazards: authz_change (a new PERMISSIVE policy agent_results_service_role on public.agent_results may widen which rows role service_role can see and change)
CREATE POLICY "agent_results_service_role" ON "public"."agent_results" AS PERMISSIVE FOR ALL TO "service_role" USING (true) WITH CHECK (true);

-- step 66/130: create policy public.agent_tasks.agent_tasks_delete
--   transactional: yes
--   hazards: authz_change (a new PERMISSIVE policy agent_tasks_delete on public.agent_tasks may widen which rows role authenticated can delete)
CREATE POLICY "agent_tasks_delete" ON "public"."agent_tasks" AS PERMISSIVE FOR DELETE TO "authenticated" USING (user_has_permission(current_app_user_id(), organization_id, 'agents'::character varying, 'manage'::character varying));

-- step 67/130: create policy public.agent_tasks.agent_tasks_insert
--   transactional: yes
--   hazards: authz_change (a new PERMISSIVE policy agent_tasks_insert on public.agent_tasks may widen which rows role authenticated can insert)
CREATE POLICY "agent_tasks_insert" ON "public"."agent_tasks" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK ((created_by = current_app_user_id()) AND user_has_permission(current_app_user_id(), organization_id, 'agents'::character varying, 'run'::character varying));

-- step 68/130: create policy public.agent_tasks.agent_tasks_select
--   transactional: yes
--   hazards: authz_change (a new PERMISSIVE policy agent_tasks_select on public.agent_tasks may widen which rows role authenticated can select)
CREATE POLICY "agent_tasks_select" ON "public"."agent_tasks" AS PERMISSIVE FOR SELECT TO "authenticated" USING (organization_id IN ( SELECT user_org_ids(current_app_user_id()) AS user_org_ids));

-- step 69/130: create policy public.agent_tasks.agent_tasks_service_role
--   transactional: yes
--   hazards: authz_change (a new PERMISSIVE policy agent_tasks_service_role on public.agent_tasks may widen which rows role service_role can see and change)
CREATE POLICY "agent_tasks_service_role" ON "public"."agent_tasks" AS PERMISSIVE FOR ALL TO "service_role" USING (true) WITH CHECK (true);

-- step 70/130: create policy public.agent_tasks.agent_tasks_update
--   transactional: yes
--   hazards: authz_change (a new PERMISSIVE policy agent_tasks_update on public.agent_tasks may widen which rows role authenticated can update)
CREATE POLICY "agent_tasks_update" ON "public"."agent_tasks" AS PERMISSIVE FOR UPDATE TO "authenticated" USING (user_has_permission(current_app_user_id(), organization_id, 'agents'::character varying, 'manage'::character varying)) WITH CHECK (user_has_permission(current_app_user_id(), organization_id, 'agents'::character varying, 'manage'::character varying));

-- step 71/130: create policy public.audit_logs.audit_logs_insert
--   transactional: yes
--   hazards: authz_change (a new PERMISSIVE policy audit_logs_insert on public.audit_logs may widen which rows role authenticated can insert)
CREATE POLICY "audit_logs_insert" ON "public"."audit_logs" AS PERMISSIVE FOR INSERT TO "authenticated" WITH CHECK ((user_id = current_app_user_id()) AND (organization_id IN ( SELECT user_org_ids(current_app_user_id()) AS user_org_ids)));

-- step 72/130: create policy public.audit_logs.audit_logs_select
--   transactional: yes
--   hazards: authz_change (a new PERMISSIVE policy audit_logs_select on public.audit_logs may widen which rows role authenticated can select)
CREATE POLICY "audit_logs_select" ON "public"."audit_logs" AS PERMISSIVE FOR SELECT TO "authenticated" USING (user_has_permission(current_app_user_id(), organization_id, 'audit'::character varying, 'read'::character varying));

-- step 73/130: create policy public.audit_logs.audit_logs_service_role
--   transactional: yes
--   hazards: authz_change (a new PERMISSIVE policy audit_logs_service_role on public.audit_logs may widen which rows role service_role can see and change)
CREATE POLICY "audit_logs_service_role" ON "public"."audit_logs" AS PERMISSIVE FOR ALL TO "service_role" USING (true) WITH CHECK (true);

-- step 74/130: create policy public.organization_members.organization_members_manage
--   transactional: yes
--   hazards: authz_change (a new PERMISSIVE policy organization_members_manage on public.organization_members may widen which rows role authenticated can see and change)
CREATE POLICY "organization_members_manage" ON "public"."organization_members" AS PERMISSIVE FOR ALL TO "authenticated" USING (user_has_permission(current_app_user_id(), organization_id, 'members'::character varying, 'manage'::character varying)) WITH CHECK (user_has_permission(current_app_user_id(), organization_id, 'members'::character varying, 'manage'::character varying));

-- step 75/130: create policy public.organization_members.organization_members_select
--   transactional: yes
--   hazards: authz_change (a new PERMISSIVE policy organization_members_select on public.organization_members may widen which rows role authenticated can select)
CREATE POLICY "organization_members_select" ON "public"."organization_members" AS PERMISSIVE FOR SELECT TO "authenticated" USING (organization_id IN ( SELECT user_org_ids(current_app_user_id()) AS user_org_ids));

-- step 76/130: create policy public.organization_members.organization_members_service_role
--   transactional: yes
--   hazards: authz_change (a new PERMISSIVE policy organization_members_service_role on public.organization_members may widen which rows role service_role can see and change)
CREATE POLICY "organization_members_service_role" ON "public"."organization_members" AS PERMISSIVE FOR ALL TO "service_role" USING (true) WITH CHECK (true);

-- step 77/130: create policy public.organizations.organizations_select_member
--   transactional: yes
--   hazards: authz_change (a new PERMISSIVE policy organizations_select_member on public.organizations may widen which rows role authenticated can select)
CREATE POLICY "organizations_select_member" ON "public"."organizations" AS PERMISSIVE FOR SELECT TO "authenticated" USING (id IN ( SELECT user_org_ids(current_app_user_id()) AS user_org_ids));

-- step 78/130: create policy public.organizations.organizations_service_role
--   transactional: yes
--   hazards: authz_change (a new PERMISSIVE policy organizations_service_role on public.organizations may widen which rows role service_role can see and change)
CREATE POLICY "organizations_service_role" ON "public"."organizations" AS PERMISSIVE FOR ALL TO "service_role" USING (true) WITH CHECK (true);

-- step 79/130: create policy public.organizations.organizations_update_admin
--   transactional: yes
--   hazards: authz_change (a new PERMISSIVE policy organizations_update_admin on public.organizations may widen which rows role authenticated can update)
CREATE POLICY "organizations_update_admin" ON "public"."organizations" AS PERMISSIVE FOR UPDATE TO "authenticated" USING (user_has_permission(current_app_user_id(), id, 'organization'::character varying, 'update'::character varying)) WITH CHECK (user_has_permission(current_app_user_id(), id, 'organization'::character varying, 'update'::character varying));

-- step 80/130: create policy public.roles.roles_manage
--   transactional: yes
--   hazards: authz_change (a new PERMISSIVE policy roles_manage on public.roles may widen which rows role authenticated can see and change)
CREATE POLICY "roles_manage" ON "public"."roles" AS PERMISSIVE FOR ALL TO "authenticated" USING ((organization_id IS NOT NULL) AND user_has_permission(current_app_user_id(), organization_id, 'roles'::character varying, 'manage'::character varying)) WITH CHECK ((organization_id IS NOT NULL) AND user_has_permission(current_app_user_id(), organization_id, 'roles'::character varying, 'manage'::character varying));

-- step 81/130: create policy public.roles.roles_select
--   transactional: yes
--   hazards: authz_change (a new PERMISSIVE policy roles_select on public.roles may widen which rows role authenticated can select)
CREATE POLICY "roles_select" ON "public"."roles" AS PERMISSIVE FOR SELECT TO "authenticated" USING ((organization_id IS NULL) OR (organization_id IN ( SELECT user_org_ids(current_app_user_id()) AS user_org_ids)));

-- step 82/130: create policy public.roles.roles_service_role
--   transactional: yes
--   hazards: authz_change (a new PERMISSIVE policy roles_service_role on public.roles may widen which rows role service_role can see and change)
CREATE POLICY "roles_service_role" ON "public"."roles" AS PERMISSIVE FOR ALL TO "service_role" USING (true) WITH CHECK (true);

-- step 83/130: create policy public.sessions.sessions_own
--   transactional: yes
--   hazards: authz_change (a new PERMISSIVE policy sessions_own on public.sessions may widen which rows role authenticated can see and change)
CREATE POLICY "sessions_own" ON "public"."sessions" AS PERMISSIVE FOR ALL TO "authenticated" USING (user_id = current_app_user_id()) WITH CHECK (user_id = current_app_user_id());

-- step 84/130: create policy public.sessions.sessions_service_role
--   transactional: yes
--   hazards: authz_change (a new PERMISSIVE policy sessions_service_role on public.sessions may widen which rows role service_role can see and change)
CREATE POLICY "sessions_service_role" ON "public"."sessions" AS PERMISSIVE FOR ALL TO "service_role" USING (true) WITH CHECK (true);

-- step 85/130: create policy public.user_roles.user_roles_manage
--   transactional: yes
--   hazards: authz_change (a new PERMISSIVE policy user_roles_manage on public.user_roles may widen which rows role authenticated can see and change)
CREATE POLICY "user_roles_manage" ON "public"."user_roles" AS PERMISSIVE FOR ALL TO "authenticated" USING (user_has_permission(current_app_user_id(), organization_id, 'roles'::character varying, 'manage'::character varying)) WITH CHECK (user_has_permission(current_app_user_id(), organization_id, 'roles'::character varying, 'manage'::character varying));

-- step 86/130: create policy public.user_roles.user_roles_select
--   transactional: yes
--   hazards: authz_change (a new PERMISSIVE policy user_roles_select on public.user_roles may widen which rows role authenticated can select)
CREATE POLICY "user_roles_select" ON "public"."user_roles" AS PERMISSIVE FOR SELECT TO "authenticated" USING (organization_id IN ( SELECT user_org_ids(current_app_user_id()) AS user_org_ids));

-- step 87/130: create policy public.user_roles.user_roles_service_role
--   transactional: yes
--   hazards: authz_change (a new PERMISSIVE policy user_roles_service_role on public.user_roles may widen which rows role service_role can see and change)
CREATE POLICY "user_roles_service_role" ON "public"."user_roles" AS PERMISSIVE FOR ALL TO "service_role" USING (true) WITH CHECK (true);

-- step 88/130: create policy public.users.users_select_self_or_colleague
--   transactional: yes
--   hazards: authz_change (a new PERMISSIVE policy users_select_self_or_colleague on public.users may widen which rows role authenticated can select)
CREATE POLICY "users_select_self_or_colleague" ON "public"."users" AS PERMISSIVE FOR SELECT TO "authenticated" USING ((id = current_app_user_id()) OR (id IN ( SELECT om.user_id
   FROM organization_members om
  WHERE (om.organization_id IN ( SELECT user_org_ids(current_app_user_id()) AS user_org_ids)))));

-- step 89/130: create policy public.users.users_service_role
--   transactional: yes
--   hazards: authz_change (a new PERMISSIVE policy users_service_role on public.users may widen which rows role service_role can see and change)
CREATE POLICY "users_service_role" ON "public"."users" AS PERMISSIVE FOR ALL TO "service_role" USING (true) WITH CHECK (true);

-- step 90/130: create policy public.users.users_update_self
--   transactional: yes
--   hazards: authz_change (a new PERMISSIVE policy users_update_self on public.users may widen which rows role authenticated can update)
CREATE POLICY "users_update_self" ON "public"."users" AS PERMISSIVE FOR UPDATE TO "authenticated" USING (id = current_app_user_id()) WITH CHECK (id = current_app_user_id());

-- step 91/130: enable table public.agent_results
--   transactional: yes
--   hazards: authz_change (enabling row level security on public.agent_results: rows are hidden from roles without a matching policy)
ALTER TABLE "public"."agent_results" ENABLE ROW LEVEL SECURITY;

-- step 92/130: enable table public.agent_tasks
--   transactional: yes
--   hazards: authz_change (enabling row level security on public.agent_tasks: rows are hidden from roles without a matching policy)
ALTER TABLE "public"."agent_tasks" ENABLE ROW LEVEL SECURITY;

-- step 93/130: enable table public.audit_logs
--   transactional: yes
--   hazards: authz_change (enabling row level security on public.audit_logs: rows are hidden from roles without a matching policy)
ALTER TABLE "public"."audit_logs" ENABLE ROW LEVEL SECURITY;

-- step 94/130: enable table public.organization_members
--   transactional: yes
--   hazards: authz_change (enabling row level security on public.organization_members: rows are hidden from roles without a matching policy)
ALTER TABLE "public"."organization_members" ENABLE ROW LEVEL SECURITY;

-- step 95/130: enable table public.organizations
--   transactional: yes
--   hazards: authz_change (enabling row level security on public.organizations: rows are hidden from roles without a matching policy)
ALTER TABLE "public"."organizations" ENABLE ROW LEVEL SECURITY;

-- step 96/130: enable table public.roles
--   transactional: yes
--   hazards: authz_change (enabling row level security on public.roles: rows are hidden from roles without a matching policy)
ALTER TABLE "public"."roles" ENABLE ROW LEVEL SECURITY;

-- step 97/130: enable table public.sessions
--   transactional: yes
--   hazards: authz_change (enabling row level security on public.sessions: rows are hidden from roles without a matching policy)
ALTER TABLE "public"."sessions" ENABLE ROW LEVEL SECURITY;

-- step 98/130: enable table public.user_roles
--   transactional: yes
--   hazards: authz_change (enabling row level security on public.user_roles: rows are hidden from roles without a matching policy)
ALTER TABLE "public"."user_roles" ENABLE ROW LEVEL SECURITY;

-- step 99/130: enable table public.users
--   transactional: yes
--   hazards: authz_change (enabling row level security on public.users: rows are hidden from roles without a matching policy)
ALTER TABLE "public"."users" ENABLE ROW LEVEL SECURITY;

-- step 100/130: alter sequence public.audit_logs_id_seq
--   transactional: yes
--   hazards: none
ALTER SEQUENCE "public"."audit_logs_id_seq" OWNED BY "public"."audit_logs"."id";

-- step 101/130: grant grant public.agent_results to authenticated
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.agent_results to role authenticated)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."agent_results" TO "authenticated";

-- step 102/130: grant grant public.agent_results to service_role
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER on public.agent_results to role service_role)
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE "public"."agent_results" TO "service_role";

-- step 103/130: grant grant public.agent_tasks to authenticated
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.agent_tasks to role authenticated)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."agent_tasks" TO "authenticated";

-- step 104/130: grant grant public.agent_tasks to service_role
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER on public.agent_tasks to role service_role)
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE "public"."agent_tasks" TO "service_role";

-- step 105/130: grant grant public.audit_logs to authenticated
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT on public.audit_logs to role authenticated)
GRANT SELECT, INSERT ON TABLE "public"."audit_logs" TO "authenticated";

-- step 106/130: grant grant public.audit_logs to service_role
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER on public.audit_logs to role service_role)
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE "public"."audit_logs" TO "service_role";

-- step 107/130: grant grant public.organization_members to authenticated
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.organization_members to role authenticated)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."organization_members" TO "authenticated";

-- step 108/130: grant grant public.organization_members to service_role
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER on public.organization_members to role service_role)
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE "public"."organization_members" TO "service_role";

-- step 109/130: grant grant public.organizations to authenticated
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.organizations to role authenticated)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."organizations" TO "authenticated";

-- step 110/130: grant grant public.organizations to service_role
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER on public.organizations to role service_role)
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE "public"."organizations" TO "service_role";

-- step 111/130: grant grant public.permissions to authenticated
--   transactional: yes
--   hazards: authz_change (grants SELECT on public.permissions to role authenticated)
GRANT SELECT ON TABLE "public"."permissions" TO "authenticated";

-- step 112/130: grant grant public.permissions to service_role
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER on public.permissions to role service_role)
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE "public"."permissions" TO "service_role";

-- step 113/130: grant grant public.role_permissions to authenticated
--   transactional: yes
--   hazards: authz_change (grants SELECT on public.role_permissions to role authenticated)
GRANT SELECT ON TABLE "public"."role_permissions" TO "authenticated";

-- step 114/130: grant grant public.role_permissions to service_role
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER on public.role_permissions to role service_role)
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE "public"."role_permissions" TO "service_role";

-- step 115/130: grant grant public.roles to authenticated
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.roles to role authenticated)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."roles" TO "authenticated";

-- step 116/130: grant grant public.roles to service_role
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER on public.roles to role service_role)
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE "public"."roles" TO "service_role";

-- step 117/130: grant grant public.sessions to authenticated
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.sessions to role authenticated)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."sessions" TO "authenticated";

-- step 118/130: grant grant public.sessions to service_role
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER on public.sessions to role service_role)
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE "public"."sessions" TO "service_role";

-- step 119/130: grant grant public.user_roles to authenticated
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.user_roles to role authenticated)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."user_roles" TO "authenticated";

-- step 120/130: grant grant public.user_roles to service_role
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER on public.user_roles to role service_role)
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE "public"."user_roles" TO "service_role";

-- step 121/130: grant grant public.users to authenticated
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE on public.users to role authenticated)
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE "public"."users" TO "authenticated";

-- step 122/130: grant grant public.users to service_role
--   transactional: yes
--   hazards: authz_change (grants SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER on public.users to role service_role)
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE "public"."users" TO "service_role";

-- step 123/130: grant grant public.audit_logs_id_seq to authenticated
--   transactional: yes
--   hazards: authz_change (grants USAGE on sequence public.audit_logs_id_seq to role authenticated)
GRANT USAGE ON SEQUENCE "public"."audit_logs_id_seq" TO "authenticated";

-- step 124/130: grant grant public.audit_logs_id_seq to service_role
--   transactional: yes
--   hazards: authz_change (grants SELECT, UPDATE, USAGE on sequence public.audit_logs_id_seq to role service_role)
GRANT SELECT, UPDATE, USAGE ON SEQUENCE "public"."audit_logs_id_seq" TO "service_role";

-- step 125/130: grant grant public to authenticated
--   transactional: yes
--   hazards: authz_change (grants USAGE on schema public to role authenticated)
GRANT USAGE ON SCHEMA "public" TO "authenticated";

-- step 126/130: grant grant public to service_role
--   transactional: yes
--   hazards: authz_change (grants USAGE on schema public to role service_role)
GRANT USAGE ON SCHEMA "public" TO "service_role";

-- step 127/130: comment extension btree_gist
--   transactional: yes
--   hazards: none
COMMENT ON EXTENSION "btree_gist" IS 'support for indexing common datatypes in GiST';

-- step 128/130: comment extension citext
--   transactional: yes
--   hazards: none
COMMENT ON EXTENSION "citext" IS 'data type for case-insensitive character strings';

-- step 129/130: comment extension uuid-ossp
--   transactional: yes
--   hazards: none
COMMENT ON EXTENSION "uuid-ossp" IS 'generate universally unique identifiers (UUIDs)';

-- step 130/130: comment extension vector
--   transactional: yes
--   hazards: none
COMMENT ON EXTENSION "vector" IS 'vector data type and ivfflat and hnsw access methods';
