import { describe, expect, it } from 'vitest';
import { SimulatedClock } from '../../src/interpreter/clock.js';
import { StateFailure } from '../../src/interpreter/errors.js';
import { compileRetrier, decideRetry, errorEqualsMatches, findCatcher } from '../../src/interpreter/retry-catch.js';
import { StatesError } from '../../src/definition/errors.js';
import { run, single, types } from './helpers.js';

describe('matching (ASL-NOTES §5.4)', () => {
  it.each([
    [['E'], new StateFailure('E'), true],
    [['E'], new StateFailure('F'), false],
    [['States.ALL'], new StateFailure('anything'), true],
    [['States.ALL'], new StateFailure('States.Runtime'), false],
    [['States.Runtime'], new StateFailure('States.Runtime'), false],
    [['States.ALL'], new StateFailure('States.DataLimitExceeded'), false],
    [['States.ALL'], new StateFailure('States.DataLimitExceeded', '', { terminal: false }), true],
    [['States.TaskFailed'], new StateFailure('Lambda.Unknown'), true],
    [['States.TaskFailed'], new StateFailure('States.Timeout'), false],
    [['States.HeartbeatTimeout'], new StateFailure('States.Timeout', '', { heartbeat: true }), true],
    [['States.HeartbeatTimeout'], new StateFailure('States.Timeout'), false],
    [['State.ALL'], new StateFailure('E'), false],
  ])('%j against %s', (errorEquals, failure, expected) => {
    expect(errorEqualsMatches(errorEquals, failure)).toBe(expected);
  });

  it('the first matching catcher wins', () => {
    const catchers = [{ errorEquals: ['A'] }, { errorEquals: ['States.ALL'] }];
    expect(findCatcher(catchers, new StateFailure('A'))).toBe(0);
    expect(findCatcher(catchers, new StateFailure('B'))).toBe(1);
  });
});

describe('retry decisions (ASL-NOTES §5.2)', () => {
  it('follows the spec example: A, B, C, B waits 1 s, 2 s, 5 s, then gives up', () => {
    const retriers = [compileRetrier({ ErrorEquals: ['A', 'B'], MaxAttempts: 2 }), compileRetrier({ ErrorEquals: ['C'], IntervalSeconds: 5 })];
    const counters = [0, 0];
    const delays: (number | 'catch')[] = [];
    for (const name of ['A', 'B', 'C', 'B']) {
      const d = decideRetry(retriers, counters, new StateFailure(name), () => 0.5);
      if (d.retry) {
        counters[d.retrier]!++;
        delays.push(d.delayMs);
      } else delays.push('catch');
    }
    expect(delays).toEqual([1000, 2000, 5000, 'catch']);
  });

  it('caps with MaxDelaySeconds, then applies FULL jitter', () => {
    const r = [compileRetrier({ ErrorEquals: ['E'], IntervalSeconds: 3, BackoffRate: 2, MaxDelaySeconds: 4, JitterStrategy: 'FULL' })];
    expect(decideRetry(r, [0], new StateFailure('E'), () => 0.5)).toEqual({ retry: true, retrier: 0, delayMs: 1500 });
    expect(decideRetry(r, [1], new StateFailure('E'), () => 0.5)).toEqual({ retry: true, retrier: 0, delayMs: 2000 });
  });

  it('MaxAttempts 0 never retries', () => {
    expect(decideRetry([compileRetrier({ ErrorEquals: ['E'], MaxAttempts: 0 })], [0], new StateFailure('E'), Math.random)).toEqual({ retry: false });
  });
});

describe('Retry and Catch in an execution', () => {
  it('waits IntervalSeconds x BackoffRate^n on the simulated clock', async () => {
    const clock = new SimulatedClock({ start: 0 });
    const at: number[] = [];
    const result = await run(
      single({ Type: 'Task', Resource: 'arn:aws:states:::dynamodb:putItem', Retry: [{ ErrorEquals: ['E'], IntervalSeconds: 2, BackoffRate: 3, MaxAttempts: 3 }], End: true }),
      {},
      {
        clock,
        handlers: {
          S: (_input, ctx) => {
            at.push(clock.now());
            if (ctx.attempt < 3) throw new StatesError('E', 'boom');
            return ctx.attempt;
          },
        },
      },
    );
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: 3 });
    expect(at).toEqual([0, 2000, 8000, 26000]);
  });

  it('applies FULL jitter from the injected random source', async () => {
    const clock = new SimulatedClock({ start: 0 });
    const at: number[] = [];
    await run(
      single({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 10, MaxAttempts: 2, JitterStrategy: 'FULL' }], End: true }),
      {},
      { clock, random: () => 0.25, handlers: { S: () => { at.push(clock.now()); throw new Error('x'); } } },
    );
    expect(at).toEqual([0, 2500, 7500]);
  });

  it('a caught error skips ResultSelector, ResultPath and OutputPath (§12.3)', async () => {
    const result = await run(
      {
        StartAt: 'T',
        States: {
          T: {
            Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:f', ResultPath: '$.Payload', OutputPath: '$.no.such.path',
            Catch: [{ ErrorEquals: ['States.ALL'], Next: 'H' }], Next: 'H',
          },
          H: { Type: 'Pass', End: true },
        },
      },
      {},
      { handlers: { T: () => { throw new StatesError('Exception', '{"errorMessage":"m"}'); } } },
    );
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { Error: 'Exception', Cause: '{"errorMessage":"m"}' } });
    expect(types(result)).toEqual([
      'ExecutionStarted', 'TaskStateEntered', 'LambdaFunctionScheduled', 'LambdaFunctionStarted', 'LambdaFunctionFailed',
      'TaskStateExited', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded',
    ]);
  });

  it('a catcher ResultPath merges the error output into the raw input', async () => {
    const result = await run(
      { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', InputPath: '$.a', Catch: [{ ErrorEquals: ['E'], ResultPath: '$.err', Next: 'H' }], End: true }, H: { Type: 'Succeed' } } },
      { a: 1, b: 2 },
      { handlers: { T: () => { throw new StatesError('E', 'c'); } } },
    );
    expect(result.output).toEqual({ a: 1, b: 2, err: { Error: 'E', Cause: 'c' } });
  });

  it('States.Runtime is neither caught nor retried (§12.4)', async () => {
    let calls = 0;
    const result = await run(
      single({
        Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', OutputPath: '$.no.such.result.path',
        Retry: [{ ErrorEquals: ['States.ALL'] }], Catch: [{ ErrorEquals: ['States.Runtime'], Next: 'S' }], End: true,
      }),
      {},
      { handlers: { S: () => { calls++; return {}; } } },
    );
    expect(calls).toBe(1);
    expect(result).toMatchObject({
      status: 'FAILED',
      error: 'States.Runtime',
      cause: "An error occurred while executing the state 'S' (entered at the event id #2). Invalid path '$.no.such.result.path' : Missing property in path $['no']",
    });
  });

  it('Parallel retry re-runs every branch and propagates the branch error (§12.5)', async () => {
    const result = await run(single({
      Type: 'Parallel',
      Branches: [{ StartAt: 'F', States: { F: { Type: 'Fail', Error: 'FailureType', Cause: 'Cause description' } } }],
      Retry: [{ ErrorEquals: ['FailureType'], MaxAttempts: 2 }],
      End: true,
    }));
    expect(result).toMatchObject({ status: 'FAILED', error: 'FailureType', cause: 'Cause description' });
    expect(types(result)).toEqual([
      'ExecutionStarted', 'ParallelStateEntered', 'ParallelStateStarted', 'FailStateEntered', 'ParallelStateStarted',
      'FailStateEntered', 'ParallelStateStarted', 'FailStateEntered', 'ParallelStateFailed', 'ExecutionFailed',
    ]);
  });
});
