import type { Connection } from '../db/connection.ts';
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
 * The live state in the same canonical form as the desired one. PostgreSQL's deparsed text is not
 * always a fixed point (a CHECK written as `role IN ('a', 'b')` on a varchar column reads back as
 * an ARRAY cast that parses differently again), and it differs across major versions. So the live
 * state goes through the scratch engine too, exactly like the YAML: both sides of the diff are
 * then texts that engine produced from deparsed SQL. Cached by content, so it costs once per state.
 */
export async function comparableLive(
  conn: Connection,
  liveRaw: DatabaseModel,
  managedSchemas: readonly string[],
  ws: Workspace,
): Promise<DatabaseModel> {
  try {
    return await normalizeModel(liveRaw, { cacheDir: ws.cacheDir, devUrl: ws.devUrl, managedSchemas });
  } catch (e) {
    const sameEngine = conn.engine === 'pglite' && !ws.devUrl;
    if (sameEngine) {
      ws.note?.(`note: comparing the live state as read (it could not be recreated in a scratch database: ${(e as Error).message.split('\n')[0]})`);
      return liveRaw;
    }
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
