import { describe, expect, it } from 'vitest';
import { run, single } from './helpers.js';

/** An Assign with an own `__proto__` key, as JSON.parse makes it (a literal would set the prototype). */
const PROTO_ASSIGN = JSON.parse('{"__proto__": {"polluted": true}, "other": 1}') as object;

describe('a variable named __proto__ is stored and read as data', () => {
  it.each<[string, object]>([
    ['JSONPath', {
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Assign: PROTO_ASSIGN, Next: 'B' },
        B: { Type: 'Pass', Parameters: { 'value.$': '$__proto__', 'other.$': '$other' }, End: true },
      },
    }],
    ['JSONata', {
      QueryLanguage: 'JSONata',
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Assign: PROTO_ASSIGN, Next: 'B' },
        B: { Type: 'Pass', Output: { value: '{% $__proto__ %}', other: '{% $other %}' }, End: true },
      },
    }],
  ])('%s', async (_label, definition) => {
    const result = await run(definition);
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toEqual({ value: { polluted: true }, other: 1 });
    const exited = result.history.find((e) => e.type === 'PassStateExited');
    expect(Object.keys(exited?.stateExitedEventDetails?.assignedVariables ?? {})).toEqual(['__proto__', 'other']);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe('no JavaScript error text becomes a Cause', () => {
  it.each<[string, string]>([
    ['$partition of a missing value', '{% $partition($states.input.missing, 2) %}'],
    ['$partition with a missing size', '{% $partition([1, 2], $states.input.missing) %}'],
  ])('%s', async (_label, expression) => {
    const result = await run({ QueryLanguage: 'JSONata', ...single({ Type: 'Pass', Output: expression, End: true }) });
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('States.QueryEvaluationError');
    expect(result.cause).toContain('threw an error during evaluation.');
    expect(result.cause).not.toMatch(/Cannot read properties|is not a function|undefined \(reading/);
  });
});

describe('Wait values beyond what AWS accepts fail cleanly', () => {
  const tooLong = 'Wait state delay is too long.';
  it.each<[string, object, unknown, string, string]>([
    ['literal Seconds beyond the maximum', { Seconds: 1e308 }, {}, 'States.Runtime', tooLong],
    ['literal Seconds of 2^31', { Seconds: 2_147_483_648 }, {}, 'States.Runtime', tooLong],
    ['SecondsPath beyond the maximum', { SecondsPath: '$.s' }, { s: 1e308 }, 'States.Runtime', tooLong],
    ['literal Timestamp beyond the maximum delay', { Timestamp: '9999-12-31T23:59:59Z' }, {}, 'States.Runtime', tooLong],
    ['TimestampPath beyond the maximum delay', { TimestampPath: '$.t' }, { t: '+275760-09-13T00:00:00Z' }, 'States.Runtime', ''],
  ])('%s (JSONPath)', async (_label, fields, input, error, cause) => {
    const result = await run(single({ Type: 'Wait', ...fields, End: true }), input);
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe(error);
    expect(result.cause).toContain(cause);
    expect(result.history.some((e) => e.type === 'WaitStateExited')).toBe(false);
  });

  it.each<[string, object, string]>([
    ['Seconds from an expression beyond the maximum', { Seconds: '{% 1e308 %}' }, tooLong],
    ['Seconds from an expression, not an integer', { Seconds: '{% 1.5 %}' }, "Expected 'integer'"],
    ['Timestamp from an expression beyond the maximum delay', { Timestamp: '{% "9999-12-31T23:59:59Z" %}' }, tooLong],
  ])('%s (JSONata)', async (_label, fields, cause) => {
    const result = await run({ QueryLanguage: 'JSONata', ...single({ Type: 'Wait', ...fields, End: true }) });
    expect(result.status).toBe('FAILED');
    expect(result.cause).toContain(cause);
  });
});

describe('an unknown hash algorithm fails cleanly, whatever its name', () => {
  it.each(['constructor', '__proto__', 'toString', 'sha256'])('States.Hash and $hash with %s', async (algorithm) => {
    const jsonPath = await run(single({ Type: 'Pass', Parameters: { 'h.$': 'States.Hash($.v, $.a)' }, End: true }), { v: 'x', a: algorithm });
    expect(jsonPath).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(jsonPath.cause).toContain(`unsupported algorithm '${algorithm}'`);
    const jsonata = await run({ QueryLanguage: 'JSONata', ...single({ Type: 'Pass', Output: '{% $hash($states.input.v, $states.input.a) %}', End: true }) }, { v: 'x', a: algorithm });
    expect(jsonata).toMatchObject({ status: 'FAILED', error: 'States.QueryEvaluationError' });
    expect(jsonata.cause).toContain(`The hash algorithm '${algorithm}' is not supported.`);
  });
});
