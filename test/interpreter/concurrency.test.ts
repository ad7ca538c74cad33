import { describe, expect, it } from 'vitest';
import { StatesError } from '../../src/definition/errors.js';
import { SimulatedClock } from '../../src/interpreter/clock.js';
import type { TaskContext } from '../../src/interpreter/runtime.js';
import { BranchCancelled } from '../../src/interpreter/states/parallel.js';
import { run, single, types } from './helpers.js';

const TASK = 'arn:aws:states:::dynamodb:putItem';

function never(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
}

describe('Parallel (ASL-NOTES §6.1)', () => {
  it('gives each branch a copy of the input and returns results in branch order', async () => {
    const clock = new SimulatedClock();
    const result = await run(
      single({
        Type: 'Parallel',
        Branches: [
          { StartAt: 'Slow', States: { Slow: { Type: 'Wait', Seconds: 5, Next: 'Mutate' }, Mutate: { Type: 'Task', Resource: TASK, End: true } } },
          { StartAt: 'Fast', States: { Fast: { Type: 'Pass', Result: 'fast', End: true } } },
        ],
        End: true,
      }),
      { n: 1 },
      { clock, handlers: { Mutate: (input) => { (input as { n: number }).n = 99; return input; } } },
    );
    expect(result.output).toEqual([{ n: 99 }, 'fast']);
    expect(result.history[0]!.executionStartedEventDetails!.input).toEqual({ n: 1 });
  });

  it('the first failing branch cancels the others through their signal', async () => {
    let sibling: AbortSignal | undefined;
    const result = await run(
      single({
        Type: 'Parallel',
        Branches: [
          { StartAt: 'Hang', States: { Hang: { Type: 'Task', Resource: TASK, End: true } } },
          { StartAt: 'Boom', States: { Boom: { Type: 'Task', Resource: TASK, End: true } } },
        ],
        End: true,
      }),
      {},
      {
        handlers: {
          Hang: (_i, ctx) => { sibling = ctx.signal; return never(ctx.signal); },
          Boom: async () => { await Promise.resolve(); throw new StatesError('Custom.Error', 'went wrong'); },
        },
      },
    );
    expect(result).toMatchObject({ status: 'FAILED', error: 'Custom.Error', cause: 'went wrong' });
    expect(sibling?.aborted).toBe(true);
  });

  it('a handler that reads its signal only after a sibling failed finds it aborted, with the same reason', async () => {
    let context: TaskContext | undefined;
    let finish: (value: unknown) => void = () => {};
    const result = await run(
      single({
        Type: 'Parallel',
        Branches: [
          { StartAt: 'Slow', States: { Slow: { Type: 'Task', Resource: TASK, End: true } } },
          { StartAt: 'Boom', States: { Boom: { Type: 'Task', Resource: TASK, End: true } } },
        ],
        End: true,
      }),
      {},
      {
        handlers: {
          Slow: (_i, ctx) => { context = ctx; return new Promise((resolve) => { finish = resolve; }); },
          Boom: async () => { await Promise.resolve(); throw new StatesError('Custom.Error', 'went wrong'); },
        },
      },
    );
    expect(result).toMatchObject({ status: 'FAILED', error: 'Custom.Error' });
    expect(context!.signal.aborted).toBe(true);
    expect(context!.signal.reason).toBeInstanceOf(BranchCancelled);
    expect(context!.signal).toBe(context!.signal);
    finish('late');
  });

  it('records the failed state and the stopped sibling states of its branches as aborted', async () => {
    const result = await run({
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'T', States: { T: { Type: 'Task', Resource: TASK, End: true } } },
            { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 60, End: true } } },
          ],
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'F' }],
          End: true,
        },
        F: { Type: 'Pass', End: true },
      },
    }, {}, { handlers: { T: async () => { await Promise.resolve(); throw new StatesError('Boom', 'no'); } } });
    expect(result.status).toBe('SUCCEEDED');
    expect(types(result)).toEqual([
      'ExecutionStarted', 'ParallelStateEntered', 'ParallelStateStarted',
      'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'WaitStateEntered',
      'TaskFailed', 'TaskStateAborted', 'WaitStateAborted', 'ParallelStateFailed',
      'ParallelStateExited', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded',
    ]);
  });

  it('a catcher on the Parallel catches the branch error by its own name', async () => {
    const result = await run({
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'F', States: { F: { Type: 'Fail', Error: 'Mine', Cause: 'c' } } }],
          Catch: [{ ErrorEquals: ['Mine'], ResultPath: '$.e', Next: 'Done' }],
          Next: 'Done',
        },
        Done: { Type: 'Succeed' },
      },
    }, { x: 1 });
    expect(result.output).toEqual({ x: 1, e: { Error: 'Mine', Cause: 'c' } });
    expect(types(result)).toEqual([
      'ExecutionStarted', 'ParallelStateEntered', 'ParallelStateStarted', 'FailStateEntered', 'ParallelStateFailed',
      'ParallelStateExited', 'SucceedStateEntered', 'SucceedStateExited', 'ExecutionSucceeded',
    ]);
  });
});

describe('Map (ASL-NOTES §6.2-6.5)', () => {
  it('honours MaxConcurrency as a real limit', async () => {
    let running = 0;
    let peak = 0;
    const clock = new SimulatedClock();
    const result = await run(
      single({ Type: 'Map', MaxConcurrency: 2, ItemProcessor: { StartAt: 'T', States: { T: { Type: 'Task', Resource: TASK, End: true } } }, End: true }),
      [1, 2, 3, 4, 5, 6],
      {
        clock,
        handlers: {
          T: async (input, ctx) => {
            running++;
            peak = Math.max(peak, running);
            await clock.sleep(1000, ctx.signal);
            running--;
            return (input as number) * 10;
          },
        },
      },
    );
    expect(result.output).toEqual([10, 20, 30, 40, 50, 60]);
    expect(peak).toBe(2);
  });

  it('MaxConcurrencyPath accepts numeric strings and rejects other values', async () => {
    const def = single({ Type: 'Map', ItemsPath: '$.items', MaxConcurrencyPath: '$.mc', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true });
    expect((await run(def, { items: [1], mc: '1' })).output).toEqual([1]);
    expect(await run(def, { items: [1], mc: 'NoNumber' })).toMatchObject({
      status: 'FAILED',
      error: 'States.Runtime',
      cause: "An error occurred while executing the state 'S' (entered at the event id #2). The MaxConcurrencyPath field refers to value \"NoNumber\" which is not a valid integer: $.mc",
    });
  });

  it('iterates a JSON object, with Map.Item.Key in ItemSelector', async () => {
    const result = await run(
      single({
        Type: 'Map',
        ItemSelector: { 'k.$': '$$.Map.Item.Key', 'v.$': '$$.Map.Item.Value', 'i.$': '$$.Map.Item.Index', 'all.$': '$.tag' },
        ItemsPath: '$.obj',
        ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
        End: true,
      }),
      { obj: { a: 1, b: 2 }, tag: 't' },
    );
    expect(result.output).toEqual([{ k: 'a', v: 1, i: 0, all: 't' }, { k: 'b', v: 2, i: 1, all: 't' }]);
  });

  it('legacy Iterator and Parameters work as ItemProcessor and ItemSelector', async () => {
    const result = await run(
      single({ Type: 'Map', Parameters: { 'x.$': '$$.Map.Item.Value' }, Iterator: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true }),
      [1, 2],
    );
    expect(result.output).toEqual([{ x: 1 }, { x: 2 }]);
  });

  it('records AWS event types for an inline Map', async () => {
    const result = await run(single({ Type: 'Map', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true }), [1]);
    expect(types(result)).toEqual([
      'ExecutionStarted', 'MapStateEntered', 'MapStateStarted', 'MapIterationStarted', 'PassStateEntered', 'PassStateExited',
      'MapIterationSucceeded', 'MapStateSucceeded', 'MapStateExited', 'ExecutionSucceeded',
    ]);
    expect(result.history[2]!.mapStateStartedEventDetails).toEqual({ length: 1 });
  });

  it('fails with the first failing iteration\'s own error (§12.14)', async () => {
    const result = await run(
      single({
        Type: 'Map', ItemProcessor: { StartAt: 'F', States: { F: { Type: 'Fail' } } },
        Catch: [{ ErrorEquals: ['Internal Error'], Next: 'S' }, { ErrorEquals: ['State.ALL'], Next: 'S' }], End: true,
      }),
      [1],
    );
    expect(result.status).toBe('FAILED');
    expect(result.error).toBeUndefined();
    expect(result.cause).toBeUndefined();
    expect(types(result)).toEqual([
      'ExecutionStarted', 'MapStateEntered', 'MapStateStarted', 'MapIterationStarted', 'FailStateEntered', 'MapIterationFailed', 'MapStateFailed', 'ExecutionFailed',
    ]);
  });
});

describe('Task', () => {
  it('looks handlers up by state name, then Resource, then *', async () => {
    const def = { StartAt: 'A', States: { A: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', Next: 'B' }, B: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', Next: 'C' }, C: { Type: 'Task', Resource: 'arn:aws:states:::sns:publish', End: true } } };
    const seen: string[] = [];
    await run(def, {}, {
      handlers: {
        A: () => seen.push('by name'),
        'arn:aws:states:::sqs:sendMessage': () => seen.push('by resource'),
        '*': () => seen.push('fallback'),
      },
    });
    expect(seen).toEqual(['by name', 'by resource', 'fallback']);
  });

  it('fails with aslkit.HandlerNotFound naming the missing handler', async () => {
    const result = await run(single({ Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', End: true }));
    expect(result).toMatchObject({
      status: 'FAILED',
      error: 'aslkit.HandlerNotFound',
      cause: "No handler for the state 'S' (Resource 'arn:aws:states:::sqs:sendMessage'): options.handlers has no key 'S', 'arn:aws:states:::sqs:sendMessage' or '*'. options.handlers is empty.",
    });
    expect(types(result)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskFailed', 'ExecutionFailed']);
  });

  it('turns a thrown Error into its name and message', async () => {
    class ValidationError extends Error { override name = 'ValidationError'; }
    const result = await run(single({ Type: 'Task', Resource: TASK, End: true }), {}, { handlers: { S: () => { throw new ValidationError('bad input'); } } });
    expect(result).toMatchObject({ error: 'ValidationError', cause: 'bad input' });
  });

  it('times out after TimeoutSeconds with States.Timeout and aborts the handler', async () => {
    let signal: AbortSignal | undefined;
    const result = await run(single({ Type: 'Task', Resource: TASK, TimeoutSeconds: 5, End: true }), {}, { handlers: { S: (_i, ctx) => { signal = ctx.signal; return never(ctx.signal); } } });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Timeout', cause: '' });
    expect(signal?.aborted).toBe(true);
    expect(types(result)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskTimedOut', 'ExecutionFailed']);
  });

  it('TimeoutSecondsPath reads the input', async () => {
    const clock = new SimulatedClock({ start: 0 });
    const result = await run(single({ Type: 'Task', Resource: TASK, TimeoutSecondsPath: '$.t', End: true }), { t: 7 }, { clock, handlers: { S: (_i, ctx) => never(ctx.signal) } });
    expect(result.error).toBe('States.Timeout');
    expect(clock.now()).toBe(7000);
  });

  it('a missed heartbeat is States.Timeout, matched by States.HeartbeatTimeout; heartbeats keep it alive', async () => {
    const clock = new SimulatedClock({ start: 0 });
    const def = single({
      Type: 'Task', Resource: TASK, TimeoutSeconds: 100, HeartbeatSeconds: 3,
      Catch: [{ ErrorEquals: ['States.HeartbeatTimeout'], Next: 'S' }], End: true,
    });
    let beats = 0;
    const alive = await run(def, {}, {
      clock,
      handlers: {
        S: async (_i, ctx) => {
          for (let i = 0; i < 4; i++) { await clock.sleep(2000, ctx.signal); ctx.heartbeat(); beats++; }
          return 'done';
        },
      },
    });
    expect(alive).toMatchObject({ status: 'SUCCEEDED', output: 'done' });
    expect(beats).toBe(4);

    let calls = 0;
    const missed = await run(
      { StartAt: 'S', States: { S: { Type: 'Task', Resource: TASK, HeartbeatSeconds: 3, Catch: [{ ErrorEquals: ['States.HeartbeatTimeout'], Next: 'H' }], End: true }, H: { Type: 'Pass', End: true } } },
      {},
      { handlers: { S: (_i, ctx) => { calls++; return never(ctx.signal); } } },
    );
    expect(calls).toBe(1);
    expect(missed).toMatchObject({ status: 'SUCCEEDED', output: { Error: 'States.Timeout', Cause: '' } });
  });

  it('passes the context object and a task token for .waitForTaskToken', async () => {
    let token: string | undefined;
    const result = await run(
      single({ Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', Parameters: { 'token.$': '$$.Task.Token', 'state.$': '$$.State.Name' }, End: true }),
      {},
      { handlers: { S: (input, ctx) => { token = ctx.taskToken; return input; } } },
    );
    expect(result.output).toEqual({ token, state: 'S' });
    expect(types(result)).toContain('TaskSubmitted');
  });
});

describe('execution', () => {
  it('a year of Waits and task timeouts among 300 async handler calls takes no wall time', async () => {
    const clock = new SimulatedClock({ start: 0 });
    const def = single({
      Type: 'Map', MaxConcurrency: 10, End: true,
      ItemProcessor: { StartAt: 'T', States: {
        T: { Type: 'Task', Resource: TASK, Next: 'W' },
        W: { Type: 'Wait', Seconds: 31_536_000, Next: 'Hang' },
        Hang: { Type: 'Task', Resource: TASK, TimeoutSeconds: 60, Catch: [{ ErrorEquals: ['States.Timeout'], ResultPath: null, Next: 'T2' }], Next: 'T2' },
        T2: { Type: 'Task', Resource: TASK, End: true },
      } },
    });
    const started = Date.now();
    const result = await run(def, Array.from({ length: 100 }, (_, i) => i), {
      clock,
      handlers: {
        Hang: (_i, ctx) => never(ctx.signal),
        '*': async (input) => { await new Promise((r) => setTimeout(r, 1)); return input; },
      },
    });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toEqual(Array.from({ length: 100 }, (_, i) => i));
    // Ten waves of ten iterations, each a year plus a 60-second timeout.
    expect(clock.now()).toBe(10 * (31_536_000 + 60) * 1000);
  });

  it('TimeoutSeconds on the machine gives TIMED_OUT and aborts running handlers', async () => {
    let signal: AbortSignal | undefined;
    const result = await run(
      { TimeoutSeconds: 10, StartAt: 'S', States: { S: { Type: 'Task', Resource: TASK, End: true } } },
      {},
      { handlers: { S: (_i, ctx) => { signal = ctx.signal; return never(ctx.signal); } } },
    );
    expect(result.status).toBe('TIMED_OUT');
    expect(result.error).toBe('States.Timeout');
    expect(signal?.aborted).toBe(true);
    expect(types(result).at(-1)).toBe('ExecutionTimedOut');
  });

  it('abort() stops the execution with ABORTED', async () => {
    const { createStateMachine } = await import('../../src/api.js');
    const machine = createStateMachine(single({ Type: 'Task', Resource: TASK, End: true }), { handlers: { S: (_i, ctx) => never(ctx.signal) } });
    const handle = machine.start({});
    await new Promise((r) => setTimeout(r, 5));
    handle.abort();
    const result = await handle.result;
    expect(result.status).toBe('ABORTED');
    expect(types(result)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'ExecutionAborted']);
  });

  it('streams events to inspect as they happen', async () => {
    const seen: string[] = [];
    await run(single({ Type: 'Pass', End: true }), {}, { inspect: (e) => seen.push(`${e.id}:${e.type}`) });
    expect(seen).toEqual(['1:ExecutionStarted', '2:PassStateEntered', '3:PassStateExited', '4:ExecutionSucceeded']);
  });
});
