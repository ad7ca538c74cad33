import { describe, expect, it } from 'vitest';
import { arityOf, KNOWN_FUNCTIONS, seededRandom } from '../../../src/expressions/jsonata/index.js';
import { bindings, evaluate, failure } from './helpers.js';

const Q = 'States.QueryEvaluationError';

describe("AWS's added functions (ASL-NOTES §3.6)", () => {
  it.each([
    ['{% $partition([1, 2, 3, 4, 5, 6, 7, 8, 9], 3) %}', [[1, 2, 3], [4, 5, 6], [7, 8, 9]]],
    ['{% $partition([1, 2, 3, 4, 5], 2) %}', [[1, 2], [3, 4], [5]]],
    ['{% $partition([1, 2], 5) %}', [[1, 2]]],
    ['{% $partition([], 2) %}', []],
    // §12.12: a singleton sequence collapses to a scalar.
    ['{% $range(1, 9, 9) %}', 1],
    ['{% $range(0, 10, 3) %}', [0, 3, 6, 9]],
    ['{% $range(0, 10, 2) %}', [0, 2, 4, 6, 8, 10]],
    ['{% $range(5, 1, -2) %}', [5, 3, 1]],
    ['{% $range(0, 1, 0.5) %}', [0, 0.5, 1]],
    ['{% [$range(1, 1, 1)] %}', [1]],
    ["{% $hash('abc', 'MD5') %}", '900150983cd24fb0d6963f7d28e17f72'],
    ["{% $hash('abc', 'SHA-1') %}", 'a9993e364706816aba3e25717850c26c9cd0d89d'],
    ["{% $hash('abc', 'SHA-256') %}", 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      "{% $hash('abc', 'SHA-384') %}",
      'cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7',
    ],
    [
      "{% $hash('abc', 'SHA-512') %}",
      'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
    ],
    ['{% $random() %}', 0.5],
    ['{% $random(42) %}', 0.7275636800328681],
    ['{% $random(42) = $random(42) %}', true],
    ['{% $uuid() %}', '80808080-8080-4080-8080-808080808080'],
    ['{% $parse(\'{"a": [1, true, null]}\') %}', { a: [1, true, null] }],
    ["{% $parse('[1]') %}", [1]],
    ["{% $parse('\"s\"') %}", 's'],
  ])('%s -> %j', async (text, expected) => {
    expect(await evaluate(text)).toEqual(expected);
  });

  it('draws $uuid() bytes from the injected random source as a v4 UUID', async () => {
    let i = 0;
    const draws = Array.from({ length: 16 }, (_, k) => k / 16);
    const result = await evaluate('{% $uuid() %}', bindings({ random: () => draws[i++] ?? 0 }));
    expect(result).toBe('00102030-4050-4070-8090-a0b0c0d0e0f0');
  });

  it('gives java.util.Random-compatible seeded draws', () => {
    expect(seededRandom(0)).toBe(0.730967787376657);
    expect(seededRandom(42)).toBe(0.7275636800328681);
    expect(seededRandom(42.9)).toBe(0.7275636800328681);
  });

  it.each([
    ["{% $hash('abc', 'SHA-3') %}", 'The hash algorithm \'SHA-3\' is not supported. Supported algorithms: MD5, SHA-1, SHA-256, SHA-384, SHA-512'],
    ['{% $partition([1], 0) %}', 'The chunk size must be a positive integer, but was: 0'],
    ['{% $range(1, 5, 0) %}', 'The step must not be zero'],
    ["{% $parse('{x') %}", 'The string could not be parsed as JSON: {x'],
    ["{% $range('1', 5, 1) %}", 'T0410: Argument 1 of function "range" does not match function signature'],
  ])('%s fails: %s', async (text, detail) => {
    const expr = text.slice(3, -3);
    expect(await failure(evaluate(text))).toEqual({
      error: Q,
      cause: `The JSONata expression '${expr}' specified for the field 'Output' threw an error during evaluation. ${detail}`,
    });
  });

  it('returns nothing for an empty range', async () => {
    expect((await failure(evaluate('{% $range(5, 1, 1) %}'))).cause).toBe(
      "The JSONata expression '$range(5, 1, 1)' specified for the field 'Output' returned nothing (undefined).",
    );
  });
});

describe('function table', () => {
  it.each([
    ['<s-nn?:s>', { min: 2, max: 3, contextual: true }],
    ['<a+>', { min: 1, max: Infinity, contextual: false }],
    ['<:n>', { min: 0, max: 0, contextual: false }],
    ['<(nsb)-:n>', { min: 1, max: 1, contextual: true }],
    ['<s-f<s:o>n?:a<o>>', { min: 2, max: 3, contextual: true }],
    ['<s?s?:s>', { min: 0, max: 2, contextual: false }],
  ])('arityOf(%s)', (signature, arity) => {
    expect(arityOf(signature)).toEqual(arity);
  });

  it('knows the AWS functions and not $eval', () => {
    expect(KNOWN_FUNCTIONS.get('partition')).toEqual({ min: 2, max: 2, contextual: false });
    expect(KNOWN_FUNCTIONS.get('range')).toEqual({ min: 3, max: 3, contextual: false });
    expect(KNOWN_FUNCTIONS.get('random')).toEqual({ min: 0, max: 1, contextual: false });
    expect(KNOWN_FUNCTIONS.get('uuid')).toEqual({ min: 0, max: 0, contextual: false });
    expect(KNOWN_FUNCTIONS.get('parse')).toEqual({ min: 1, max: 1, contextual: false });
    expect(KNOWN_FUNCTIONS.get('hash')).toEqual({ min: 2, max: 2, contextual: false });
    expect(KNOWN_FUNCTIONS.get('substring')).toEqual({ min: 2, max: 3, contextual: true });
    expect(KNOWN_FUNCTIONS.has('eval')).toBe(false);
    expect(KNOWN_FUNCTIONS.has('now')).toBe(true);
  });
});
