import { describe, expect, it } from 'vitest';
import { INTRINSIC_FAILURE_ERROR } from '../../../src/expressions/intrinsics/index.js';
import { StatesError } from '../../../src/definition/errors.js';
import { compiled, makeEnv, runError } from './helpers.js';

const long = 'a'.repeat(10001);

/** [text, input, cause]: every run-time failure raises INTRINSIC_FAILURE_ERROR with a cause naming the function. */
const FAILURES: ReadonlyArray<readonly [string, unknown, string]> = [
  ['States.Format($.t, 1)', { t: '{} {}' }, 'Invalid arguments in States.Format: the template has 2 placeholders {} but 1 value was given'],
  ['States.Format($.t)', { t: 'x={}' }, 'Invalid arguments in States.Format: the template has 1 placeholder {} but 0 values were given'],
  ['States.Format($.t, 1)', { t: 7 }, 'Invalid arguments in States.Format: argument 1 must be a string, but was a number'],
  ['States.StringToJson($.s)', { s: '{"a":' }, 'Invalid arguments in States.StringToJson: the argument is not valid JSON'],
  ['States.StringToJson($.s)', { s: { a: 1 } }, 'Invalid arguments in States.StringToJson: argument 1 must be a string, but was an object'],
  ['States.ArrayPartition($.a, 0)', { a: [1] }, 'Invalid arguments in States.ArrayPartition: chunk size 0 must be greater than 0'],
  ['States.ArrayPartition($.a, 0.49)', { a: [1] }, 'Invalid arguments in States.ArrayPartition: chunk size 0.49 must be greater than 0'],
  ['States.ArrayPartition($.a, -1)', { a: [1] }, 'Invalid arguments in States.ArrayPartition: chunk size -1 must be greater than 0'],
  ['States.ArrayPartition($.a, $.n)', { a: [1], n: '2' }, 'Invalid arguments in States.ArrayPartition: argument 2 must be a number, but was a string'],
  ['States.ArrayPartition($.a, 2)', { a: 'not-array' }, 'Invalid arguments in States.ArrayPartition: argument 1 must be an array, but was a string'],
  ['States.ArrayContains($.a, 1)', { a: { 0: 1 } }, 'Invalid arguments in States.ArrayContains: argument 1 must be an array, but was an object'],
  ['States.ArrayRange(0, 10, $.z)', { z: 0 }, 'Invalid arguments in States.ArrayRange: step must not be 0'],
  ['States.ArrayRange(0, $.e, 1)', { e: 1000 }, 'Invalid arguments in States.ArrayRange: the range has 1001 elements; at most 1000 are allowed'],
  ['States.ArrayRange($.s, 10, 1)', { s: 3e9 }, 'Invalid arguments in States.ArrayRange: start 3000000000 is not a 32-bit integer'],
  ['States.ArrayGetItem($.a, 3)', { a: [10, 20, 30] }, 'Invalid arguments in States.ArrayGetItem: index 3 is out of bounds'],
  ['States.ArrayGetItem($.a, -1)', { a: [10, 20, 30] }, 'Invalid arguments in States.ArrayGetItem: index -1 is out of bounds'],
  ['States.ArrayGetItem($.a, $.i)', { a: [1], i: null }, 'Invalid arguments in States.ArrayGetItem: argument 2 must be a number, but was null'],
  ['States.ArrayLength($.a)', { a: 'abc' }, 'Invalid arguments in States.ArrayLength: argument 1 must be an array, but was a string'],
  ['States.ArrayUnique($.a)', { a: null }, 'Invalid arguments in States.ArrayUnique: argument 1 must be an array, but was null'],
  ['States.Base64Encode($.s)', { s: long }, 'Invalid arguments in States.Base64Encode: the input has 10001 characters; at most 10000 are allowed'],
  ['States.Base64Encode($.s)', { s: 1 }, 'Invalid arguments in States.Base64Encode: argument 1 must be a string, but was a number'],
  ['States.Base64Decode($.s)', { s: long }, 'Invalid arguments in States.Base64Decode: the input has 10001 characters; at most 10000 are allowed'],
  ['States.Base64Decode($.s)', { s: 'abcde' }, 'Invalid arguments in States.Base64Decode: the input is not valid Base64'],
  ['States.Base64Decode($.s)', { s: {} }, 'Invalid arguments in States.Base64Decode: argument 1 must be a string, but was an object'],
  ["States.Hash($.s, 'MD5')", { s: long }, 'Invalid arguments in States.Hash: the input has 10001 characters; at most 10000 are allowed'],
  [
    'States.Hash($.s, $.alg)',
    { s: 'x', alg: 'sha256' },
    "Invalid arguments in States.Hash: unsupported algorithm 'sha256'; use one of MD5, SHA-1, SHA-256, SHA-384, SHA-512",
  ],
  ["States.Hash($.s, 'MD5')", { s: { a: 1 } }, 'Invalid arguments in States.Hash: argument 1 must be a string, but was an object'],
  [
    'States.JsonMerge($.a, $.b, $.deep)',
    { a: {}, b: {}, deep: true },
    'Invalid arguments in States.JsonMerge: deep merging is not supported; the third argument must be false',
  ],
  ['States.JsonMerge($.a, $.b, false)', { a: [], b: {} }, 'Invalid arguments in States.JsonMerge: argument 1 must be an object, but was an array'],
  ['States.JsonMerge($.a, $.b, $.deep)', { a: {}, b: {}, deep: 'false' }, 'Invalid arguments in States.JsonMerge: argument 3 must be a boolean, but was a string'],
  ['States.MathRandom(1, 1)', {}, 'Invalid arguments in States.MathRandom: start 1 must be less than end 1'],
  ['States.MathRandom(10, 5)', {}, 'Invalid arguments in States.MathRandom: start 10 must be less than end 5'],
  ['States.MathRandom(1.49, 1.49)', {}, 'Invalid arguments in States.MathRandom: start 1 must be less than end 1'],
  ['States.MathRandom(1.4, 1.6)', {}, 'Invalid arguments in States.MathRandom: start 1 must be less than end 1'],
  ['States.MathRandom(1, 10, $.seed)', { seed: 'seed' }, 'Invalid arguments in States.MathRandom: argument 3 must be a number, but was a string'],
  [
    'States.MathRandom(-2147483648, 2147483647, 1)',
    {},
    'Invalid arguments in States.MathRandom: the range from -2147483648 to 2147483647 is wider than 2147483647',
  ],
  ['States.MathAdd(2147483647, 1)', {}, 'Invalid arguments in States.MathAdd: the sum 2147483648 is not a 32-bit integer'],
  ['States.MathAdd(-2147483648, -1)', {}, 'Invalid arguments in States.MathAdd: the sum -2147483649 is not a 32-bit integer'],
  ['States.MathAdd(3000000000, 1)', {}, 'Invalid arguments in States.MathAdd: operand 3000000000 is not a 32-bit integer'],
  ['States.MathAdd(1e309, 1)', {}, 'Invalid arguments in States.MathAdd: operand Infinity is not a 32-bit integer'],
  ['States.MathAdd($.a, 1)', { a: '1' }, 'Invalid arguments in States.MathAdd: argument 1 must be a number, but was a string'],
  ['States.MathAdd(1, $.b)', { b: [0, 1] }, 'Invalid arguments in States.MathAdd: argument 2 must be a number, but was an array'],
  ['States.StringSplit($.s, $.d)', { s: 'a,b', d: 1 }, 'Invalid arguments in States.StringSplit: argument 2 must be a string, but was a number'],
  // the innermost failing call names itself
  ['States.ArrayLength(States.StringSplit($.s, $.d))', { s: 'a', d: 5 }, 'Invalid arguments in States.StringSplit: argument 2 must be a string, but was a number'],
];

describe('intrinsic runtime failures', () => {
  it.each(FAILURES)('%s with %j fails: %s', (text, input, cause) => {
    expect(runError(text, input)).toEqual({ error: INTRINSIC_FAILURE_ERROR, cause });
  });

  it('names States.Runtime, as AWS does (not the spec\'s States.IntrinsicFailure)', () => {
    expect(INTRINSIC_FAILURE_ERROR).toBe('States.Runtime');
  });
});

describe('missing path arguments', () => {
  it.each([
    ["States.Format('{}', $.missing)", {}, "The JSONPath '$.missing' specified for the field 'value.$' could not be found in the input '{}'"],
    ['States.MathAdd($.a.b, 1)', { a: { c: 1 } }, `The JSONPath '$.a.b' specified for the field 'value.$' could not be found in the input '{"a":{"c":1}}'`],
    ['States.ArrayLength($$.Execution.Input.list)', { x: 1 }, `The JSONPath '$$.Execution.Input.list' specified for the field 'value.$' could not be found in the input '{"x":1}'`],
    ['States.JsonToString($unknown)', {}, "The JSONPath '$unknown' specified for the field 'value.$' could not be found in the input '{}'"],
    ['States.Array(1, States.Array($.deep.x))', { deep: {} }, `The JSONPath '$.deep.x' specified for the field 'value.$' could not be found in the input '{"deep":{}}'`],
  ] as const)('%s on %j raises States.Runtime', (text, input, cause) => {
    expect(runError(text, input, makeEnv({ context: { Execution: { Input: {} } } }))).toEqual({ error: 'States.Runtime', cause });
  });

  it('names the field it is given', () => {
    expect(() => compiled("States.Format('{}', $.e)").evaluate({}, makeEnv(), 'CausePath')).toThrow(
      new StatesError('States.Runtime', "The JSONPath '$.e' specified for the field 'CausePath' could not be found in the input '{}'"),
    );
  });
});
