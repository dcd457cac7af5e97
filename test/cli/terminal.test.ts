import { afterEach, describe, expect, it } from 'vitest';
import { colourDrift, colourHazards, setQuiet, showPhase } from '../../src/cli/terminal.ts';

const PLAN = [
  '-- step 1/2: alter column public.t.total',
  '--   hazards: table_rewrite (the table is rewritten)',
  '--            data_loss (values may not fit)',
  'ALTER TABLE "public"."t" ALTER COLUMN "total" TYPE numeric(10,2);',
  '-- step 2/2: create index public.t.i',
  '--   hazards: none',
].join('\n');

const ttyBefore = process.stdout.isTTY;
const noColorBefore = process.env.NO_COLOR;
afterEach(() => {
  process.stdout.isTTY = ttyBefore;
  if (noColorBefore === undefined) delete process.env.NO_COLOR;
  else process.env.NO_COLOR = noColorBefore;
  setQuiet(false);
});

describe('terminal output', () => {
  it('colours hazard lines and drift lines on a terminal only, never with NO_COLOR', () => {
    process.stdout.isTTY = true;
    delete process.env.NO_COLOR;
    const lines = colourHazards(PLAN).split('\n');
    expect(lines.filter((l) => l.includes('\x1b['))).toEqual([expect.stringContaining('table_rewrite'), expect.stringContaining('data_loss')]);
    const drift = colourDrift('drift: 1 object(s)\n    - notNull: false\n    + notNull: true\n');
    expect(drift).toContain('\x1b[31m    - notNull: false\x1b[0m\n\x1b[32m    + notNull: true\x1b[0m');
    process.env.NO_COLOR = '1';
    expect(colourHazards(PLAN)).toBe(PLAN);
    delete process.env.NO_COLOR;
    process.stdout.isTTY = false;
    expect(colourHazards(PLAN)).toBe(PLAN);
  });

  it('reports a phase that ran over a second on stderr, and nothing with --quiet', () => {
    const written: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    const tty = process.stderr.isTTY;
    process.stderr.isTTY = false;
    process.stderr.write = ((chunk: string) => written.push(String(chunk)) > 0) as typeof process.stderr.write;
    try {
      const busy = (ms: number) => {
        const end = performance.now() + ms;
        while (performance.now() < end);
      };
      showPhase('quick')();
      const done = showPhase('loading schema');
      busy(1050);
      done();
      setQuiet(true);
      const quiet = showPhase('quiet one');
      busy(1050);
      quiet();
    } finally {
      process.stderr.write = write;
      process.stderr.isTTY = tty;
    }
    expect(written).toEqual([expect.stringMatching(/^loading schema: done in 1\.\d s\n$/)]);
  });
});
