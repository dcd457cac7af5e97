import type { Connection } from '../db/connection.ts';
import { AGGREGATE_OPTIONS, type Aggregate } from '../model/aggregate.ts';
import { commentOf, inScope, notExtensionMember, scopeParams, type Scope } from './scope.ts';

interface AggregateRow {
  readonly schema: string;
  readonly name: string;
  readonly arguments: string;
  readonly identity: string;
  /** Every option, null where unset; flags as 'true'. */
  readonly options: Readonly<Record<string, string | null>>;
  readonly comment: string | null;
}

/** A function's name as CREATE AGGREGATE takes it: bare in pg_catalog, else qualified. */
const fn = (oid: string) => `(SELECT CASE WHEN fn.nspname = 'pg_catalog' THEN pg_catalog.quote_ident(fp.proname)
    ELSE pg_catalog.quote_ident(fn.nspname) || '.' || pg_catalog.quote_ident(fp.proname) END
  FROM pg_catalog.pg_proc fp JOIN pg_catalog.pg_namespace fn ON fn.oid = fp.pronamespace
  WHERE fp.oid = ${oid} AND ${oid} <> 0)`;
const modify = (col: string, kind: string) =>
  `CASE WHEN ${col} <> (CASE WHEN ${kind} = 'n' THEN 'r' ELSE 'w' END)
     THEN (CASE ${col} WHEN 'r' THEN 'read_only' WHEN 's' THEN 'shareable' ELSE 'read_write' END) END`;

/**
 * User aggregates with every option CREATE AGGREGATE has (from pg_aggregate); options at their
 * defaults are null, so the model lists only what differs.
 */
export const AGGREGATES_SQL = `
SELECT n.nspname AS schema, p.proname AS name,
  pg_catalog.pg_get_function_arguments(p.oid) AS arguments,
  pg_catalog.pg_get_function_identity_arguments(p.oid) AS identity,
  pg_catalog.json_build_object(
    'sfunc', ${fn('a.aggtransfn')},
    'stype', pg_catalog.format_type(a.aggtranstype, NULL),
    'sspace', CASE WHEN a.aggtransspace <> 0 THEN a.aggtransspace::text END,
    'finalfunc', ${fn('a.aggfinalfn')},
    'finalfunc_extra', CASE WHEN a.aggfinalextra THEN 'true' END,
    'finalfunc_modify', CASE WHEN a.aggfinalfn <> 0 THEN ${modify('a.aggfinalmodify', 'a.aggkind')} END,
    'combinefunc', ${fn('a.aggcombinefn')},
    'serialfunc', ${fn('a.aggserialfn')},
    'deserialfunc', ${fn('a.aggdeserialfn')},
    'initcond', a.agginitval,
    'msfunc', ${fn('a.aggmtransfn')},
    'minvfunc', ${fn('a.aggminvtransfn')},
    'mstype', CASE WHEN a.aggmtranstype <> 0 THEN pg_catalog.format_type(a.aggmtranstype, NULL) END,
    'msspace', CASE WHEN a.aggmtransspace <> 0 THEN a.aggmtransspace::text END,
    'mfinalfunc', ${fn('a.aggmfinalfn')},
    'mfinalfunc_extra', CASE WHEN a.aggmfinalextra THEN 'true' END,
    'mfinalfunc_modify', CASE WHEN a.aggmfinalfn <> 0 THEN ${modify('a.aggmfinalmodify', 'a.aggkind')} END,
    'minitcond', a.aggminitval,
    'sortop', (SELECT 'OPERATOR(' || pg_catalog.quote_ident(opn.nspname) || '.' || op.oprname || ')'
       FROM pg_catalog.pg_operator op JOIN pg_catalog.pg_namespace opn ON opn.oid = op.oprnamespace
       WHERE op.oid = a.aggsortop AND a.aggsortop <> 0),
    'parallel', CASE p.proparallel WHEN 's' THEN 'safe' WHEN 'r' THEN 'restricted' END,
    'hypothetical', CASE WHEN a.aggkind = 'h' THEN 'true' END
  ) AS options,
  ${commentOf('pg_proc', 'p.oid')} AS comment
FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
JOIN pg_catalog.pg_aggregate a ON a.aggfnoid = p.oid
WHERE p.prokind = 'a' AND ${inScope('n')} AND ${notExtensionMember('pg_proc', 'p.oid')}
ORDER BY n.nspname, p.proname, identity`;

export function aggregateFromRow(row: AggregateRow): Aggregate {
  const options: Record<string, string> = {};
  for (const k of AGGREGATE_OPTIONS) {
    const v = row.options[k];
    if (v !== null && v !== undefined) options[k] = v;
  }
  return { schema: row.schema, name: row.name, arguments: row.arguments, identityArguments: row.identity, options, comment: row.comment };
}

export async function introspectAggregates(conn: Connection, scope: Scope): Promise<Aggregate[]> {
  return (await conn.queryReused<AggregateRow>(AGGREGATES_SQL, scopeParams(scope))).map(aggregateFromRow);
}
