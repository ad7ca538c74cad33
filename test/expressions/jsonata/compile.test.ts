import { describe, expect, it } from 'vitest';
import { compileJsonata, isJsonataString, isMalformedJsonataString } from '../../../src/expressions/jsonata/index.js';
import { bindings, evaluate, failure } from './helpers.js';

const Q = 'States.QueryEvaluationError';

describe('isJsonataString', () => {
  it.each([
    ['{% $x %}', true],
    ['{%$x%}', true],
    ['{%%}', true],
    ['{%}', false],
    [' {% $x %}', false],
    ['{% $x %} ', false],
    ['{% $x', false],
    ['$x %}', false],
    ['a {% $x %} b', false],
    ['', false],
    [42, false],
    [null, false],
  ])('%j -> %s', (value, expected) => {
    expect(isJsonataString(value)).toBe(expected);
  });

  it.each([
    ['{% $x', true],
    ['$x %}', true],
    ['{% $x %}', false],
    ['plain', false],
    [1, false],
  ])('isMalformedJsonataString(%j) -> %s', (value, expected) => {
    expect(isMalformedJsonataString(value)).toBe(expected);
  });
});

describe('compileJsonata', () => {
  it.each([
    ['{% 1 + %}', 'Unexpected end of expression', 7],
    ['{% $states.input.a; %}', 'Syntax error: ";"', 18],
    ['{%%}', 'Unexpected end of expression', 2],
    // jsonata places an unterminated string's error at the end of the expression.
    ["{% 'abc %}", 'String literal must be terminated by a matching quote', 8],
    ['{% ( %}', 'Expected ")" before end of expression', 5],
  ])('reports %j as INVALID_JSONATA_EXPRESSION without the Sxxxx code', (text, message, offset) => {
    expect(compileJsonata(text)).toEqual({ ok: false, issues: [{ message, offset, code: 'INVALID_JSONATA_EXPRESSION' }] });
  });

  it('refuses a string that is not a whole {% %} expression', () => {
    expect(compileJsonata('$x')).toEqual({
      ok: false,
      issues: [{ message: 'A JSONata expression must start with {% and end with %}', offset: 0, code: 'INVALID_JSONATA_EXPRESSION' }],
    });
  });

  it('quotes the trimmed expression as text', () => {
    const compiled = compileJsonata('{%   $states.input.a + 1  %}');
    expect(compiled.ok && compiled.value.text).toBe('$states.input.a + 1');
  });
});

describe('evaluate', () => {
  const input = { a: 1, items: [{ price: 5 }, { price: 20 }, { price: 30 }], name: 'ada', q: '"' };
  const b = bindings({
    states: { input, context: { Execution: { Id: 'arn:x' } }, result: { r: true }, errorOutput: { Error: 'E', Cause: 'C' } },
    variables: { order: { number: 7 }, count: 3 },
  });

  it.each([
    ['{% $states.input.a + 1 %}', 2],
    ['{% $states.input.items.price %}', [5, 20, 30]],
    ['{% $states.input.items[price > 25] %}', { price: 30 }],
    ['{% $states.input.items[price > 10] %}', [{ price: 20 }, { price: 30 }]],
    ['{% $states.input.items[$.price > 25].price %}', 30],
    ['{% $states.context.Execution.Id %}', 'arn:x'],
    ['{% $states.result %}', { r: true }],
    ['{% $states.errorOutput.Error %}', 'E'],
    ['{% $order.number %}', 7],
    ['{% $count + 1 %}', 4],
    ['{% $sum($states.input.items.price) %}', 55],
    ['{% {"total": $sum($states.input.items.price)} %}', { total: 55 }],
    ['{% $states.input.name.$uppercase() %}', 'ADA'],
    // JSON escapes are decoded before jsonata sees the text: `'"'` arrives as a quote (§2.6).
    ["{% $states.input.q = '\"' %}", true],
    ['{% null %}', null],
    ['{% [] %}', []],
    ['{% ($f := function($n){$n <= 1 ? 1 : $n * $f($n - 1)}; $f(10)) %}', 3628800],
  ])('%s -> %j', async (text, expected) => {
    expect(await evaluate(text, b)).toEqual(expected);
  });

  it.each([
    ['{% $states.input %}', [1], [1]],
    ['{% $states.input[0] %}', [7, 8], 7],
    ['{% $states.input.items %}', { items: [{ a: 1 }] }, [{ a: 1 }]],
    // A path through a one-element array yields a one-element sequence, which collapses.
    ['{% $states.input.items.a %}', { items: [{ a: 1 }] }, 1],
    ['{% $states.input.items[].a %}', { items: [{ a: 1 }] }, [1]],
  ])('%s over %j -> %j (arrays in the data stay arrays)', async (text, data, expected) => {
    expect(await evaluate(text, bindings({ states: { input: data, context: {} } }))).toEqual(expected);
  });

  it('returns plain arrays, not jsonata sequences', async () => {
    const result = await evaluate('{% $states.input.items.price %}', b);
    expect(Object.keys(result as object)).toEqual(['0', '1', '2']);
    const nested = (await evaluate('{% {"p": $states.input.items.price} %}', b)) as { p: unknown[] };
    expect(Object.keys(nested.p)).toEqual(['0', '1', '2']);
  });

  it('lets a workflow variable shadow a function of the same name, as jsonata bindings do', async () => {
    expect(await evaluate('{% $count($states.input.items) %}', bindings({ states: { input, context: {} } }))).toBe(3);
    expect(await failure(evaluate('{% $count($states.input.items) %}', b))).toEqual({
      error: Q,
      cause:
        "The JSONata expression '$count($states.input.items)' specified for the field 'Output' threw an error during evaluation. T1006: Attempted to invoke a non-function",
    });
  });

  it('reads variables through the scope prototype chain', async () => {
    const outer = { x: 1 };
    const inner = Object.assign(Object.create(outer) as Record<string, unknown>, { y: 2 });
    expect(await evaluate('{% $x + $y %}', bindings({ variables: inner }))).toBe(3);
  });

  it('ignores names inherited from Object.prototype', async () => {
    expect(await failure(evaluate('{% $toString %}', bindings({ variables: {} })))).toEqual({
      error: Q,
      cause: "The JSONata expression '$toString' specified for the field 'Output' returned nothing (undefined).",
    });
  });

  it('binds $states.errorOutput for a catcher as §12.11 does', async () => {
    const catcher = bindings({ states: { input: { in: 1 }, context: {}, errorOutput: { Error: 'Exception', Cause: 'boom' } } });
    expect(await evaluate('{% {"stateInput": $states.input, "stateError": $states.errorOutput} %}', catcher)).toEqual({
      stateInput: { in: 1 },
      stateError: { Error: 'Exception', Cause: 'boom' },
    });
  });

  it.each([
    // §12.10
    ['{% $doesNotExist %}', 'Output/result', "The JSONata expression '$doesNotExist' specified for the field 'Output/result' returned nothing (undefined)."],
    ['{% $states.input.nope %}', 'Assign/x', "The JSONata expression '$states.input.nope' specified for the field 'Assign/x' returned nothing (undefined)."],
    ['{% $states.result %}', 'Output', "The JSONata expression '$states.result' specified for the field 'Output' returned nothing (undefined)."],
    ['{% function($x){$x} %}', 'Output', "The JSONata expression 'function($x){$x}' specified for the field 'Output' returned an unsupported result type."],
    ['{% {"f": $uppercase} %}', 'Output/a[0]', "The JSONata expression '{\"f\": $uppercase}' specified for the field 'Output/a[0]' returned an unsupported result type."],
    ['{% $states.input() %}', 'Output', "The JSONata expression '$states.input()' specified for the field 'Output' threw an error during evaluation. T1006: Attempted to invoke a non-function"],
    ["{% $eval('1') %}", 'Output', "The JSONata expression '$eval('1')' specified for the field 'Output' threw an error during evaluation. T1006: Attempted to invoke a non-function"],
    ["{% $error('boom') %}", 'Arguments/FunctionName', "The JSONata expression '$error('boom')' specified for the field 'Arguments/FunctionName' threw an error during evaluation. D3137: boom"],
    ["{% 1 + 'a' %}", 'Output', "The JSONata expression '1 + 'a'' specified for the field 'Output' threw an error during evaluation. T2002: The right side of the \"+\" operator must evaluate to a number"],
  ])('%s at %s fails with AWS cause', async (text, location, cause) => {
    expect(await failure(evaluate(text, bindings(), location))).toEqual({ error: Q, cause });
  });

  it('uses the execution clock for $now() and $millis(), fixed within one evaluation', async () => {
    let ticks = 0;
    const clock = bindings({ now: () => 1_700_000_000_000 + ticks++ });
    expect(await evaluate('{% [$millis(), $millis()] %}', clock)).toEqual([1_700_000_000_000, 1_700_000_000_000]);
    expect(await evaluate('{% $now() %}', clock)).toBe('2023-11-14T22:13:20.001Z');
    expect(await evaluate("{% $now('[Y0001]-[M01]-[D01]') %}", clock)).toBe('2023-11-14');
  });

  it('evaluates one compiled expression concurrently with separate bindings', async () => {
    const compiled = compileJsonata('{% $states.input.n * 2 %}');
    if (!compiled.ok) throw new Error('compile');
    const results = await Promise.all(
      [1, 2, 3].map((n) => compiled.value.evaluate(bindings({ states: { input: { n }, context: {} } }), 'Output')),
    );
    expect(results).toEqual([2, 4, 6]);
  });
});

describe('bounded evaluation', () => {
  it('stops an endless tail recursion with the timeout text', async () => {
    const started = Date.now();
    expect(await failure(evaluate('{% ($inf := function(){$inf()}; $inf()) %}', bindings(), 'Output', { timeoutMs: 50 }))).toEqual({
      error: Q,
      cause:
        "The JSONata expression '($inf := function(){$inf()}; $inf())' specified for the field 'Output' threw an error during evaluation. U1001: Expression evaluation timeout: Check for infinite loop",
    });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('stops a deep recursion with the stack overflow text', async () => {
    expect(await failure(evaluate('{% ($f := function($n){1 + $f($n)}; $f(1)) %}'))).toEqual({
      error: Q,
      cause:
        "The JSONata expression '($f := function($n){1 + $f($n)}; $f(1))' specified for the field 'Output' threw an error during evaluation. U1001: Stack overflow error: Check for non-terminating recursive function. Consider rewriting as tail-recursive.",
    });
  });

  it('lets ordinary recursion a few hundred calls deep finish', async () => {
    expect(await evaluate('{% ($f := function($n){$n <= 0 ? 0 : 1 + $f($n - 1)}; $f(500)) %}')).toBe(500);
  });

  it('applies the default one-second limit to a long loop', async () => {
    const started = Date.now();
    const result = await failure(evaluate('{% $reduce([1..10000000], function($a, $b){$a + $b}) %}'));
    expect(result.cause).toMatch(/U1001: Expression evaluation timeout/);
    expect(Date.now() - started).toBeLessThan(3000);
  }, 10_000);
});
