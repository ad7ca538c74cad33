import { describe, expect, it } from 'vitest';
import { StatesError } from '../../../src/definition/errors.js';
import { compilePath, compilePayloadTemplate, evaluatePathField } from '../../../src/expressions/paths/index.js';
import type { CompiledTemplate } from '../../../src/expressions/paths/index.js';
import type { EvaluationEnv } from '../../../src/expressions/types.js';

const env: EvaluationEnv = {
  context: {
    Execution: { Id: 'arn:aws:states:us-east-1:123456789012:execution:sm:run', Input: { orderId: 'o-1' } },
    Map: { Item: { Index: 2, Value: { sku: 'x' } } },
    State: { Name: 'Prepare', RetryCount: 1 },
  },
  variables: { customer: { name: 'Ana' }, total: 10 },
  random: () => 0.25,
};

function template(value: unknown, field?: string): CompiledTemplate {
  const result = compilePayloadTemplate(value, field === undefined ? {} : { field });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

function thrown(fn: () => unknown): { error: string; cause: string } {
  try {
    fn();
  } catch (error) {
    if (StatesError.is(error)) return { error: error.error, cause: error.cause };
    throw error;
  }
  throw new Error('expected a StatesError');
}

const input = { customerName: 'Bo', items: [{ price: 5 }, { price: 15 }], vals: [0, 10, 20, 30, 40, 50], flagged: 7 };

describe('evaluation', () => {
  it.each([
    ['a flat template', { 'name.$': '$.customerName', fixed: 1 }, { name: 'Bo', fixed: 1 }],
    ['literal keys stay literal even when the value looks like a path', { 'not-evaluated': '$customerName', 'x': '$.a' }, { 'not-evaluated': '$customerName', x: '$.a' }],
    ['nested objects', { outer: { 'inner.$': '$.flagged', deeper: { 'n.$': '$.vals[1]' } } }, { outer: { inner: 7, deeper: { n: 10 } } }],
    ['objects inside arrays', { list: [{ 'p.$': '$.items[0].price' }, 'plain $.string', 3, [{ 'q.$': '$.flagged' }]] }, { list: [{ p: 5 }, 'plain $.string', 3, [{ q: 7 }]] }],
    ['the spec example (slice and index)', { flagged: true, parts: { 'first.$': '$.vals[0]', 'last3.$': '$.vals[3:]' } }, { flagged: true, parts: { first: 0, last3: [30, 40, 50] } }],
    ['indefinite paths give arrays, [] when nothing matches', { 'cheap.$': '$.items[?(@.price < 10)]', 'none.$': '$.items[?(@.price > 99)]' }, { cheap: [{ price: 5 }], none: [] }],
    ['the whole input', { 'all.$': '$' }, { all: input }],
    ['context paths', { 'id.$': '$$.Execution.Id', 'item.$': '$$.Map.Item.Value', 'idx.$': '$$.Map.Item.Index', 'retries.$': '$$.State.RetryCount' }, { id: 'arn:aws:states:us-east-1:123456789012:execution:sm:run', item: { sku: 'x' }, idx: 2, retries: 1 }],
    ['variable paths', { 'who.$': '$customer.name', 'sum.$': '$total', 'ctx.$': '$$.Execution.Input.orderId' }, { who: 'Ana', sum: 10, ctx: 'o-1' }],
    ['intrinsic calls', { 'greeting.$': "States.Format('Hello {}', $.customerName)", 'n.$': 'States.ArrayLength($.vals)' }, { greeting: 'Hello Bo', n: 6 }],
    ['intrinsics reading variables and the context', { 'g.$': "States.Format('{} {}', $customer.name, $$.Execution.Input.orderId)" }, { g: 'Ana o-1' }],
    ['an empty object', {}, {}],
    ['a scalar template is its own value', 'just text', 'just text'],
    ['a top-level array', [{ 'a.$': '$.flagged' }], [{ a: 7 }]],
    ['null values are literal', { a: null, 'b.$': '$.items[1].price' }, { a: null, b: 15 }],
  ])('%s', (_name, value, expected) => {
    expect(template(value).evaluate(input, env)).toEqual(expected);
  });

  it('keeps key order, with .$ stripped', () => {
    const out = template({ z: 1, 'a.$': '$.flagged', m: 2 }).evaluate(input, env) as object;
    expect(Object.keys(out)).toEqual(['z', 'a', 'm']);
  });

  it('builds fresh objects each time and never mutates the template or the input', () => {
    const source = { outer: { fixed: [1, 2] }, 'v.$': '$.items' };
    const sourceCopy = structuredClone(source);
    const inputCopy = structuredClone(input);
    const compiled = template(source);
    const first = compiled.evaluate(input, env) as { outer: { fixed: number[] } };
    const second = compiled.evaluate(input, env) as { outer: { fixed: number[] } };
    expect(first).not.toBe(second);
    expect(first.outer).not.toBe(second.outer);
    expect(first.outer.fixed).not.toBe(source.outer.fixed);
    first.outer.fixed.push(3);
    expect(source).toEqual(sourceCopy);
    expect(input).toEqual(inputCopy);
    expect(compiled.evaluate(input, env)).toEqual({ outer: { fixed: [1, 2] }, v: input.items });
  });

  it('writes a key named __proto__ as data', () => {
    const out = template({ '__proto__.$': '$.flagged' }).evaluate(input, env) as object;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.entries(out)).toEqual([['__proto__', 7]]);
  });
});

describe('a missing definite path is States.Runtime (§2.4, §2.7)', () => {
  it.each([
    [{ 'value.$': '$.no_such_jsonpath' }, { 'int-literal': 0 }, `The JSONPath '$.no_such_jsonpath' specified for the field 'value.$' could not be found in the input '{"int-literal":0}'`],
    [{ 'value.$': '$$.Execution.Input.no_such_jsonpath' }, { 'int-literal': 0 }, `The JSONPath '$$.Execution.Input.no_such_jsonpath' specified for the field 'value.$' could not be found in the input '{"int-literal":0}'`],
    [{ outer: [{ 'inner.$': '$.a.b' }] }, { a: {} }, `The JSONPath '$.a.b' specified for the field 'inner.$' could not be found in the input '{"a":{}}'`],
    [{ 'v.$': '$neverAssigned' }, {}, `The JSONPath '$neverAssigned' specified for the field 'v.$' could not be found in the input '{}'`],
  ])('%j', (value, templateInput, cause) => {
    expect(thrown(() => template(value).evaluate(templateInput, env))).toEqual({ error: 'States.Runtime', cause });
  });
});

describe('compile errors', () => {
  const invalid = (key: string): string => `The value for the field '${key}' must be a valid JSONPath or a valid intrinsic function call`;

  it.each([
    [{ 'a.$': 'no-dollar' }, [{ message: invalid('a.$'), code: 'SCHEMA_VALIDATION_FAILED', path: ['Parameters', 'a.$'], detail: "The value must start with '$' or be an intrinsic function call such as States.Format(...)" }]],
    [{ 'a.$': 5 }, [{ message: invalid('a.$'), code: 'SCHEMA_VALIDATION_FAILED', path: ['Parameters', 'a.$'], detail: 'The value is a number, not a string' }]],
    [{ x: [{ 'b.$': '$.a..' }] }, [{ message: invalid('b.$'), code: 'SCHEMA_VALIDATION_FAILED', path: ['Parameters', 'x', 0, 'b.$'], detail: "Value is not a valid JSONPath: Path must not end with '..'", offset: 5 }]],
    [{ a: 1, 'a.$': '$.x' }, [{ message: "The field 'a' is duplicated (as 'a' and 'a.$')", code: 'DUPLICATE_FIELD_NAME', path: ['Parameters', 'a.$'] }]],
    [{ n: { 'k.$': '$.x', k: 2 } }, [{ message: "The field 'k' is duplicated (as 'k.$' and 'k')", code: 'DUPLICATE_FIELD_NAME', path: ['Parameters', 'n', 'k'] }]],
  ])('%j', (value, issues) => {
    expect(compilePayloadTemplate(value, { field: 'Parameters' })).toEqual({ ok: false, issues });
  });

  it('reports an invalid intrinsic call with the intrinsics parser detail', () => {
    const result = compilePayloadTemplate({ 'v.$': 'States.NoSuchFunction(1)' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues).toHaveLength(1);
      expect(result.issues[0]).toMatchObject({ message: invalid('v.$'), code: 'SCHEMA_VALIDATION_FAILED', path: ['v.$'] });
    }
  });

  it('collects every issue of a template', () => {
    const result = compilePayloadTemplate({ 'a.$': 1, b: { 'c.$': 'x' } });
    expect(result.ok ? [] : result.issues.map((i) => i.path)).toEqual([['a.$'], ['b', 'c.$']]);
  });
});

describe('evaluatePathField (ErrorPath, CausePath)', () => {
  it('returns the value or throws the §2.7 text naming the field', () => {
    const compiled = compilePath('$.NoSuchCausePath');
    if (!compiled.ok) throw new Error('compile');
    expect(thrown(() => evaluatePathField(compiled.value, { Error: 'error-value' }, env, 'CausePath'))).toEqual({
      error: 'States.Runtime',
      cause: `The JSONPath '$.NoSuchCausePath' specified for the field 'CausePath' could not be found in the input '{"Error":"error-value"}'`,
    });
    expect(evaluatePathField(compiled.value, { NoSuchCausePath: 'c' }, env, 'CausePath')).toBe('c');
  });
});
