import type { Connection } from '../db/connection.ts';
import { majorVersion, serverVersionNum } from '../db/connection.ts';
import type { DatabaseModel } from '../model/database.ts';
import { fingerprint } from '../model/fingerprint.ts';
import { introspect } from '../introspect/index.ts';
import { normalizeModel } from '../normalize/normalize.ts';
import type { SourcePosition } from '../model/source.ts';
import { UserError } from '../errors.ts';

/** Where normalization happens and caches. */
export interface Workspace {
  readonly cacheDir: string | null;
  readonly devUrl: string | null;
  /** Told about choices the user should know of (stderr in the CLI). */
  readonly note?: (message: string) => void;
}

export interface ComparedStates {
  /** The live state as introspected. */
  readonly liveRaw: DatabaseModel;
  /** The live state in the same canonical form as `desired` (see `comparableLive`). */
  readonly live: DatabaseModel;
  readonly desired: DatabaseModel;
  readonly sourceFingerprint: string;
  readonly targetFingerprint: string;
}

export async function desiredState(
  raw: DatabaseModel,
  managedSchemas: readonly string[],
  ws: Workspace,
  sources?: ReadonlyMap<string, SourcePosition>,
): Promise<DatabaseModel> {
  return normalizeModel(raw, { cacheDir: ws.cacheDir, devUrl: ws.devUrl, managedSchemas, sources });
}

/**
 * PostgreSQL deparses expressions differently across major versions. When the live database is not
 * the scratch engine's version, its state is put through the scratch engine as well, so both sides
 * of the diff are in one engine's canonical form (cached by content, so it costs once per state).
 */
export async function comparableLive(
  conn: Connection,
  liveRaw: DatabaseModel,
  managedSchemas: readonly string[],
  ws: Workspace,
): Promise<DatabaseModel> {
  if (conn.engine === 'pglite' && !ws.devUrl) return liveRaw;
  if (conn.engine === 'postgres' && ws.devUrl) {
    const { scratchEngineId } = await import('../normalize/scratch.ts');
    const scratchEngine = await scratchEngineId({ devUrl: ws.devUrl });
    if (scratchEngine === `postgres-${majorVersion(await serverVersionNum(conn))}`) return liveRaw;
  }
  try {
    return await normalizeModel(liveRaw, { cacheDir: ws.cacheDir, devUrl: ws.devUrl, managedSchemas });
  } catch (e) {
    throw new UserError(
      `cannot bring the live state into the scratch engine's canonical form: ${(e as Error).message}\n` +
        'give --dev-url with a scratch database on a server of the live version',
    );
  }
}

export async function compareStates(
  conn: Connection,
  desired: DatabaseModel,
  managedSchemas: readonly string[],
  ws: Workspace,
): Promise<ComparedStates> {
  const liveRaw = await introspect(conn, { schemas: managedSchemas });
  const live = await comparableLive(conn, liveRaw, managedSchemas, ws);
  return { liveRaw, live, desired, sourceFingerprint: fingerprint(live), targetFingerprint: fingerprint(desired) };
}

/** The live fingerprint as plans record it (in the comparison form). */
export async function liveFingerprint(conn: Connection, managedSchemas: readonly string[], ws: Workspace): Promise<string> {
  const liveRaw = await introspect(conn, { schemas: managedSchemas });
  return fingerprint(await comparableLive(conn, liveRaw, managedSchemas, ws));
}
