import type { Step } from './step.ts';

function describe(s: Step): string {
  return `${s.operation} ${s.kind} ${s.object}`;
}

/** Edges between steps: `after[i]` lists the steps that must run before step i. */
function dependencies(steps: readonly Step[]): number[][] {
  const providers = new Map<string, number[]>();
  const removers = new Map<string, number[]>();
  const add = (m: Map<string, number[]>, k: string, i: number) => {
    const l = m.get(k);
    if (l) l.push(i);
    else m.set(k, [i]);
  };
  steps.forEach((s, i) => {
    for (const k of s.provides ?? []) add(providers, k, i);
    for (const k of s.removes ?? []) add(removers, k, i);
  });
  return steps.map((s, i) => {
    const before = new Set<number>();
    for (const k of s.requires ?? []) for (const j of providers.get(k) ?? []) if (j !== i) before.add(j);
    for (const k of s.requiresRemoved ?? []) for (const j of removers.get(k) ?? []) if (j !== i) before.add(j);
    return [...before];
  });
}

/** A cycle among the given unfinished steps, as indexes in order. */
function findCycle(after: readonly number[][], pending: ReadonlySet<number>): number[] {
  const state = new Map<number, 'visiting' | 'done'>();
  const stack: number[] = [];
  const visit = (i: number): number[] | null => {
    state.set(i, 'visiting');
    stack.push(i);
    for (const j of after[i]!) {
      if (!pending.has(j)) continue;
      if (state.get(j) === 'visiting') return stack.slice(stack.indexOf(j));
      if (!state.has(j)) {
        const c = visit(j);
        if (c) return c;
      }
    }
    stack.pop();
    state.set(i, 'done');
    return null;
  };
  for (const i of [...pending].sort((a, b) => a - b)) {
    if (state.has(i)) continue;
    const c = visit(i);
    if (c) return c.reverse();
  }
  return [...pending];
}

/**
 * Orders steps so that every step runs after the steps providing what it requires and removing
 * what it requires removed. Among steps free to run, the lowest phase goes first, then the
 * earliest in the input: the result depends only on the input. Throws on a cycle, naming it.
 */
export function orderSteps(steps: readonly Step[]): Step[] {
  const after = dependencies(steps);
  const waitingOn = after.map((l) => l.length);
  const unlocks: number[][] = steps.map(() => []);
  after.forEach((l, i) => l.forEach((j) => unlocks[j]!.push(i)));
  const before = (a: number, b: number) => steps[a]!.phase - steps[b]!.phase || a - b;

  const ready: number[] = [];
  const insert = (i: number) => {
    let lo = 0;
    let hi = ready.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(ready[mid]!, i) < 0) lo = mid + 1;
      else hi = mid;
    }
    ready.splice(lo, 0, i);
  };
  waitingOn.forEach((n, i) => n === 0 && insert(i));

  const out: Step[] = [];
  const pending = new Set(steps.map((_, i) => i));
  while (ready.length > 0) {
    const i = ready.shift()!;
    pending.delete(i);
    out.push(steps[i]!);
    for (const j of unlocks[i]!) if (--waitingOn[j]! === 0) insert(j);
  }
  if (pending.size > 0) {
    const cycle = findCycle(after, pending);
    throw new Error(`the plan's steps depend on each other in a cycle: ${cycle.map((i) => describe(steps[i]!)).join(' -> ')}`);
  }
  return out;
}
