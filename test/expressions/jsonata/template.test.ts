import { describe, expect, it } from 'vitest';
import { StatesError } from '../../../src/definition/errors.js';
import { compileJsonataTemplate, expectType } from '../../../src/expressions/jsonata/index.js';
import { bindings, failure } from './helpers.js';

const Q = 'States.QueryEvaluationError';

function template(value: unknown, field: string) {
  const compiled = compileJsonataTemplate(value, field);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
  return compiled.value;
}

describe('compileJsonataTemplate', () => {
  const b = bindings({ states: { input: { a: 1, list: [1, 2] }, context: {} }, variables: { two: 2 } });

  it.each([
    [{ x: '{% $states.input.a %}', y: 'literal {% not %}', z: [1, '{% $two %}', 3] }, { x: 1, y: 'literal {% not %}', z: [1, 2, 3] }],
    [{ 'key.$': '$.a', n: null, t: true }, { 'key.$': '$.a', n: null, t: true }],
    [['{% $states.input.list %}', { deep: { deeper: ['{% $two * 2 %}'] } }], [[1, 2], { deep: { deeper: [4] } }]],
    ['{% $states.input.a + 1 %}', 2],
    [42, 42],
    [{ '{% $two %}': 'keys are literal' }, { '{% $two %}': 'keys are literal' }],
  ])('%j evaluates to %j', async (value, expected) => {
    expect(await template(value, 'Output').evaluate(b)).toEqual(expected);
  });

  it('reports whether anything is evaluated', () => {
    expect(template({ a: [1, { b: 'c' }] }, 'Output').isConstant).toBe(true);
    expect(template({ a: [1, { b: '{% 1 %}' }] }, 'Output').isConstant).toBe(false);
  });

  it('exposes the text of a template that is one expression', () => {
    expect(template('{%  $states.input.list  %}', 'Items').expression).toBe('$states.input.list');
    expect(template(['{% 1 %}'], 'Items').expression).toBeUndefined();
    expect(template('plain', 'Items').expression).toBeUndefined();
  });

  it('returns a fresh copy of a constant', async () => {
    const literal = { a: { b: 1 } };
    const result = (await template(literal, 'Output').evaluate(b)) as typeof literal;
    expect(result).toEqual(literal);
    expect(result.a).not.toBe(literal.a);
  });

  it('keeps a "__proto__" key as data', async () => {
    const value = JSON.parse('{"__proto__": {"x": "{% 1 %}"}}') as unknown;
    const result = (await template(value, 'Output').evaluate(b)) as Record<string, unknown>;
    expect(Object.keys(result)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
  });

  it.each([
    [{ result: '{% $doesNotExist %}' }, 'Output', "The JSONata expression '$doesNotExist' specified for the field 'Output/result' returned nothing (undefined)."],
    [{ a: [0, '{% $nope %}'] }, 'Output', "The JSONata expression '$nope' specified for the field 'Output/a[1]' returned nothing (undefined)."],
    [{ values: ['{% function(){1} %}'] }, 'Output', "The JSONata expression 'function(){1}' specified for the field 'Output/values[0]' returned an unsupported result type."],
    [{ x: '{% $nope %}' }, 'Assign', "The JSONata expression '$nope' specified for the field 'Assign/x' returned nothing (undefined)."],
    [[[0, ['{% $nope %}']]], 'Items', "The JSONata expression '$nope' specified for the field 'Items[0][1][0]' returned nothing (undefined)."],
    [{ FunctionName: '{% $nope %}' }, 'Arguments', "The JSONata expression '$nope' specified for the field 'Arguments/FunctionName' returned nothing (undefined)."],
  ])('%j under %s fails with its location', async (value, field, cause) => {
    expect(await failure(template(value, field).evaluate(b))).toEqual({ error: Q, cause });
  });

  it('reports compile issues with their location', () => {
    expect(compileJsonataTemplate({ a: ['{% 1 + %}'] }, 'Output')).toEqual({
      ok: false,
      issues: [{ message: 'Unexpected end of expression', offset: 7, code: 'INVALID_JSONATA_EXPRESSION', location: 'Output/a[0]', path: ['a', 0] }],
    });
  });
});

describe('expectType', () => {
  function cause(run: () => void): string {
    try {
      run();
    } catch (error) {
      if (StatesError.is(error)) return `${error.error}: ${error.cause}`;
    }
    return 'no error';
  }

  it.each([
    // §12.13
    [1, 'array', '1', 'Items', "The JSONata expression '1' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was 'number' for value: 1"],
    [{ foo: 'bar' }, 'array', '$states.input', 'Items', "The JSONata expression '$states.input' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was 'object' for value: {\"foo\":\"bar\"}"],
    ['10', 'integer', "'10'", 'Seconds', "The JSONata expression ''10'' specified for the field 'Seconds' returned an unexpected result type. Expected 'integer', but was 'string' for value: \"10\""],
    [1.5, 'integer', '1.5', 'TimeoutSeconds', "The JSONata expression '1.5' specified for the field 'TimeoutSeconds' returned an unexpected result type. Expected 'integer', but was 'number' for value: 1.5"],
    [1, 'string', '1', 'Timestamp', "The JSONata expression '1' specified for the field 'Timestamp' returned an unexpected result type. Expected 'string', but was 'number' for value: 1"],
    [null, 'boolean', 'null', 'Condition', "The JSONata expression 'null' specified for the field 'Condition' returned an unexpected result type. Expected 'boolean', but was 'null' for value: null"],
    [[1], 'object', '[1]', 'Arguments', "The JSONata expression '[1]' specified for the field 'Arguments' returned an unexpected result type. Expected 'object', but was 'array' for value: [1]"],
  ] as const)('%j as %s', (value, expected, expr, location, text) => {
    expect(cause(() => expectType(value, expected, expr, location))).toBe(`${Q}: ${text}`);
  });

  it.each([
    [[], 'array'],
    [3, 'integer'],
    [3.5, 'number'],
    ['s', 'string'],
    [false, 'boolean'],
    [{}, 'object'],
  ] as const)('accepts %j as %s', (value, expected) => {
    expect(cause(() => expectType(value, expected, 'e', 'F'))).toBe('no error');
  });
});
