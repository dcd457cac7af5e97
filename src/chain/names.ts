import { UserError } from '../errors.ts';

/** What a file in the plans folder is, by its name. */
export type PlanFileRole = 'up' | 'down' | 'markdown';

export interface PlanFileName {
  readonly number: number;
  /** The name given to `plan --save`, e.g. `add_sku`. */
  readonly name: string;
  readonly role: PlanFileRole;
}

const NAME = /^[a-z0-9_]+$/;
const MAX_NAME_LENGTH = 60;
const FILE = /^(\d{4,})_([a-z0-9_]+)(\.down\.sql|\.sql|\.md)$/;

/** The checksum file beside the plans, like a lock file. */
export const CHECKSUM_FILE = 'pgform.sum';

/** `plan --save NAME`: lowercase letters, digits and underscores, so file names sort and travel well. */
export function validatePlanName(name: string): string {
  if (!NAME.test(name) || name.length > MAX_NAME_LENGTH) {
    throw new UserError(
      `invalid plan name \`${name}\`: use lowercase letters, digits and underscores (at most ${MAX_NAME_LENGTH}), e.g. add_order_notes`,
    );
  }
  return name;
}

/** `0003_add_sku`: the plan's id, the stem of its three files. */
export function planId(number: number, name: string): string {
  return `${String(number).padStart(4, '0')}_${name}`;
}

export function upFile(id: string): string {
  return `${id}.sql`;
}

export function downFile(id: string): string {
  return `${id}.down.sql`;
}

export function markdownFile(id: string): string {
  return `${id}.md`;
}

/** Null for a file that is not one of a plan's files. */
export function parsePlanFileName(file: string): PlanFileName | null {
  const m = FILE.exec(file);
  if (!m) return null;
  const role: PlanFileRole = m[3] === '.sql' ? 'up' : m[3] === '.down.sql' ? 'down' : 'markdown';
  return { number: Number(m[1]), name: m[2]!, role };
}

/** `--baseline 3`, `--down-to 0003`: a plan number. */
export function parsePlanNumber(text: string, option: string): number {
  if (!/^\d+$/.test(text.trim())) throw new UserError(`${option} takes a plan number, e.g. 0003`);
  return Number(text.trim());
}
