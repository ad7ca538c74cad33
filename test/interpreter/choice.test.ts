import { describe, expect, it } from 'vitest';
import { run, types } from './helpers.js';

function machine(rule: object): object {
  return {
    StartAt: 'C',
    States: {
      C: { Type: 'Choice', Choices: [{ ...rule, Next: 'T' }], Default: 'F' },
      T: { Type: 'Pass', Result: true, End: true },
      F: { Type: 'Pass', Result: false, End: true },
    },
  };
}

async function decide(rule: object, input: unknown): Promise<unknown> {
  const result = await run(machine(rule), input);
  if (result.status !== 'SUCCEEDED') throw new Error(`${result.error}: ${result.cause}`);
  return result.output;
}

describe('Choice operators (ASL-NOTES §4.2-4.3)', () => {
  it.each([
    ['StringEquals', { Variable: '$.v', StringEquals: 'a' }, { v: 'a' }, true],
    ['StringEquals on null is false', { Variable: '$.v', StringEquals: 'HelloWorld' }, { v: null }, false],
    ['StringEquals on a number is false', { Variable: '$.v', StringEquals: '1' }, { v: 1 }, false],
    ['StringLessThan by code point', { Variable: '$.v', StringLessThan: 'AB' }, { v: 'A' }, true],
    ['StringGreaterThanEquals on empty', { Variable: '$.v', StringGreaterThanEquals: '' }, { v: '' }, true],
    ['StringLessThanEquals', { Variable: '$.v', StringLessThanEquals: 'b' }, { v: 'c' }, false],
    ['StringGreaterThan', { Variable: '$.v', StringGreaterThan: 'a' }, { v: 'b' }, true],
    ['StringEqualsPath', { Variable: '$.v', StringEqualsPath: '$.w' }, { v: 'x', w: 'x' }, true],
    ['StringEqualsPath with mismatched types', { Variable: '$.v', StringEqualsPath: '$.w' }, { v: 'x', w: 1 }, false],
    ['NumericEquals 0 and 0.0', { Variable: '$.v', NumericEquals: 0 }, { v: 0.0 }, true],
    ['NumericEquals on a numeric string is false', { Variable: '$.v', NumericEquals: 42 }, { v: '42' }, false],
    ['NumericLessThan', { Variable: '$.v', NumericLessThan: 2 }, { v: 1 }, true],
    ['NumericGreaterThan', { Variable: '$.v', NumericGreaterThan: 2 }, { v: 1 }, false],
    ['NumericLessThanEquals', { Variable: '$.v', NumericLessThanEquals: 1 }, { v: 1 }, true],
    ['NumericGreaterThanEquals', { Variable: '$.v', NumericGreaterThanEquals: 1.5 }, { v: 1 }, false],
    ['NumericGreaterThanPath', { Variable: '$.v', NumericGreaterThanPath: '$.w' }, { v: 3, w: 2 }, true],
    ['BooleanEquals', { Variable: '$.v', BooleanEquals: true }, { v: true }, true],
    ['BooleanEquals on 1 is false', { Variable: '$.v', BooleanEquals: true }, { v: 1 }, false],
    ['BooleanEqualsPath', { Variable: '$.v', BooleanEqualsPath: '$.w' }, { v: false, w: false }, true],
    ['TimestampEquals across offsets', { Variable: '$.v', TimestampEquals: '2016-03-14T01:59:00Z' }, { v: '2016-03-14T02:59:00+01:00' }, true],
    ['TimestampLessThan', { Variable: '$.v', TimestampLessThan: '2016-03-14T01:59:00Z' }, { v: '2016-03-14T01:58:59.999Z' }, true],
    ['TimestampGreaterThan on a non-timestamp is false', { Variable: '$.v', TimestampGreaterThan: '2016-03-14T01:59:00Z' }, { v: '2017-03-14' }, false],
    ['TimestampLessThanEqualsPath', { Variable: '$.v', TimestampLessThanEqualsPath: '$.w' }, { v: '2016-03-14T01:59:00Z', w: '2016-03-14T01:59:00Z' }, true],
    ['TimestampGreaterThanEquals on a number is false', { Variable: '$.v', TimestampGreaterThanEquals: '2016-03-14T01:59:00Z' }, { v: 1 }, false],
    ['IsNull', { Variable: '$.v', IsNull: true }, { v: null }, true],
    ['IsPresent on null', { Variable: '$.v', IsPresent: true }, { v: null }, true],
    ['IsPresent on a missing path', { Variable: '$.v', IsPresent: true }, {}, false],
    ['IsPresent false on a missing path', { Variable: '$.v', IsPresent: false }, {}, true],
    ['IsNumeric on "1" is false', { Variable: '$.v', IsNumeric: true }, { v: '1' }, false],
    ['IsString on a timestamp', { Variable: '$.v', IsString: true }, { v: '2016-03-14T01:59:00Z' }, true],
    ['IsBoolean false on 0', { Variable: '$.v', IsBoolean: false }, { v: 0 }, true],
    ['IsTimestamp', { Variable: '$.v', IsTimestamp: true }, { v: '2016-03-05T21:29:29.243167252Z' }, true],
    ['IsTimestamp without zone', { Variable: '$.v', IsTimestamp: true }, { v: '2016-12-05T21:29:29' }, false],
    ['And short-circuits behind IsPresent', { And: [{ Variable: '$.v', IsPresent: true }, { Variable: '$.v', NumericEquals: 1 }] }, {}, false],
    ['Or', { Or: [{ Variable: '$.v', NumericEquals: 2 }, { Variable: '$.v', NumericEquals: 1 }] }, { v: 1 }, true],
    ['Not', { Not: { Variable: '$.v', StringEquals: 'a' } }, { v: 'b' }, true],
    ['a context-object variable', { Variable: '$$.State.Name', StringEquals: 'C' }, {}, true],
    ['StringMatches with a wildcard', { Variable: '$.v', StringMatches: 'log-*.txt' }, { v: 'log-2024.txt' }, true],
    ['StringMatches is anchored', { Variable: '$.v', StringMatches: 'log-*' }, { v: 'xlog-1' }, false],
    ['StringMatches escaped asterisk', { Variable: '$.v', StringMatches: 'a\\*b' }, { v: 'a*b' }, true],
    ['StringMatches escaped asterisk is literal', { Variable: '$.v', StringMatches: 'a\\*b' }, { v: 'axxb' }, false],
    ['StringMatches escaped backslash', { Variable: '$.v', StringMatches: 'a\\\\*' }, { v: 'a\\zz' }, true],
    ['StringMatches keeps ? and [.] literal', { Variable: '$.v', StringMatches: '?[.]' }, { v: '?[.]' }, true],
    ['StringMatches on a number is false', { Variable: '$.v', StringMatches: '*' }, { v: 1 }, false],
  ])('%s', async (_name, rule, input, expected) => {
    expect(await decide(rule, input)).toBe(expected);
  });

  it('a missing Variable is States.Runtime', async () => {
    const result = await run(machine({ Variable: '$.foo', StringEquals: 'x' }), {});
    expect(result).toMatchObject({
      status: 'FAILED',
      error: 'States.Runtime',
      cause: "An error occurred while executing the state 'C' (entered at the event id #2). Invalid path '$.foo': The choice state's condition path references an invalid value.",
    });
  });

  it('no match and no Default is States.NoChoiceMatched', async () => {
    const result = await run({ StartAt: 'C', States: { C: { Type: 'Choice', Choices: [{ Variable: '$.v', NumericEquals: 1, Next: 'E' }] }, E: { Type: 'Succeed' } } }, { v: 2 });
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('States.NoChoiceMatched');
    expect(types(result)).toEqual(['ExecutionStarted', 'ChoiceStateEntered', 'ExecutionFailed']);
  });

  it('Choice output is the input through InputPath and OutputPath', async () => {
    const result = await run(
      { StartAt: 'C', States: { C: { Type: 'Choice', InputPath: '$.a', OutputPath: '$.b', Choices: [{ Variable: '$.b', IsPresent: true, Next: 'E' }] }, E: { Type: 'Succeed' } } },
      { a: { b: 5 } },
    );
    expect(result.output).toBe(5);
    expect(types(result)).toEqual(['ExecutionStarted', 'ChoiceStateEntered', 'ChoiceStateExited', 'SucceedStateEntered', 'SucceedStateExited', 'ExecutionSucceeded']);
  });
});
