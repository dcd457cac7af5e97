-- pgform plan
-- pgform-version: 0.1.0
-- source: sha256:bec1ce31b5a4a437
-- target: sha256:bec1ce31b5a4a437
-- managed-schemas: ["public"]
-- plan-hash: sha256:5b81f7248ce8cfbf93cd0531844400556b2e2a327e179cb005678d802a9b2dad
-- mode: online
-- steps: 1
--   insert data: 1
-- hazards: none

SET lock_timeout = '5s';
SET statement_timeout = '1h';
SET check_function_bodies = off;

-- transaction 1/1: step 1
BEGIN;

-- step 1/1: insert data public.role_hierarchy
--   transactional: yes
--   locks: catalog: "public"."role_hierarchy" ROW EXCLUSIVE
--   hazards: none
--   reason: 4 declared row(s) missing: (role=ADMIN) (role=MANAGER) (role=SUPER_ADMIN) (role=VIEWER)
INSERT INTO "public"."role_hierarchy" ("role", "level", "description") VALUES
  ('ADMIN', '3', 'Company administrator with full access to all features'),
  ('MANAGER', '2', 'Can view, export, and generate reports'),
  ('SUPER_ADMIN', '4', 'Full system access across all companies'),
  ('VIEWER', '1', 'Read-only access to dashboard and reports');

COMMIT; -- transaction 1/1
