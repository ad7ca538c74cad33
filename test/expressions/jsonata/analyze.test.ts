import { describe, expect, it } from 'vitest';
import { analyzeJsonata, checkFunctionCall } from '../../../src/expressions/jsonata/index.js';

const unsupported = (name: string, offset: number) => ({
  message: `Reference to '${name}' at the top level is not supported.`,
  offset,
  code: 'UNSUPPORTED_JSONATA_EXPRESSION',
  data: { name },
});

describe('analyzeJsonata: top-level references (§2.6, J3)', () => {
  it.each([
    ['{% phone.number %}', [unsupported('phone', 3)]],
    ['{% phone %}', [unsupported('phone', 3)]],
    ['{% $ %}', [unsupported('$', 3)]],
    ['{% $.a %}', [unsupported('$', 3)]],
    ['{% $$.a %}', [unsupported('$$', 3)]],
    ['{% {"k": phone} %}', [unsupported('phone', 9)]],
    ['{% $count(items) %}', [unsupported('items', 10)]],
    ['{% $states.input.a + b %}', [unsupported('b', 21)]],
    ['{% a[0] %}', [unsupported('a', 3)]],
  ])('%s is rejected', (text, issues) => {
    expect(analyzeJsonata(text).issues).toEqual(issues);
  });

  it.each([
    '{% $states.input.items[$.price > 10] %}',
    '{% $states.input.items[price > 10] %}',
    '{% $states.input.items.price %}',
    '{% $map($states.input.items, function($v){ $v.price }) %}',
    '{% $states.input.items^(price) %}',
    '{% $states.input.items{category: $sum(price)} %}',
    '{% $states.input.(a + b) %}',
    '{% $x.y %}',
    "{% 'text' %}",
    '{% $now() %}',
  ])('%s is accepted', (text) => {
    expect(analyzeJsonata(text).issues).toEqual([]);
  });
});

describe('analyzeJsonata: parse errors', () => {
  it.each([
    ['{% $states.input. %}', 'Unexpected end of expression', 18],
    ['{% $states.input[ %}', 'Expected "]" before end of expression', 18],
    ['{% $a := 1; $a %}', 'Syntax error: ";"', 10],
    ['$states.input.a +', 'Unexpected end of expression', 17],
  ])('%s', (text, message, offset) => {
    expect(analyzeJsonata(text).issues).toEqual([{ message, offset, code: 'INVALID_JSONATA_EXPRESSION' }]);
  });
});

describe('analyzeJsonata: names', () => {
  it('lists variables, excluding $states, functions, lambda parameters and := names', () => {
    const result = analyzeJsonata('{% ($a := 1; $f := function($p){ $p + $a + $w }; $f($b) + $c.d + $b + $count($list)) %}');
    // Lambda bodies are read last, once every name of their enclosing blocks is known.
    expect(result.variables).toEqual(['b', 'c', 'list', 'w']);
    expect(result.issues).toEqual([]);
  });

  it('gives each variable reference an offset into the original string', () => {
    expect(analyzeJsonata('{% $order.number & $name %}').variableRefs).toEqual([
      { name: 'order', offset: 3 },
      { name: 'name', offset: 19 },
    ]);
  });

  it('treats positional and focus bindings as local', () => {
    expect(analyzeJsonata('{% $states.input.items#$i[$i > 0] %}').variables).toEqual([]);
    expect(analyzeJsonata('{% $states.input.items@$it.$it.x %}').variables).toEqual([]);
  });

  it('lists $states members with offsets', () => {
    const result = analyzeJsonata('{% $states.result.x & $states.errorOutput.Cause & $states.input & $states.context.Execution.Id %}');
    expect(result.statesMembers).toEqual(['result', 'errorOutput', 'input', 'context']);
    expect(result.statesMemberRefs[0]).toEqual({ name: 'result', offset: 11 });
  });

  it('lists function calls with argument counts', () => {
    expect(analyzeJsonata('{% $substring($states.input.s, 1) %}').functions).toEqual([
      { name: 'substring', argCount: 2, offset: 3, inPath: false },
    ]);
    expect(analyzeJsonata('{% $states.input.s ~> $substring(1, 2) %}').functions).toEqual([
      { name: 'substring', argCount: 3, offset: 22, inPath: false },
    ]);
    expect(analyzeJsonata('{% $states.input.s.$uppercase() %}').functions).toEqual([
      { name: 'uppercase', argCount: 0, offset: 19, inPath: true },
    ]);
    expect(analyzeJsonata("{% $eval('1') %}").functions).toEqual([{ name: 'eval', argCount: 1, offset: 3, inPath: false }]);
  });

  it('does not list calls of locally bound functions', () => {
    expect(analyzeJsonata('{% ($f := function(){1}; $f()) %}').functions).toEqual([]);
  });
});

describe('checkFunctionCall', () => {
  it.each([
    ['{% $substring($states.input.s, 1) %}', undefined],
    ['{% $substring($states.input.s) %}', 'The function $substring takes 2 to 3 arguments, but was called with 1.'],
    ['{% $states.input.s.$substring(1) %}', undefined],
    ['{% $states.input.s ~> $substring(1) %}', undefined],
    ['{% $uuid(1) %}', 'The function $uuid takes 0 arguments, but was called with 1.'],
    ['{% $range(1, 2) %}', 'The function $range takes 3 arguments, but was called with 2.'],
    ['{% $partition($states.input.list, 2) %}', undefined],
    ['{% $random() + $random(1) %}', undefined],
    ['{% $count() %}', 'The function $count takes 1 argument, but was called with 0.'],
    ['{% $zip() %}', 'The function $zip takes at least 1 argument, but was called with 0.'],
    ["{% $eval('[1]') %}", 'The function $eval is not available in Step Functions; use $parse to read a JSON string.'],
    ['{% $nope(1) %}', 'Unknown function $nope.'],
  ])('%s', (text, problem) => {
    const calls = analyzeJsonata(text).functions;
    expect(calls.map(checkFunctionCall).find((p) => p !== undefined)).toBe(problem);
  });
});

describe('analyzeJsonata: pathological input', () => {
  it('reports an expression nested deeper than the stack as invalid instead of throwing', () => {
    const text = `{% ${Array.from({ length: 20000 }, () => '1').join('+')} %}`;
    expect(analyzeJsonata(text).issues).toEqual([{ message: 'Maximum call stack size exceeded', code: 'INVALID_JSONATA_EXPRESSION' }]);
  });
});
