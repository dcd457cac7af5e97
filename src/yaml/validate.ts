import type { ErrorObject } from 'ajv';
import { formatPath, locate, sourceText } from './documents.ts';
import type { KeyPath, ParsedDocument, Segment } from './documents.ts';
import type { Problem } from './problems.ts';
import { closest } from './suggest.ts';
import { schemaValidator } from './schema-validator.ts';

/** Checks one document against the JSON Schema; every violation becomes a problem at its node. */
export function validateDocument(d: ParsedDocument): Problem[] {
  if (d.value === null || d.value === undefined) return []; // an empty document declares nothing
  const validate = schemaValidator();
  if (validate(d.value)) return [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const e of validate.errors ?? []) {
    const p = toProblem(d, e);
    if (p === null) continue;
    const id = `${p.line}:${p.column}:${p.message}`;
    if (!seen.has(id)) problems.push(p);
    seen.add(id);
  }
  return problems;
}

/** JSON pointer -> key path; list indexes become numbers by looking at the data. */
function pathOf(value: unknown, pointer: string): Segment[] {
  const path: Segment[] = [];
  let cur = value;
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) {
      const i = Number(seg);
      path.push(i);
      cur = cur[i];
    } else {
      path.push(seg);
      cur = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg] : undefined;
    }
  }
  return path;
}

function problemAt(d: ParsedDocument, path: KeyPath, part: 'key' | 'value', message: string): Problem {
  const at = locate(d, path, part);
  return { file: d.file, line: at.line, column: at.column, path: formatPath(path), message };
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'a string',
  object: 'a mapping',
  array: 'a list',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean (true or false)',
  null: 'empty',
};

function expectedTypes(types: readonly string[]): string {
  if (types.length === 1 && types[0] === 'boolean') return 'true or false';
  const names = types.map((t) => TYPE_NAMES[t] ?? t);
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/** What to write instead, for the usual slips: `version: 1.10`, `not_null: yes`, `primary_key: id`. */
function typeHint(types: readonly string[], data: unknown, src: string | null): string {
  if (src === null) return '';
  if (types.length === 1 && types[0] === 'string' && (typeof data === 'number' || typeof data === 'boolean')) {
    return ` (quote it: "${src}")`;
  }
  if (types.includes('boolean') && typeof data === 'string' && /^(yes|no|on|off|y|n)$/i.test(data)) {
    return ` (\`${data}\` is text in YAML 1.2: write ${/^(yes|on|y)$/i.test(data) ? 'true' : 'false'})`;
  }
  if (types.includes('array') && typeof data === 'string') return ` (a list: [${src}])`;
  return '';
}

function toProblem(d: ParsedDocument, e: ErrorObject): Problem | null {
  const path = pathOf(d.value, e.instancePath);
  switch (e.keyword) {
    case 'if':
      return null; // the failing `then` branch is reported on its own
    case 'additionalProperty':
    case 'additionalProperties': {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      const allowed = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const suggestion = closest(key, allowed);
      // `{ type: numeric(12,2) }` splits at the comma, leaving a key like `2)`.
      const splitAtComma = /^[^(]*\)/.test(key);
      const hint = splitAtComma
        ? ' (a comma inside `{ ... }` separates entries: quote values that contain commas, e.g. "numeric(12,2)")'
        : suggestion !== null
          ? ` (did you mean \`${suggestion}\`?)`
          : allowed.length > 0
            ? `; expected one of: ${allowed.join(', ')}`
            : '';
      return problemAt(d, [...path, key], 'key', `unknown key \`${key}\`${hint}`);
    }
    case 'required': {
      const key = (e.params as { missingProperty: string }).missingProperty;
      return problemAt(d, path, 'key', `missing required key \`${key}\``);
    }
    case 'type': {
      const t = (e.params as { type: string | string[] }).type;
      const types = Array.isArray(t) ? t : t.split(',');
      const message = `must be ${expectedTypes(types)}${typeHint(types, e.data, sourceText(d, path))}`;
      return problemAt(d, path, 'value', message);
    }
    case 'enum': {
      const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
      const suggestion = typeof e.data === 'string' ? closest(e.data, allowed) : null;
      const hint = suggestion !== null ? ` (did you mean \`${suggestion}\`?)` : '';
      return problemAt(d, path, 'value', `must be one of: ${allowed.join(', ')}${hint}`);
    }
    case 'pattern':
      return problemAt(d, path, 'value', 'must be an integer');
    case 'minLength':
    case 'minItems':
      return problemAt(d, path, 'value', 'must not be empty');
    default:
      return problemAt(d, path, 'value', e.message ?? `fails ${e.keyword}`);
  }
}
