/**
 * The direct JSONata evaluator must agree with jsonata itself on every input: same value, or
 * the same QueryEvaluationError (it falls back to jsonata for everything off its happy path).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileJsonataTemplate } from '../../../src/expressions/jsonata/index.js';
import type { JsonataBindings } from '../../../src/expressions/jsonata/index.js';
import { FALLBACK, fastExpression } from '../../../src/expressions/jsonata/fast.js';
import { jsonataTemplate } from '../../../src/interpreter/io/jsonata.js';

function bindings(input: unknown, variables: Record<string, unknown> = {}): JsonataBindings {
  return { states: { input, context: { State: { Name: 'S' } } }, variables, random: () => 0.5 };
}

async function outcome(evaluate: () => unknown): Promise<unknown> {
  try {
    return { value: await evaluate() };
  } catch (error) {
    return { error: String((error as { cause?: unknown }).cause ?? error) };
  }
}

async function agree(template: unknown, b: JsonataBindings): Promise<void> {
  const slow = compileJsonataTemplate(template, 'Output');
  if (!slow.ok) throw new Error('test template does not compile');
  const fast = jsonataTemplate(template, 'Output', '/x');
  expect(await outcome(() => fast.evaluate(b))).toEqual(await outcome(() => slow.value.evaluate(b)));
}

const EXPRESSIONS = [
  '{% $states.input %}', '{% $states.input.a %}', '{% $states.input.a.b %}', '{% $states.context.State.Name %}',
  '{% $v %}', '{% $v.a %}', '{% $states.input.a + 1 %}', '{% $states.input.a - $v %}', '{% $states.input.a * 2.5 %}',
  '{% $states.input.a / 0 %}', '{% $states.input.a % 3 %}', '{% $states.input.a < 10 %}', '{% $states.input.a >= $v %}',
  '{% $states.input.a = "x" %}', '{% $states.input.a != null %}', '{% $states.input.a and true %}', '{% $states.input.a or $v %}',
  "{% 'lit' %}", '{% -3 %}', '{% null %}', '{% $missing %}', '{% $states.input.constructor %}',
];

describe('fastExpression', () => {
  it.each([
    ['{% $states.input.a.b %}', true],
    ['{% $states.input.a + 1 < $v %}', true],
    ['{% $states.input.a[0] %}', false],
    ['{% $states.input.items[price > 1] %}', false],
    ['{% $sum($states.input) %}', false],
    ['{% $states.foo %}', false],
    ['{% $states %}', false],
    ['{% $states.input & "x" %}', false],
  ])('%s has a direct evaluator: %s', (text, has) => {
    expect(fastExpression(text) !== undefined).toBe(has);
  });

  it('falls back on arrays, absent values and type errors', () => {
    const f = fastExpression('{% $states.input.a + 1 %}')!;
    expect(f(bindings({ a: 1 }))).toBe(2);
    expect(f(bindings({ a: [1] }))).toBe(FALLBACK);
    expect(f(bindings({}))).toBe(FALLBACK);
    expect(f(bindings({ a: 'x' }))).toBe(FALLBACK);
  });
});

describe('the direct evaluator agrees with jsonata', () => {
  it.each(EXPRESSIONS)('%s on a table of inputs', async (text) => {
    const inputs: [unknown, Record<string, unknown>][] = [
      [{ a: 1 }, { v: 2 }], [{ a: 'x' }, { v: 'y' }], [{ a: { b: [1, 2] } }, { v: { a: 1 } }], [{ a: null }, {}],
      [{ a: true }, { v: false }], [[1, 2], { v: [3] }], ['text', {}], [{ a: [5] }, { v: 0 }], [{ a: 7.5 }, { v: -1 }],
    ];
    for (const [input, variables] of inputs) await agree(text, bindings(input, variables));
  });

  it('in object and array templates', async () => {
    await agree({ i: '{% $states.input.i + 1 %}', lit: 'x', nested: { list: ['{% $v %}', 1, null] } }, bindings({ i: 1 }, { v: 'w' }));
    await agree({ i: '{% $states.input.i + 1 %}', other: '{% $states.input.xs %}' }, bindings({ i: 1, xs: [1] }));
  });

  it('on arbitrary JSON (property)', async () => {
    const json = fc.jsonValue({ maxDepth: 3 });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...EXPRESSIONS), fc.dictionary(fc.constantFrom('a', 'b', 'i'), json), json, async (text, input, v) => {
        await agree(text, bindings(input, { v }));
      }),
      { numRuns: 300 },
    );
  });
});
