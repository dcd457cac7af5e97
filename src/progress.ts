/**
 * Phases that can take a while (loading YAML, reading a database, normalizing, replaying plans)
 * announce themselves here; the CLI shows them on stderr (src/cli/terminal.ts). Without a sink,
 * as in tests and library use, announcing costs nothing.
 */
export type PhaseSink = (label: string) => () => void;

let sink: PhaseSink | null = null;

export function setPhaseSink(next: PhaseSink | null): void {
  sink = next;
}

/** Starts a phase; call the returned function when it ends (synchronous phases too). */
export function startPhase(label: string): () => void {
  return sink ? sink(label) : () => undefined;
}

/** `work` as a phase. */
export async function inPhase<T>(label: string, work: () => Promise<T>): Promise<T> {
  const done = startPhase(label);
  try {
    return await work();
  } finally {
    done();
  }
}
