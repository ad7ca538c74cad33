import { describe, expect, it } from 'vitest';
import { StatesError } from '../../../src/definition/errors.js';
import { applyInputPath, applyOutputPath, applyResultPath, compilePath } from '../../../src/expressions/paths/index.js';
import type { CompiledPath } from '../../../src/expressions/paths/index.js';
import type { EvaluationEnv } from '../../../src/expressions/types.js';

const env: EvaluationEnv = {
  context: { Execution: { Input: { 'input-value': 0 } } },
  variables: { answer: 42 },
  random: () => 0,
};

function path(text: string, kind: 'Path' | 'ReferencePath' = 'Path'): CompiledPath {
  const result = compilePath(text, kind);
  if (!result.ok) throw new Error(result.issues[0]?.message);
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

describe('InputPath and OutputPath', () => {
  const input = { lambda: { who: 'AWS' }, list: [1, 2], 'int-literal': 0 };

  it.each([
    ['absent keeps the input', undefined, input],
    ['null gives {}', null, {}],
    ['$ keeps the input', '$', input],
    ['$.lambda selects', '$.lambda', { who: 'AWS' }],
    ['$.list[*] gives an array', '$.list[*]', [1, 2]],
    ['$.nothing[*] gives []', '$.nothing[*]', []],
    ['$$ gives the context object', '$$', env.context],
    ['$$.Execution.Input', '$$.Execution.Input', { 'input-value': 0 }],
    ['$answer reads a variable', '$answer', 42],
  ])('%s', (_name, text, expected) => {
    const compiled = text === undefined ? undefined : text === null ? null : path(text);
    expect(applyInputPath(compiled, input, env)).toEqual(expected);
    expect(applyOutputPath(compiled, input, env)).toEqual(expected);
  });

  it.each([
    ['$.NoSuchOutputPath', { 'int-literal': 0 }, "Invalid path '$.NoSuchOutputPath' : No results for path: $['NoSuchOutputPath']"],
    ['$.no.such.result.path', {}, "Invalid path '$.no.such.result.path' : Missing property in path $['no']"],
    ['$.list[5]', { list: [] }, "Invalid path '$.list[5]' : No results for path: $['list'][5]"],
    ['$undefinedVar', {}, "Invalid path '$undefinedVar' : No results for path: $undefinedVar"],
  ])('%s that finds nothing is States.Runtime (§2.7)', (text, input, cause) => {
    expect(thrown(() => applyOutputPath(path(text), input, env))).toEqual({ error: 'States.Runtime', cause });
  });
});

describe('ResultPath', () => {
  const raw = { comment: 'c', strings: { a: 1 }, list: [{ x: 1 }, { x: 2 }] };
  const frozen = JSON.stringify(raw);

  it.each([
    ['null keeps the raw input', null, raw],
    ['absent replaces the input', undefined, 'R'],
    ['$ replaces the input', '$', 'R'],
    ['$.taskresult adds a key', '$.taskresult', { ...raw, taskresult: 'R' }],
    ['$.strings.lambdaresult adds a nested key', '$.strings.lambdaresult', { ...raw, strings: { a: 1, lambdaresult: 'R' } }],
    ['$.comment overwrites', '$.comment', { ...raw, comment: 'R' }],
    ['$.strings overwrites an object', '$.strings', { ...raw, strings: 'R' }],
    ['$.new.deep.key creates objects', '$.new.deep.key', { ...raw, new: { deep: { key: 'R' } } }],
    ['$.list[1].y sets inside an array element', '$.list[1].y', { ...raw, list: [{ x: 1 }, { x: 2, y: 'R' }] }],
    ['$.list[-1] replaces the last element', '$.list[-1]', { ...raw, list: [{ x: 1 }, 'R'] }],
    ["$['odd key'] uses brackets", "$['odd key']", { ...raw, 'odd key': 'R' }],
  ])('%s', (_name, text, expected) => {
    const compiled = text === undefined ? undefined : text === null ? null : path(text, 'ReferencePath');
    expect(applyResultPath(compiled, raw, 'R')).toEqual(expected);
    expect(JSON.stringify(raw)).toBe(frozen);
  });

  it('shares untouched parts and copies the objects along the path', () => {
    const out = applyResultPath(path('$.strings.b'), raw, 2) as typeof raw;
    expect(out).not.toBe(raw);
    expect(out.strings).not.toBe(raw.strings);
    expect(out.list).toBe(raw.list);
  });

  it('sets __proto__ as an ordinary key', () => {
    const out = applyResultPath(path("$['__proto__'].polluted"), {}, true) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it.each([
    ['$.x', 'foo', `Unable to apply ResultPath '$.x' to input '"foo"': expected an object at $ but found "foo"`],
    ['$.x', [1], `Unable to apply ResultPath '$.x' to input '[1]': expected an object at $ but found [1]`],
    ['$.a.b', { a: 5 }, `Unable to apply ResultPath '$.a.b' to input '{"a":5}': expected an object at $['a'] but found 5`],
    ['$.a.b', { a: null }, `Unable to apply ResultPath '$.a.b' to input '{"a":null}': expected an object at $['a'] but found null`],
    ['$.a[0]', { a: {} }, `Unable to apply ResultPath '$.a[0]' to input '{"a":{}}': expected an array at $['a'] but found {}`],
    ['$.a[0]', {}, `Unable to apply ResultPath '$.a[0]' to input '{}': expected an array at $['a'] but found nothing`],
    ['$.a[2]', { a: [1] }, `Unable to apply ResultPath '$.a[2]' to input '{"a":[1]}': index 2 is out of bounds`],
  ])('%s on %j is States.ResultPathMatchFailure', (text, input, cause) => {
    expect(thrown(() => applyResultPath(path(text, 'ReferencePath'), input, 'R'))).toEqual({
      error: 'States.ResultPathMatchFailure',
      cause,
    });
  });

  it('refuses a path that is not a reference path into the input', () => {
    expect(thrown(() => applyResultPath(path('$$.Execution'), {}, 1))).toEqual({
      error: 'States.ResultPathMatchFailure',
      cause: "ResultPath '$$.Execution' is not a reference path into the state input",
    });
  });
});
