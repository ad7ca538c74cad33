import { describe, expect, it } from 'vitest';
import { jsonDataProblem, MAX_NESTING } from '../../src/definition/json-data.js';

/** `levels` objects, each holding the next twice: 2^levels paths to the innermost. */
function sharedTwice(levels: number, inner: unknown): unknown {
  let value = inner;
  for (let i = 0; i < levels; i++) value = { l: value, r: value };
  return value;
}

function nestedArrays(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 1; i < depth; i++) value = [value];
  return [value];
}

/** A cycle reachable by two paths back to the root (the diamond that hung the intrinsic search). */
function diamond(): Record<string, unknown> {
  const root: Record<string, unknown> = { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } };
  root['self'] = root;
  (root['States'] as { A: Record<string, unknown> }).A['Parameters'] = { x: root };
  return root;
}

describe('jsonDataProblem', () => {
  it.each<[string, unknown, ReturnType<typeof jsonDataProblem>]>([
    ['a definition', { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }, undefined],
    ['a scalar', 5, undefined],
    ['null', null, undefined],
    ['an object shared by two places', ((x) => ({ a: x, b: [x, x] }))({ k: [1, 2] }), undefined],
    ['a cycle through itself', ((o: Record<string, unknown>) => ((o['me'] = o), o))({}), { kind: 'circular', pointer: '/me', target: '' }],
    ['a cycle with two paths back to the root', diamond(), { kind: 'circular', pointer: '/States/A/Parameters/x', target: '' }],
    [
      'a cycle below the root',
      ((inner: Record<string, unknown>) => ((inner['up'] = [inner]), { a: { b: inner } }))({}),
      { kind: 'circular', pointer: '/a/b/up/0', target: '/a/b' },
    ],
    ['nesting at the limit', nestedArrays(MAX_NESTING), undefined],
    ['nesting over the limit', nestedArrays(MAX_NESTING + 1), { kind: 'deep', pointer: '/0'.repeat(MAX_NESTING) }],
    ['2^60 paths to one small object', sharedTwice(60, { a: 1 }), { kind: 'large', limit: 1e6 }],
  ])('%s', (_, value, expected) => {
    expect(jsonDataProblem(value, 1e6)).toEqual(expected);
  });

  it('measures a shared object each time it is written, as JSON.stringify would write it', () => {
    const value = sharedTwice(3, { a: 'xy', n: [1, null, true] });
    const length = JSON.stringify(value).length;
    expect(jsonDataProblem(value, length)).toBeUndefined();
    expect(jsonDataProblem(value, length - 1)).toEqual({ kind: 'large', limit: length - 1 });
  });

  it('ends quickly on a DAG with heavy sharing, and on a cycle reached by 2^40 paths', () => {
    const started = performance.now();
    expect(jsonDataProblem(sharedTwice(500, 'x'), 4 << 20)).toEqual({ kind: 'large', limit: 4 << 20 });
    const root: Record<string, unknown> = {};
    root['next'] = sharedTwice(40, [root]);
    expect(jsonDataProblem(root, 4 << 20)).toEqual({ kind: 'circular', pointer: `/next${'/l'.repeat(40)}/0`, target: '' });
    expect(performance.now() - started).toBeLessThan(500);
  });
});
