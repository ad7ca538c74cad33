import { describe, expect, it } from 'vitest';
import { analyzeJsonata, analyzeJsonataOnce, compileJsonata } from '../../../src/expressions/jsonata/index.js';
import { MAX_CACHED_PARSES, parseJsonataOnce } from '../../../src/expressions/jsonata/analyze.js';
import type { CompiledJsonata } from '../../../src/expressions/jsonata/index.js';
import { bindings, failure } from './helpers.js';

function compiled(text: string, limits = {}): CompiledJsonata {
  const result = compileJsonata(text, limits);
  if (!result.ok) throw new Error(`did not compile: ${JSON.stringify(result.issues)}`);
  return result.value;
}

describe('compileJsonata: one compile per text and limits', () => {
  it('equal text gives the same result object', () => {
    expect(compileJsonata('{% $states.input.a + 1 %}')).toBe(compileJsonata('{% $states.input.a + 1 %}'));
  });

  it('different text, even with the same body, gives different results', () => {
    expect(compileJsonata('{% $states.input.a %}')).not.toBe(compileJsonata('{%$states.input.a%}'));
  });

  it('limits are part of the key: an empty limits object is the default', () => {
    const text = '{% $states.input.b %}';
    expect(compileJsonata(text, {})).toBe(compileJsonata(text));
    expect(compileJsonata(text, { timeoutMs: 10 })).not.toBe(compileJsonata(text));
    expect(compileJsonata(text, { maxDepth: 10 })).not.toBe(compileJsonata(text, { timeoutMs: 10 }));
    expect(compileJsonata(text, { maxDepth: 10 })).toBe(compileJsonata(text, { maxDepth: 10 }));
  });

  it('each limits compile keeps its own budget', async () => {
    const text = '{% ($f := function($i) { $i <= 0 ? 0 : 1 + $f($i - 1) }; $f($states.input.n)) %}';
    const input = bindings({ states: { input: { n: 50 }, context: {} } });
    expect(await compiled(text).evaluate(input, 'Output')).toBe(50);
    expect((await failure(compiled(text, { maxDepth: 20 }).evaluate(input, 'Output'))).cause).toContain('Stack overflow error');
    expect(await compiled(text).evaluate(input, 'Output')).toBe(50);
  });

  it('caches a syntax error as its issue', () => {
    const result = compileJsonata('{% $states.input. %}');
    expect(compileJsonata('{% $states.input. %}')).toBe(result);
    expect(result.ok).toBe(false);
  });

  it('a string that is not {% %} is an issue every time', () => {
    expect(compileJsonata('$x')).toEqual({
      ok: false,
      issues: [{ message: 'A JSONata expression must start with {% and end with %}', offset: 0, code: 'INVALID_JSONATA_EXPRESSION' }],
    });
  });
});

describe('one jsonata parse shared by the linter and the engine', () => {
  it('parseJsonataOnce parses each text once', () => {
    const text = '{% $count($states.input.items) %}';
    const first = parseJsonataOnce(text);
    expect(parseJsonataOnce(text)).toBe(first);
    expect(first.ok).toBe(true);
  });

  it('compiling the shared parse leaves its analysis as the linter sees it', async () => {
    const text = '{% $uppercase($name) & $states.input.suffix %}';
    const before = analyzeJsonata(text);
    expect(await compiled(text).evaluate(bindings({ variables: { name: 'ab' }, states: { input: { suffix: '!' }, context: {} } }), 'Output')).toBe('AB!');
    expect(analyzeJsonataOnce(text)).toEqual(before);
    expect(analyzeJsonataOnce(text)).toBe(analyzeJsonataOnce(text));
    expect(before.variables).toEqual(['name']);
  });

  it('keeps few parses (each holds a large AST) but the analyses the linter reuses outlive them', () => {
    const text = '{% $states.input.first %}';
    const parse = parseJsonataOnce(text);
    const analysis = analyzeJsonataOnce(text);
    for (let i = 0; i < MAX_CACHED_PARSES; i++) parseJsonataOnce(`{% $states.input.filler${i} %}`);
    expect(parseJsonataOnce(text)).not.toBe(parse);
    expect(analyzeJsonataOnce(text)).toBe(analysis);
    expect(analysis.statesMembers).toEqual(['input']);
  });

  it('analysing first and compiling after gives a working expression', async () => {
    const text = '{% $partition($states.input.list, 2) %}';
    expect(analyzeJsonataOnce(text).functions.map((f) => f.name)).toEqual(['partition']);
    expect(await compiled(text).evaluate(bindings({ states: { input: { list: [1, 2, 3] }, context: {} } }), 'Output')).toEqual([[1, 2], [3]]);
  });
});

describe('a shared compiled expression evaluated concurrently', () => {
  const text = '{% ($sum := function($i) { $i <= 0 ? 0 : $i + $sum($i - 1) }; $sum($states.input.n) + $offset) %}';

  it('gives each evaluation the result of its own input and variables', async () => {
    const expression = compiled(text);
    const runs = Array.from({ length: 200 }, (_, i) => ({ n: i % 37, offset: i * 1000 }));
    const results = await Promise.all(
      runs.map(({ n, offset }) =>
        expression.evaluate(bindings({ states: { input: { n }, context: {} }, variables: { offset } }), 'Output'),
      ),
    );
    expect(results).toEqual(runs.map(({ n, offset }) => (n * (n + 1)) / 2 + offset));
  });

  it('a failure in one evaluation does not fail its siblings', async () => {
    const expression = compiled(text);
    const ok = (n: number) => expression.evaluate(bindings({ states: { input: { n }, context: {} }, variables: { offset: 1 } }), 'Output');
    const missing = expression.evaluate(bindings({ states: { input: { n: 3 }, context: {} } }), 'Output');
    const [a, b, c] = await Promise.allSettled([ok(4), missing, ok(5)]);
    expect(a).toEqual({ status: 'fulfilled', value: 11 });
    expect(b.status).toBe('rejected');
    expect(c).toEqual({ status: 'fulfilled', value: 16 });
  });

  it('a name bound inside one evaluation is not seen by the next', async () => {
    const expression = compiled("{% $exists($seen) ? 'leaked' : ($seen := $states.input.v; $seen) %}");
    const one = await expression.evaluate(bindings({ states: { input: { v: 1 }, context: {} } }), 'Output');
    const two = await expression.evaluate(bindings({ states: { input: { v: 2 }, context: {} } }), 'Output');
    expect([one, two]).toEqual([1, 2]);
  });
});

describe('Step Functions functions bound in a compiled expression', () => {
  const run = async (text: string) => compiled(text).evaluate(bindings({ states: { input: { xs: [1, 2, 3] }, context: {} } }), 'Output');

  it.each([
    ['a call', "{% $hash('a', 'MD5') %}", '0cc175b9c0f1b6a831c399e269772661'],
    ['a function passed as a value', '{% $map([[1, 2, 3]], function($v) { $partition($v, 2) }) %}', [[1, 2], [3]]],
    ['a name read by a lambda before its block rebinds it', "{% ($f := function() { $hash('a', 'MD5') }; $r := $f(); $hash := 1; $r) %}", '0cc175b9c0f1b6a831c399e269772661'],
    ['a function held in a local variable', '{% ($p := $partition; $p($states.input.xs, 2)) %}', [[1, 2], [3]]],
    ['no Step Functions function at all', '{% $sum($states.input.xs) %}', 6],
  ])('%s', async (_name, text, expected) => {
    expect(await run(text)).toEqual(expected);
  });

  it('$eval stays unavailable, called directly or through a local name', async () => {
    expect((await failure(run("{% $eval('1') %}"))).cause).toContain('T1006');
    expect((await failure(run("{% ($e := $eval; $e('1')) %}"))).cause).toContain('T1006');
  });
});
