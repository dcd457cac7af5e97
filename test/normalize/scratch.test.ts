import { describe, expect, it } from 'vitest';
import { openScratch } from '../../src/normalize/scratch.ts';
import { openPglite } from '../../src/db/pglite.ts';

describe('the embedded scratch instance', () => {
  it('keeps a small buffer pool (its pages count in the process memory); an embedded database keeps the default', async () => {
    const scratch = await openScratch({ cacheDir: null, extensions: [] });
    try {
      expect(await scratch.conn.query('SHOW shared_buffers')).toEqual([{ shared_buffers: '16MB' }]);
      // The build's own start parameters still apply.
      expect(await scratch.conn.query('SHOW max_worker_processes')).toEqual([{ max_worker_processes: '0' }]);
    } finally {
      await scratch.dispose();
    }
    const db = await openPglite({ dataDir: null });
    try {
      expect(await db.query('SHOW shared_buffers')).toEqual([{ shared_buffers: '128MB' }]);
    } finally {
      await db.close();
    }
  });
});
