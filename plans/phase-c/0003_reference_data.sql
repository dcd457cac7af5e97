-- pgform plan
-- pgform-version: 0.1.0
-- source: sha256:bec1ce31b5a4a437
-- target: sha256:bec1ce31b5a4a437
-- managed-schemas: ["public"]
-- plan-hash: sha256:e1ec075fa230a3d9a0080df41450a2126c467b36bd4530e604c33d45e0e44bdb
-- steps: 1
--   insert data: 1
-- hazards: none

SET lock_timeout = '5s';
SET statement_timeout = '1h';
SET check_function_bodies = off;

-- step 1/1: insert data public.role_hierarchy
--   transactional: yes
--   hazards: none
--   reason: 4 declared row(s) missing: (role=ADMIN) (role=MANAGER) (role=SUPER_ADMIN) (role=VIEWER)
INSERT INTO "public"."role_hierarchy" ("role", "level", "description") VALUES
  ('ADMIN', '3', 'Company administrator with full access to all features'),
  ('MANAGER', '2', 'Can view, export, and generate reports'),
  ('SUPER_ADMIN', '4', 'Full system access across all companies'),
  ('VIEWER', '1', 'Read-only access to dashboard and reports');
