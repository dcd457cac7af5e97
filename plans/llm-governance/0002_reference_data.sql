-- pgform plan
-- pgform-version: 0.1.0
-- source: sha256:4b1345553bc78d4e
-- target: sha256:4b1345553bc78d4e
-- managed-schemas: ["public"]
-- plan-hash: sha256:232cce2d2beff7bb85dafb929b97b13ea93622f9864ecaacaa175fd53cd8fc1c
-- mode: online
-- steps: 2
--   insert data: 2
-- hazards: none

SET lock_timeout = '5s';
SET statement_timeout = '1h';
SET check_function_bodies = off;

-- transaction 1/1: steps 1-2
BEGIN;

-- step 1/2: insert data public.policies
--   transactional: yes
--   locks: catalog: "public"."policies" ROW EXCLUSIVE
--   hazards: none
--   reason: 4 declared row(s) missing: (id=20000000-0000-4000-8000-000000000001) (id=20000000-0000-4000-8000-000000000002) (id=20000000-0000-4000-8000-000000000003) (id=20000000-0000-4000-8000-000000000004)
INSERT INTO "public"."policies" ("id", "name", "description", "policy_type", "rules", "enforcement_level", "priority") VALUES
  ('20000000-0000-4000-8000-000000000001', 'Default Cost Limit', 'Daily and monthly cost limits per user and team', 'cost', '{"daily_limit_usd":100,"monthly_limit_usd":2000,"alert_at_percent":[50,80,100]}', 'blocking', '10'),
  ('20000000-0000-4000-8000-000000000002', 'Default Rate Limit', 'Request rate limiting', 'rate_limit', '{"requests_per_minute":60,"requests_per_hour":1000,"tokens_per_minute":90000}', 'blocking', '20'),
  ('20000000-0000-4000-8000-000000000003', 'PII Detection', 'Content filtering for sensitive data', 'content_filter', '{"detect":["email","phone","ssn","credit_card","ip_address"],"action":"redact"}', 'warning', '30'),
  ('20000000-0000-4000-8000-000000000004', 'Security Best Practices', 'Security enforcement', 'security', '{"require_mfa_for_roles":["super_admin","admin","security_officer"],"api_key_max_age_days":90,"session_timeout_minutes":480}', 'warning', '40');

-- step 2/2: insert data public.roles
--   transactional: yes
--   locks: catalog: "public"."roles" ROW EXCLUSIVE
--   hazards: none
--   reason: 7 declared row(s) missing: (id=10000000-0000-4000-8000-000000000001) (id=10000000-0000-4000-8000-000000000002) (id=10000000-0000-4000-8000-000000000003) (id=10000000-0000-4000-8000-000000000004) (id=10000000-0000-4000-8000-000000000005) (id=10000000-0000-4000-8000-000000000006) (id=10000000-0000-4000-8000-000000000007)
INSERT INTO "public"."roles" ("id", "name", "display_name", "description", "permissions", "parent_role_id", "level", "is_system") VALUES
  ('10000000-0000-4000-8000-000000000001', 'super_admin', 'Super Admin', 'Full system access', '["*"]', NULL, '100', 'true'),
  ('10000000-0000-4000-8000-000000000002', 'admin', 'Admin', 'Administrative access', '["users:*","teams:*","roles:read","policies:*","alerts:*","audit:read","metrics:read","api_keys:*"]', '10000000-0000-4000-8000-000000000001', '90', 'true'),
  ('10000000-0000-4000-8000-000000000003', 'team_manager', 'Team Manager', 'Team management', '["teams:read","teams:update","team_members:*","metrics:read","costs:read","alerts:read","policies:read"]', '10000000-0000-4000-8000-000000000002', '70', 'true'),
  ('10000000-0000-4000-8000-000000000004', 'developer', 'Developer', 'Standard developer access', '["llm:use","api_keys:create","api_keys:read","metrics:read","policies:read"]', '10000000-0000-4000-8000-000000000003', '50', 'true'),
  ('10000000-0000-4000-8000-000000000005', 'viewer', 'Viewer', 'Read-only access', '["metrics:read","teams:read","policies:read"]', '10000000-0000-4000-8000-000000000004', '10', 'true'),
  ('10000000-0000-4000-8000-000000000006', 'security_officer', 'Security Officer', 'Security and compliance', '["audit:read","policies:read","policies:update","alerts:*","users:read","sessions:revoke","metrics:read"]', '10000000-0000-4000-8000-000000000002', '80', 'true'),
  ('10000000-0000-4000-8000-000000000007', 'finance_manager', 'Finance Manager', 'Cost and budget management', '["metrics:read","costs:*","budgets:*","teams:read","alerts:read"]', '10000000-0000-4000-8000-000000000002', '80', 'true');

COMMIT; -- transaction 1/1
