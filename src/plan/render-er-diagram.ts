import type { DatabaseModel } from '../model/database.ts';
import type { Table } from '../model/table.ts';
import type { Step } from './step.ts';

/** Beyond this many tables a diagram stops helping a reviewer; the markdown says so instead. */
export const MAX_DIAGRAM_TABLES = 40;

/** Mermaid's quoted entity names exclude `%`, `"`, backslashes and line breaks. */
function entity(schema: string, name: string): string {
  return `"${`${schema}.${name}`.replace(/[%"\\\r\n\v\b]/g, '_')}"`;
}

/** Attribute types and names: Mermaid reads `[A-Za-z_*][A-Za-z0-9_\-[\]()]*`. */
function word(text: string): string {
  const w = text.replace(/[^A-Za-z0-9_\-[\]()]/g, '_');
  return /^[A-Za-z_*]/.test(w) ? w : `_${w}`;
}

function label(text: string): string {
  return `"${text.replace(/["%\\\r\n\v\b]/g, '_')}"`;
}

/** The tables of `model` that a step acts on (itself, or a column, key, index, trigger, policy of it). */
export function touchedTables(steps: readonly Step[], model: DatabaseModel): Table[] {
  const byName = new Map(model.tables.map((t) => [`${t.schema}.${t.name}`, t]));
  const touched = new Map<string, Table>();
  for (const s of steps) {
    // Display names are `schema.table[.sub]`; try the longest table prefix first.
    const parts = s.object.split('.');
    for (let n = parts.length; n >= 2; n--) {
      const t = byName.get(parts.slice(0, n).join('.'));
      if (t) {
        touched.set(`${t.schema}.${t.name}`, t);
        break;
      }
    }
  }
  return [...touched.values()];
}

/**
 * A Mermaid entity-relationship diagram (GitHub renders it in the pull-request comment) of the
 * tables the plan touches as they will be: their columns with PK/FK/UK marks, and their foreign
 * keys, to tables outside the plan too (shown without columns). Null when no table is touched;
 * a note instead of the diagram beyond `MAX_DIAGRAM_TABLES`.
 */
export function renderErDiagram(steps: readonly Step[], target: DatabaseModel): string[] | null {
  const tables = touchedTables(steps, target);
  if (tables.length === 0) return null;
  if (tables.length > MAX_DIAGRAM_TABLES) {
    return [`${tables.length} tables change: too many for a diagram (at most ${MAX_DIAGRAM_TABLES}).`];
  }
  const out = ['```mermaid', 'erDiagram'];
  const relations: string[] = [];
  for (const t of tables) {
    const pk = new Set(t.constraints.flatMap((c) => (c.kind === 'primary_key' ? c.columns : [])));
    const fk = new Set(t.constraints.flatMap((c) => (c.kind === 'foreign_key' ? c.columns : [])));
    const uk = new Set(t.constraints.flatMap((c) => (c.kind === 'unique' && c.columns.length === 1 ? c.columns : [])));
    out.push(`  ${entity(t.schema, t.name)} {`);
    for (const c of t.columns) {
      const marks = [pk.has(c.name) ? 'PK' : null, fk.has(c.name) ? 'FK' : null, uk.has(c.name) ? 'UK' : null].filter((m) => m !== null);
      out.push(`    ${word(c.type)} ${word(c.name)}${marks.length ? ` ${marks.join(', ')}` : ''}`);
    }
    out.push('  }');
    for (const c of t.constraints) {
      if (c.kind !== 'foreign_key') continue;
      const optional = c.columns.some((name) => !t.columns.find((col) => col.name === name)?.notNull);
      relations.push(`  ${entity(t.schema, t.name)} }o--${optional ? 'o|' : '||'} ${entity(c.references.schema, c.references.table)} : ${label(c.name)}`);
    }
  }
  out.push(...relations, '```');
  return out;
}
