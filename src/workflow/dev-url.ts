import { majorVersion, serverVersionNum, type Connection } from '../db/connection.ts';
import { embeddedServer } from '../db/embedded-server.ts';

/** `--dev-url embedded`: normalize on a server pgform starts, of the live database's major version. */
export const EMBEDDED_DEV_URL = 'embedded';

/** The scratch server URL for this live database: `embedded` becomes the URL of that server. */
export async function resolveDevUrl(devUrl: string | null, live: Connection): Promise<string | null> {
  if (devUrl !== EMBEDDED_DEV_URL) return devUrl;
  return (await embeddedServer(majorVersion(await serverVersionNum(live)))).url;
}
