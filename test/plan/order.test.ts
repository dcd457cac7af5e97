import { describe, expect, it } from 'vitest';
import { orderSteps } from '../../src/plan/order.ts';
import type { Step } from '../../src/plan/step.ts';

function s(object: string, phase: number, edges: Partial<Step> = {}): Step {
  return { kind: 'table', object, operation: 'create', sql: `-- ${object}`, hazards: [], transactional: true, phase, ...edges };
}

const names = (steps: readonly Step[]) => steps.map((x) => x.object);

describe('orderSteps', () => {
  it('orders by phase, then input order, when no edge decides', () => {
    expect(names(orderSteps([s('b', 20), s('a', 10), s('c', 20)]))).toEqual(['a', 'b', 'c']);
  });

  it('lets requires/provides override phases', () => {
    const steps = [s('needs-x', 10, { requires: ['x'] }), s('makes-x', 50, { provides: ['x'] })];
    expect(names(orderSteps(steps))).toEqual(['makes-x', 'needs-x']);
  });

  it('lets requiresRemoved/removes override phases', () => {
    const steps = [s('after-gone', 10, { requiresRemoved: ['x'] }), s('removes-x', 50, { removes: ['x'] })];
    expect(names(orderSteps(steps))).toEqual(['removes-x', 'after-gone']);
  });

  it('ignores requirements nothing provides (the object already exists)', () => {
    expect(names(orderSteps([s('a', 10, { requires: ['elsewhere'] })]))).toEqual(['a']);
  });

  it('is deterministic', () => {
    const steps = Array.from({ length: 30 }, (_, i) => s(`s${i}`, (i * 7) % 5, i % 3 === 0 ? { provides: [`k${i}`] } : { requires: [`k${i - 1}`] }));
    expect(names(orderSteps(steps))).toEqual(names(orderSteps(steps)));
  });

  it('throws on a cycle, naming its steps', () => {
    const steps = [s('a', 10, { provides: ['a'], requires: ['b'] }), s('b', 10, { provides: ['b'], requires: ['a'] }), s('c', 5)];
    expect(() => orderSteps(steps)).toThrow(/cycle: .*create table a.*create table b|cycle: .*create table b.*create table a/);
  });
});
