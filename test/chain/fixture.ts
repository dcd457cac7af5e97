/** A project with a chain of three saved plans, shared by the chain tests. */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSchemaFiles } from '../../src/yaml/load.ts';
import type { DesiredInput } from '../../src/workflow/desired.ts';
import type { Workspace } from '../../src/workflow/states.ts';
import { DEFAULT_SETTINGS } from '../../src/plan/plan.ts';
import { savePlan } from '../../src/chain/save.ts';

export const V1 = `tables:
  items:
    columns:
      id: { type: bigint, primary_key: true }
      name: { type: text, not_null: true }
      price: numeric(10,2)
`;
/** Adds a table: the second plan creates it. */
export const V2 = `${V1}  tags:
    columns:
      id: { type: bigint, primary_key: true }
      label: text
`;
/** Replaces items.price by items.sku: the third plan loses data, and so does its reverse. */
export const V3 = V2.replace('      price: numeric(10,2)\n', '      sku: varchar(40)\n');

/** V2 written by hand: a database built from plain SQL at the second plan's state. */
export const V2_SQL = `CREATE TABLE items (id bigint PRIMARY KEY, name text NOT NULL, price numeric(10,2));
CREATE TABLE tags (id bigint PRIMARY KEY, label text);`;

export const PLAN_IDS = ['0001_create_items', '0002_add_tags', '0003_sku_for_price'] as const;

export function desired(yaml: string): DesiredInput {
  return { loaded: loadSchemaFiles([{ path: 'schema.yaml', text: yaml }]), managedSchemas: ['public'] };
}

export function workspace(): Workspace {
  return { cacheDir: mkdtempSync(join(tmpdir(), 'pgform-chain-cache-')), devUrl: null };
}

/** A plans folder holding the three plans V1, V2, V3 (a minute of work: build it once per file). */
export async function buildChain(ws: Workspace, settings = DEFAULT_SETTINGS): Promise<string> {
  const dir = join(mkdtempSync(join(tmpdir(), 'pgform-chain-')), 'plans');
  const names = ['create_items', 'add_tags', 'sku_for_price'];
  for (const [i, yaml] of [V1, V2, V3].entries()) {
    const saved = await savePlan({ dir, name: names[i]!, input: desired(yaml), ws, settings });
    if (!saved) throw new Error(`nothing saved for ${names[i]}`);
  }
  return dir;
}

/** A copy of a plans folder to break in one test. */
export function copyChain(dir: string): string {
  const copy = join(mkdtempSync(join(tmpdir(), 'pgform-chain-copy-')), 'plans');
  mkdirSync(copy, { recursive: true });
  cpSync(dir, copy, { recursive: true });
  return copy;
}

/** A project folder (schema/ with one YAML file) around a copy of a plans folder. */
export function projectWith(plansDir: string, yaml: string): string {
  const root = mkdtempSync(join(tmpdir(), 'pgform-chain-project-'));
  mkdirSync(join(root, 'schema'));
  writeFileSync(join(root, 'schema', 'schema.yaml'), yaml);
  cpSync(plansDir, join(root, 'plans'), { recursive: true });
  return root;
}
