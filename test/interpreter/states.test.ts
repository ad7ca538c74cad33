import { describe, expect, it } from 'vitest';
import { run, single, types } from './helpers.js';

describe('Pass', () => {
  it.each([
    ['Result replaces the input', { Type: 'Pass', Result: { x: 1 }, End: true }, { a: 1 }, { x: 1 }],
    ['Result is not a template', { Type: 'Pass', Result: { 'k.$': '$.a' }, End: true }, { a: 1 }, { 'k.$': '$.a' }],
    ['ResultPath merges into the raw input', { Type: 'Pass', Result: 7, ResultPath: '$.r.s', End: true }, { a: 1 }, { a: 1, r: { s: 7 } }],
    ['ResultPath null keeps the input', { Type: 'Pass', Result: 7, ResultPath: null, End: true }, { a: 1 }, { a: 1 }],
    ['Parameters with paths and intrinsics', { Type: 'Pass', Parameters: { 'v.$': '$.a', 'f.$': "States.Format('n={}', $.a)", lit: '$.a' }, End: true }, { a: 2 }, { v: 2, f: 'n=2', lit: '$.a' }],
    ['InputPath null gives {}', { Type: 'Pass', InputPath: null, End: true }, { a: 1 }, {}],
    ['OutputPath selects', { Type: 'Pass', OutputPath: '$.a', End: true }, { a: [1] }, [1]],
  ])('%s', async (_name, state, input, output) => {
    const result = await run(single(state), input);
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toEqual(output);
    expect(types(result)).toEqual(['ExecutionStarted', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded']);
  });
});

describe('the JSONPath pipeline (ASL-NOTES §13.1)', () => {
  it('merges the ResultSelector output into the raw input, not the InputPath output', async () => {
    const result = await run(
      single({
        Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', InputPath: '$.lambda',
        Parameters: { 'p.$': '$.x' }, ResultSelector: { 'got.$': '$.Payload.echo' }, ResultPath: '$.data.r', OutputPath: '$.data', End: true,
      }),
      { lambda: { x: 5 }, keep: true },
      { handlers: { S: (input) => ({ echo: input }) } },
    );
    expect(result.output).toEqual({ r: { got: { p: 5 } } });
  });
});

describe('Succeed and Fail', () => {
  it('Succeed applies InputPath and OutputPath', async () => {
    const result = await run(single({ Type: 'Succeed', InputPath: '$.a', OutputPath: '$.b' }), { a: { b: 3 } });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: 3 });
    expect(types(result)).toEqual(['ExecutionStarted', 'SucceedStateEntered', 'SucceedStateExited', 'ExecutionSucceeded']);
  });

  it.each([
    ['literal Error and Cause', { Error: 'E', Cause: 'C' }, {}, { error: 'E', cause: 'C' }],
    ['ErrorPath and CausePath', { ErrorPath: '$.e', CausePath: "States.Format('c={}', $.c)" }, { e: 'X', c: 1 }, { error: 'X', cause: 'c=1' }],
    ['neither: no details', {}, {}, {}],
  ])('Fail with %s', async (_name, fields, input, expected) => {
    const result = await run(single({ Type: 'Fail', ...fields }), input);
    expect(result.status).toBe('FAILED');
    expect({ error: result.error, cause: result.cause }).toEqual({ error: undefined, cause: undefined, ...expected });
    expect(types(result)).toEqual(['ExecutionStarted', 'FailStateEntered', 'ExecutionFailed']);
  });

  it('a missing CausePath is States.Runtime with the prefix', async () => {
    const result = await run(single({ Type: 'Fail', CausePath: '$.nope' }), { a: 1 });
    expect(result.error).toBe('States.Runtime');
    expect(result.cause).toBe(
      "An error occurred while executing the state 'S' (entered at the event id #2). The JSONPath '$.nope' specified for the field 'CausePath' could not be found in the input '{\"a\":1}'",
    );
  });
});

describe('Wait', () => {
  const prefix = "An error occurred while executing the state 'S' (entered at the event id #2). ";
  it.each([
    [{ SecondsPath: '$.input.waitSeconds' }, { input: { waitSeconds: 1.5 } }, 'The SecondsPath parameter cannot be parsed as a long value: $.input.waitSeconds == 1.5'],
    [{ SecondsPath: '$.input.waitSeconds' }, { input: { waitSeconds: -1 } }, 'The SecondsPath parameter references a negative value: $.input.waitSeconds == -1'],
    [{ SecondsPath: '$.input.waitSeconds' }, { input: {} }, 'The SecondsPath parameter does not reference an input value: $.input.waitSeconds'],
    [{ TimestampPath: '$.start_at' }, { start_at: '2016-12-05T21:29:29' }, 'The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: $.start_at == 2016-12-05T21:29:29'],
    [{ TimestampPath: '$.start_at' }, { start_at: '2016-12-05T21:29:29.000000' }, 'The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: $.start_at == 2016-12-05T21:29:29.000000'],
    [{ SecondsPath: '$.s' }, { s: 2_147_483_648 }, 'Wait state delay is too long.'],
  ])('%j with %j fails with States.Runtime', async (fields, input, cause) => {
    const result = await run(single({ Type: 'Wait', ...fields, End: true }), input);
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime', cause: prefix + cause });
  });

  it.each([
    [{ SecondsPath: '$.s' }, { s: 0 }],
    [{ TimestampPath: '$.t' }, { t: '2016-03-05T21:29:29Z' }],
    [{ TimestampPath: '$.t' }, { t: '2016-03-05T21:29:29.000000Z' }],
    [{ TimestampPath: '$.t' }, { t: '2016-03-05T21:29:29.00Z' }],
  ])('%j with %j succeeds', async (fields, input) => {
    const result = await run(single({ Type: 'Wait', ...fields, End: true }), input);
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: input });
  });

  it('takes no wall time on the simulated clock, and moves the clock by the wait', async () => {
    const started = Date.now();
    const result = await run(single({ Type: 'Wait', Seconds: 86_400, End: true }));
    expect(Date.now() - started).toBeLessThan(1000);
    const [entered, exited] = result.history.filter((e) => e.type.startsWith('Wait'));
    expect(exited!.timestamp.getTime() - entered!.timestamp.getTime()).toBe(86_400_000);
    expect(types(result)).toEqual(['ExecutionStarted', 'WaitStateEntered', 'WaitStateExited', 'ExecutionSucceeded']);
  });
});

const LOOP = {
  StartAt: 'A',
  States: {
    A: { Type: 'Pass', Next: 'B' },
    B: { Type: 'Choice', Choices: [{ Variable: '$.stop', IsPresent: true, Next: 'C' }], Default: 'A' },
    C: { Type: 'Succeed' },
  },
};

describe('quotas', () => {
  it('fails with States.DataLimitExceeded when a state output exceeds 256 KiB', async () => {
    const result = await run(single({ Type: 'Pass', Parameters: { 'big.$': '$.s', 'again.$': '$.s' }, End: true }), { s: 'x'.repeat(131_072) });
    expect(result).toMatchObject({
      status: 'FAILED',
      error: 'States.DataLimitExceeded',
      cause: "The state/task 'S' returned a result with a size exceeding the maximum number of bytes service limit.",
    });
  });

  it('stops a runaway loop at the configured maximum of transitions', async () => {
    const result = await run(LOOP, {}, { limits: { maxTransitions: 10 } });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime', cause: 'The execution exceeded the configured maximum of 10 state transitions.' });
  });

  it('fails when the history reaches 25,000 events', async () => {
    const result = await run(LOOP);
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime', cause: 'The execution history reached its limit of 25000 events.' });
    expect(result.history).toHaveLength(25_001);
  });
});
