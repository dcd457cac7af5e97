import type { Connection } from '../db/connection.ts';
import type { Plan } from '../plan/plan.ts';
import type { Step } from '../plan/step.ts';
import { RETENTION_CUT_PREFIX } from '../diff/timescale.ts';

/** `add_retention_policy('<relation>'::regclass, drop_after => <amount>[, schedule_interval => ...])` as the diff writes it. */
const POLICY_SQL = /^SELECT add_retention_policy\(('(?:[^']|'')*'::regclass), drop_after => (INTERVAL '(?:[^']|'')*'|-?\d+)(?:, schedule_interval => INTERVAL '(?:[^']|'')*')?\)$/;

/**
 * A retention policy that keeps less than before drops chunks at its first run: the live database
 * says how many rows and chunks that is now, and the step's data_loss hazard says it too.
 */
export async function withRetentionCounts(conn: Connection, plan: Plan): Promise<Plan> {
  if (!plan.steps.some(isCut)) return plan;
  const steps: Step[] = [];
  for (const s of plan.steps) steps.push(isCut(s) ? await counted(conn, s) : s);
  return { ...plan, steps };
}

function isCut(s: Step): boolean {
  return POLICY_SQL.test(s.sql) && s.hazards.some((h) => h.kind === 'data_loss' && h.message.startsWith(RETENTION_CUT_PREFIX));
}

async function counted(conn: Connection, s: Step): Promise<Step> {
  const [, relation, dropAfter] = POLICY_SQL.exec(s.sql)!;
  let now: string;
  try {
    // The arguments are the step's own (quoted by the diff); show_chunks applies drop_chunks' rule.
    const chunks = await conn.query<{ chunk: string }>(`SELECT c::text AS chunk FROM show_chunks(${relation}, older_than => ${dropAfter}) c`);
    let rows = 0;
    for (const c of chunks) {
      // regclass::text is quoted where needed.
      rows += Number((await conn.query<{ n: string }>(`SELECT count(*) AS n FROM ${c.chunk}`))[0]!.n);
    }
    now = `now: ${rows} row${rows === 1 ? '' : 's'} in ${chunks.length} chunk${chunks.length === 1 ? '' : 's'}`;
  } catch {
    return s; // a relation that is not a hypertable yet (created in this plan) has no chunks to count
  }
  return { ...s, hazards: s.hazards.map((h) => (h.kind === 'data_loss' && h.message.startsWith(RETENTION_CUT_PREFIX) ? { ...h, message: `${h.message}; ${now}` } : h)) };
}
