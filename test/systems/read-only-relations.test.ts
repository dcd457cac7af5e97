/**
 * The five systems grant only reads on what cannot be written: views without INSTEAD OF
 * triggers, materialized views and continuous aggregates. PostgreSQL accepts INSERT, UPDATE and
 * DELETE there (GRANT ... ON ALL TABLES hands them out), but they only mislead a reviewer.
 */
import { describe, expect, it } from 'vitest';
import { desiredOf } from './support.ts';

const SYSTEMS = ['cmmc', 'enterprise-ai', 'llm-governance', 'multitenant-saas', 'phase-c/target'];
const WRITES = new Set(['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']);

describe('privileges on relations that cannot be written', () => {
  it.each(SYSTEMS)('%s grants no writes on views, materialized views or continuous aggregates', (system) => {
    const m = desiredOf(system).loaded.model;
    const insteadOf = new Set(m.triggers.filter((t) => t.timing === 'instead of').map((t) => `${t.schema}.${t.table}`));
    const readOnly = new Set([
      ...m.views.map((v) => `${v.schema}.${v.name}`).filter((k) => !insteadOf.has(k)),
      ...m.materializedViews.map((v) => `${v.schema}.${v.name}`),
      ...(m.continuousAggregates ?? []).map((a) => `${a.schema}.${a.name}`),
    ]);
    const written = m.grants.filter((g) => g.objectKind !== 'schema' && readOnly.has(`${g.schema}.${g.name}`) && WRITES.has(g.privilege));
    expect(written.map((g) => `${g.privilege} on ${g.schema}.${g.name} to ${g.grantee}`)).toEqual([]);
    expect(readOnly.size + m.tables.length).toBeGreaterThan(0);
  });
});
