import jsonata from 'jsonata';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bindings, evaluate, failure } from './helpers.js';

const Q = 'States.QueryEvaluationError';
const TIMEOUT = 'U1001: Expression evaluation timeout: Check for infinite loop';

/** Milliseconds a promise takes to settle, and how. */
async function timed(promise: Promise<unknown>): Promise<{ ms: number; outcome: unknown }> {
  const start = Date.now();
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  return { ms: Date.now() - start, outcome };
}

const input = (value: unknown) => bindings({ states: { input: value, context: {} } });
/** A catastrophic-backtracking subject for `(a+)+`: many a's and a character that makes the match fail. */
const EVIL = `${'a'.repeat(30)}b`;

describe('regular expressions run in linear time', () => {
  it.each([
    ['$match', '{% $match($states.input, /^(a+)+$/) %}'],
    ['$contains', '{% $contains($states.input, /^(a+)+$/) %}'],
    ['$split', '{% $count($split($states.input, /(a+)+c/)) %}'],
    ['$replace', '{% $replace($states.input, /(a+)+c/, "x") %}'],
    ['~>', '{% $exists($states.input ~> /^(a+)+$/) %}'],
  ])('%s with /(a+)+/ on 31 characters answers at once', async (_name, text) => {
    const { ms } = await timed(evaluate(text, input(EVIL)));
    expect(ms).toBeLessThan(200);
  });

  it.each([
    ['{% $contains($states.input, /^(a+)+$/) %}', false],
    ['{% $split($states.input, /(a+)+c/) %}', [EVIL]],
    ['{% $replace($states.input, /(a+)+b/, "x") %}', 'x'],
  ])('%s on the backtracking subject -> %j', async (text, expected) => {
    expect(await evaluate(text, input(EVIL))).toEqual(expected);
  });

  it.each([
    ['{% $match("xaby ab", /a(b)/) %}', [{ match: 'ab', index: 1, groups: ['b'] }, { match: 'ab', index: 5, groups: ['b'] }]],
    ['{% $split("a1b22c", /[0-9]+/) %}', ['a', 'b', 'c']],
    ['{% $replace("a1b22c", /([0-9]+)/, "<$1>") %}', 'a<1>b<22>c'],
    ['{% $contains("abc", /B/i) %}', true],
    ['{% $match("x\u{1F600}b", /b/).index %}', 3],
    ['{% $match("a\\nb", /^b/m).index %}', 2],
    // An unmatched group is undefined, which the JSON result drops, as with JavaScript's engine.
    ['{% $match("ab", /(x)?b/).groups %}', []],
    // Lookahead and backreferences are outside RE2: JavaScript's engine runs them, as AWS accepts them.
    ['{% $match("ab ac", /a(?=c)/).index %}', 3],
    ['{% $match("xx aa", /(a)\\1/).index %}', 3],
  ])('%s -> %j', async (text, expected) => {
    expect(await evaluate(text)).toEqual(expected);
  });

  it('interrupts a backtracking pattern RE2 cannot run at the evaluation deadline', async () => {
    const { ms, outcome } = await timed(evaluate('{% $match($states.input, /^(a+)+\\1$/) %}', input(EVIL), 'Output', { timeoutMs: 100 }));
    expect(ms).toBeLessThan(1000);
    expect(outcome).toMatchObject({ error: { error: Q } });
    expect((outcome as { error: { cause: string } }).error.cause).toContain(TIMEOUT);
  });
});

describe('$sort and $distinct run in n log n and linear time', () => {
  const numbers = Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 50_000);

  it('$sort of a 50,000-element array (about 300 KB) answers, sorted', async () => {
    expect(await evaluate('{% $sort($states.input)[[0, 1, 49999]] %}', input(numbers))).toEqual([0, 1, 49999]);
  });

  it('$distinct of 100,000 elements answers', async () => {
    expect(await evaluate('{% $count($distinct($states.input)) %}', input([...numbers, ...numbers]))).toBe(50_000);
  });

  it.each([
    ['{% $sort([3, 1, 2]) %}', [1, 2, 3]],
    ['{% $sort(["b", "a", "c"]) %}', ['a', 'b', 'c']],
    ['{% $sort([{"k": 2, "i": 1}, {"k": 1, "i": 2}, {"k": 2, "i": 3}], function($l, $r){ $l.k > $r.k }).i %}', [2, 1, 3]],
    ['{% $sort([5]) %}', [5]],
    ['{% $distinct([{"a": 1, "b": 2}, {"b": 2, "a": 1}, [1], [1], "1", 1, null, null]) %}', [{ a: 1, b: 2 }, [1], '1', 1, null]],
    ['{% $distinct([1, 1]) %}', [1]],
    ['{% $distinct("a") %}', 'a'],
  ])('%s -> %j (jsonata semantics)', async (text, expected) => {
    expect(await evaluate(text)).toEqual(expected);
  });

  it('$sort of mixed types without a comparator fails with D3070', async () => {
    expect((await failure(evaluate('{% $sort(["b", 1]) %}'))).cause).toContain('D3070: The single argument form of the sort function');
  });

  it('an expensive comparator stops at the deadline', async () => {
    const { ms, outcome } = await timed(
      evaluate('{% $sort($states.input, function($a, $b){ $a < $b })[0] %}', input(numbers), 'Output', { timeoutMs: 100 }),
    );
    expect(ms).toBeLessThan(1000);
    expect((outcome as { error: { cause: string } }).error.cause).toContain(TIMEOUT);
  });

  it('order-by (^) of 128,000 elements stops at the deadline instead of exhausting the heap', async () => {
    const many = Array.from({ length: 128_000 }, (_, i) => i % 1000);
    const { ms, outcome } = await timed(evaluate('{% $count($states.input^($)) %}', input(many), 'Output', { timeoutMs: 200 }));
    expect(ms).toBeLessThan(2000);
    expect((outcome as { error: { cause: string } }).error.cause).toContain(TIMEOUT);
  });
});

describe('memory', () => {
  afterEach(() => {
    vi.doUnmock('node:v8');
    vi.resetModules();
  });

  it('an evaluation stops with a cause when the heap is nearly full', async () => {
    vi.resetModules();
    vi.doMock('node:v8', async (original) => ({
      ...(await original<typeof import('node:v8')>()),
      getHeapStatistics: () => ({ used_heap_size: 90, heap_size_limit: 100 }),
    }));
    const { compileJsonata } = await import('../../../src/expressions/jsonata/index.js');
    // Long enough (tens of milliseconds) to reach a look at the heap, which happens once per millisecond.
    const compiled = compileJsonata('{% $map([1..20000], function($v){ $v * 2 }) %}');
    if (!compiled.ok) throw new Error('did not compile');
    const { outcome } = await timed(compiled.value.evaluate(bindings(), 'Output'));
    expect((outcome as { error: { cause: string } }).error.cause).toBe(
      "The JSONata expression '$map([1..20000], function($v){ $v * 2 })' specified for the field 'Output' threw an error during evaluation. Expression evaluation stopped: it used more memory than the interpreter allows (most of the JavaScript heap)",
    );
  });

  it('an evaluation during which no millisecond passes never looks at the heap', async () => {
    vi.resetModules();
    // The clock stands still, so the outcome does not depend on how fast this machine is.
    const now = vi.spyOn(Date, 'now').mockReturnValue(Date.UTC(2024, 0, 1));
    let looks = 0;
    vi.doMock('node:v8', async (original) => ({
      ...(await original<typeof import('node:v8')>()),
      getHeapStatistics: () => {
        looks++;
        return { used_heap_size: 90, heap_size_limit: 100 };
      },
    }));
    const { compileJsonata } = await import('../../../src/expressions/jsonata/index.js');
    const compiled = compileJsonata('{% $states.input.a + 1 %}');
    if (!compiled.ok) throw new Error('did not compile');
    const { outcome } = await timed(compiled.value.evaluate(input({ a: 1 }), 'Output'));
    now.mockRestore();
    expect([outcome, looks]).toEqual([{ value: 2 }, 0]);
  });
});

describe('date pictures cannot block the process', () => {
  // jsonata builds `^([0-9]+)([0-9]+)…$` from the picture; 80 digits backtrack for minutes natively.
  const DIGITS = '1'.repeat(80);

  it.each([
    ['$toMillis', `{% $toMillis($states.input, '[Y][M][D][H][m][s][f]x') %}`],
    ['$toMillis', `{% $toMillis($states.input, '[Y][M][D][H][m][s][f][Y][M][D]x') %}`],
  ])('%s on 80 digits ends at the budget with a timeout', async (_name, text) => {
    const { ms, outcome } = await timed(evaluate(text, input(DIGITS), 'Output', { timeoutMs: 200 }));
    expect(ms).toBeLessThan(2000);
    expect(outcome).toMatchObject({ error: { error: Q } });
    expect((outcome as { error: { cause: string } }).error.cause).toContain(TIMEOUT);
  });

  it('ends at the default one-second budget', async () => {
    const { ms, outcome } = await timed(failure(evaluate(`{% $toMillis($states.input, '[Y][M][D][H][m][s][f]x') %}`, input(DIGITS))));
    expect(ms).toBeLessThan(3000);
    expect((outcome as { value: { error: string; cause: string } }).value).toEqual({
      error: Q,
      cause: expect.stringContaining(TIMEOUT),
    });
  });

  // Each expected value is jsonata 2.0.6's own result for the same call (evaluated without aslkit).
  it.each([
    [`$toMillis('2018-02-01T09:42:13.123Z')`],
    [`$toMillis('2018-10-21', '[Y0001]-[M01]-[D01]')`],
    [`$toMillis('21 October 2018', '[D1] [MNn] [Y0001]')`],
    [`$toMillis('2018-10-21 13:45:10 +0100', '[Y]-[M]-[D] [H]:[m]:[s] [Z]')`],
    [`$toMillis('Sunday, 21st October 2018 1:45pm', '[FNn], [D1o] [MNn] [Y] [h]:[m01][PN]')`],
    [`$toMillis('20181021134510', '[Y0001][M01][D01][H01][m01][s01]')`],
    [`$toMillis('2018-294', '[Y]-[d]')`],
    [`$toMillis('not a date', '[Y]-[M]-[D]')`],
    [`$fromMillis(1540129510123)`],
    [`$fromMillis(1540129510123, '[Y0001]-[M01]-[D01] [H01]:[m01]:[s01].[f001]')`],
    [`$fromMillis(1540129510123, '[FNn], [D1o] [MNn] [Y] [h]:[m01][PN]', '-0500')`],
    [`$fromMillis(1540129510123, '[Y,2]-[M,2] [Z0101t]', '+0530')`],
  ])('%s gives jsonata\'s own result', async (body) => {
    const fixed = 1540129510123;
    // In an object, so that an undefined result (an unmatched picture) compares as {}.
    const text = `{"r": ${body}}`;
    const own = (await jsonata(text).evaluate({})) as unknown;
    expect(await evaluate(`{% ${text} %}`)).toEqual(JSON.parse(JSON.stringify(own)));
  });

  it('$now with a picture formats the execution clock as $fromMillis does', async () => {
    expect(await evaluate(`{% $now('[Y0001]-[M01]-[D01] [H01]', '+0100') %}`, bindings({ now: () => 1540129510123 }))).toBe('2018-10-21 14');
  });
});
