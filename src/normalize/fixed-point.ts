import type { DatabaseModel } from '../model/database.ts';
import { fingerprint } from '../model/fingerprint.ts';
import { annotatedLike, cachedFixedPoint, normalizeModel, normalizeWithStats, rememberFixedPoint, rememberNormalized, type NormalizeOptions } from './normalize.ts';
import { expressionProbe, withProbedExpressions } from './expression-probe.ts';

/**
 * The desired state in its normalized form, to a fixed point. PostgreSQL's deparsed text is not
 * always a fixed point (`varchar_col IN (...)` reads back as an ARRAY cast that deparses
 * differently again): a database built from the plan is read back and normalized once more, so
 * the desired state takes that second form too.
 *
 * YAML already in the engine's form (pulled from it) comes back unchanged from the first pass: it
 * is the fixed point. Otherwise only deparsed expressions can move again, so the second pass reads
 * them back from a reduced state (expression-probe.ts), and the result is remembered as the
 * normalized form of the once-normalized state (which is what a database built from this plan
 * reads back as, so its next comparison finds it cached). Should the reduced state not load, the
 * whole state is normalized again instead. The fixed point itself is cached by the state's content,
 * so an unchanged schema costs one read.
 */
export async function normalizeToFixedPoint(raw: DatabaseModel, opts: NormalizeOptions): Promise<DatabaseModel> {
  const cached = await cachedFixedPoint(raw, opts);
  if (cached) return cached;
  const first = await normalizeWithStats(raw, opts);
  const once = first.model;
  if (fingerprint(once) === fingerprint(raw)) {
    await rememberFixedPoint(raw, first.plain, opts);
    return once;
  }
  const { sources: _positions, ...again } = opts; // positions belong to the YAML, not to this text
  const probe = await normalizeWithStats(expressionProbe(once, raw), { ...again, wholeCache: false }).catch(() => null);
  if (!probe) return normalizeModel(once, again);
  const plain = withProbedExpressions(first.plain, probe.plain);
  await rememberNormalized(once, plain, again);
  await rememberFixedPoint(raw, plain, opts);
  return annotatedLike(plain, once);
}
