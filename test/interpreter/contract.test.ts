/**
 * The public interpreter API as issues 4 and 5 spell it out: options, TaskContext, thrown
 * values, execute/start, history shapes, quotas, and the ASL-NOTES §12 vectors not covered
 * by the per-area test files.
 */
import { describe, expect, it } from 'vitest';
import { DefinitionError, createStateMachine } from '../../src/api.js';
import { SimulatedClock } from '../../src/interpreter/clock.js';
import { StatesError } from '../../src/interpreter/errors.js';
import type { TaskContext } from '../../src/interpreter/runtime.js';
import { run, single, types } from './helpers.js';

const LAMBDA = 'arn:aws:lambda:us-east-1:123456789012:function:f';
const TASK = 'arn:aws:states:::dynamodb:putItem';

function never(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
}

describe('StateMachineOptions', () => {
  it('name, stateMachineArn, roleArn and the execution name shape the context object (§12.15)', async () => {
    const machine = createStateMachine(single({ Type: 'Pass', InputPath: '$$', End: true }), {
      clock: new SimulatedClock({ start: Date.UTC(2025, 0, 2, 3, 4, 5) }),
      stateMachineArn: 'arn:aws:states:eu-west-1:111122223333:stateMachine:Orders',
      roleArn: 'arn:aws:iam::111122223333:role/Runner',
    });
    const result = await machine.execute({ a: 1 }, { name: 'run-1' });
    expect(result.output).toEqual({
      Execution: {
        Id: 'arn:aws:states:eu-west-1:111122223333:execution:Orders:run-1',
        Input: { a: 1 },
        StartTime: '2025-01-02T03:04:05Z',
        Name: 'run-1',
        RoleArn: 'arn:aws:iam::111122223333:role/Runner',
        RedriveCount: 0,
      },
      StateMachine: { Id: 'arn:aws:states:eu-west-1:111122223333:stateMachine:Orders', Name: 'Orders' },
      State: { Name: 'S', EnteredTime: '2025-01-02T03:04:05Z' },
    });
    expect(result.history[0]!.executionStartedEventDetails).toEqual({ input: { a: 1 }, roleArn: 'arn:aws:iam::111122223333:role/Runner' });
  });

  it('random drives generated execution names; input defaults to {}', async () => {
    const machine = createStateMachine(single({ Type: 'Pass', Parameters: { 'name.$': '$$.Execution.Name', 'input.$': '$' }, End: true }), {
      clock: 'simulated', random: () => 0, name: 'M',
    });
    expect((await machine.execute()).output).toEqual({ name: '00000000-0000-4000-8000-000000000000', input: {} });
  });

  it('accepts a Clock instance and the real clock', async () => {
    const clock = new SimulatedClock({ start: 5_000 });
    const simulated = await createStateMachine(single({ Type: 'Wait', Seconds: 10, End: true }), { clock }).execute({});
    expect(simulated.history.at(-1)!.timestamp.getTime()).toBe(15_000);
    const real = await createStateMachine(single({ Type: 'Pass', End: true }), { clock: 'real' }).execute({});
    expect(Math.abs(real.history[0]!.timestamp.getTime() - Date.now())).toBeLessThan(5_000);
  });

  it('EXPRESS machines have no 25,000-event history quota; STANDARD ones stop there', async () => {
    const loop = {
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Parameters: { 'i.$': 'States.MathAdd($.i, 1)' }, Next: 'B' },
        B: { Type: 'Choice', Choices: [{ Variable: '$.i', NumericLessThan: 7_000, Next: 'A' }], Default: 'C' },
        C: { Type: 'Succeed' },
      },
    };
    const express = await run(loop, { i: 0 }, { type: 'EXPRESS' });
    expect(express).toMatchObject({ status: 'SUCCEEDED', output: { i: 7_000 } });
    expect(express.history.length).toBe(28_004);
    const standard = await run(loop, { i: 0 });
    expect(standard).toMatchObject({ status: 'FAILED', error: 'States.Runtime', cause: 'The execution history reached its limit of 25000 events.' });
  });

  it('limits.maxPayloadBytes lowers the payload quota', async () => {
    const result = await run(single({ Type: 'Pass', Result: 'x'.repeat(20), End: true }), {}, { limits: { maxPayloadBytes: 16 } });
    expect(result).toMatchObject({
      status: 'FAILED', error: 'States.DataLimitExceeded',
      cause: "The state/task 'S' returned a result with a size exceeding the maximum number of bytes service limit.",
    });
  });
});

describe('createStateMachine', () => {
  it('refuses lint errors only: warnings do not stop a definition AWS accepts', async () => {
    const warned = { StartAt: 'C', States: { C: { Type: 'Choice', Choices: [{ Variable: '$.a', IsPresent: true, Next: 'D' }] }, D: { Type: 'Succeed' } } };
    expect((await run(warned, { a: 1 })).status).toBe('SUCCEEDED');
  });

  it('refuses a Map iteration that assigns an outer variable, as AWS does at creation', () => {
    const def = {
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Assign: { x: 1 }, Next: 'M' },
        M: { Type: 'Map', ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', Assign: { x: 2 }, End: true } } }, End: true },
      },
    };
    let thrown: unknown;
    try {
      createStateMachine(def);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DefinitionError);
    expect((thrown as DefinitionError).diagnostics.map((d) => [d.ruleId, d.pointer])).toEqual([
      ['no-variable-scope-conflict', '/States/M/ItemProcessor/States/I/Assign/x'],
    ]);
  });
});

describe('TaskHandler and TaskContext', () => {
  it('gives the handler stateName, resource, attempt, signal, the context object and heartbeat()', async () => {
    const seen: Omit<TaskContext, 'signal' | 'heartbeat' | 'context'>[] = [];
    const contexts: unknown[] = [];
    const result = await run(
      single({ Type: 'Task', Resource: LAMBDA, Retry: [{ ErrorEquals: ['Busy'], IntervalSeconds: 1 }], End: true }),
      { a: 1 },
      {
        handlers: {
          S: (input, ctx) => {
            seen.push({ stateName: ctx.stateName, resource: ctx.resource, attempt: ctx.attempt, invocation: ctx.invocation });
            contexts.push((ctx.context as { State: unknown }).State);
            expect(ctx.signal.aborted).toBe(false);
            expect(typeof ctx.heartbeat).toBe('function');
            expect(ctx.taskToken).toBeUndefined();
            if (ctx.attempt === 0) throw Object.assign(new Error('later'), { name: 'Busy' });
            return input;
          },
        },
      },
    );
    expect(result.output).toEqual({ a: 1 });
    expect(seen).toEqual([
      { stateName: 'S', resource: LAMBDA, attempt: 0, invocation: 0 },
      { stateName: 'S', resource: LAMBDA, attempt: 1, invocation: 1 },
    ]);
    expect(contexts).toEqual([
      { Name: 'S', EnteredTime: '2024-01-01T00:00:00Z', RetryCount: 0 },
      { Name: 'S', EnteredTime: '2024-01-01T00:00:00Z', RetryCount: 1 },
    ]);
  });

  it.each([
    ['a StatesError', () => { throw new StatesError('Custom.Error', 'why'); }, 'Custom.Error', 'why'],
    ['a string', () => { throw 'boom'; }, 'Error', 'boom'],
    ['a plain object with name and message', () => { throw { name: 'Shipping.Late', message: 'two days' }; }, 'Shipping.Late', 'two days'],
    ['a plain object without them', () => { throw { code: 7 }; }, 'Error', '{"code":7}'],
    ['a TypeError', () => { throw new TypeError('x is not a function'); }, 'TypeError', 'x is not a function'],
    ['a rejected promise', () => Promise.reject(new RangeError('too far')), 'RangeError', 'too far'],
  ])('turns %s into an error name and a cause', async (_label, handler, error, cause) => {
    const result = await run(single({ Type: 'Task', Resource: TASK, End: true }), {}, { handlers: { S: handler } });
    expect({ error: result.error, cause: result.cause }).toEqual({ error, cause });
  });

  it.each([
    ['arn:aws:states:::sqs:sendMessage.waitForTaskToken', true],
    // AWS hands `.sync` integrations a token too (recorded: $$.Task.Token in a startExecution.sync).
    ['arn:aws:states:::states:startExecution.sync', true],
    ['arn:aws:states:::sqs:sendMessage', false],
  ])('%s gives the handler a task token: %s', async (resource, expected) => {
    let token: string | undefined;
    await run(single({ Type: 'Task', Resource: resource, End: true }), {}, { handlers: { S: (_i, ctx) => { token = ctx.taskToken; return {}; } } });
    expect(token !== undefined).toBe(expected);
  });

  it('records Lambda ARNs with the LambdaFunction* events', async () => {
    const ok = await run(single({ Type: 'Task', Resource: LAMBDA, End: true }), { a: 1 }, { handlers: { S: () => ({ b: 2 }) } });
    expect(types(ok)).toEqual([
      'ExecutionStarted', 'TaskStateEntered', 'LambdaFunctionScheduled', 'LambdaFunctionStarted',
      'LambdaFunctionSucceeded', 'TaskStateExited', 'ExecutionSucceeded',
    ]);
    expect(ok.history[2]!.lambdaFunctionScheduledEventDetails).toEqual({ resource: LAMBDA, input: { a: 1 } });
    expect(ok.history[4]!.lambdaFunctionSucceededEventDetails).toEqual({ output: { b: 2 } });
    const failed = await run(single({ Type: 'Task', Resource: LAMBDA, End: true }), {}, { handlers: { S: () => { throw new Error('no'); } } });
    expect(types(failed).slice(2)).toEqual(['LambdaFunctionScheduled', 'LambdaFunctionStarted', 'LambdaFunctionFailed', 'ExecutionFailed']);
    const details = failed.history[4]!.lambdaFunctionFailedEventDetails!;
    expect(details.error).toBe('Error');
    expect(JSON.parse(details.cause!)).toMatchObject({ errorType: 'Error', errorMessage: 'no' });
  });

  it('HeartbeatSecondsPath reads the input; a missed heartbeat records TaskTimedOut', async () => {
    const clock = new SimulatedClock({ start: 0 });
    const result = await run(single({ Type: 'Task', Resource: TASK, HeartbeatSecondsPath: '$.hb', End: true }), { hb: 4 }, {
      clock, handlers: { S: (_i, ctx) => never(ctx.signal) },
    });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
    expect(clock.now()).toBe(4_000);
    expect(result.history[2]!.taskScheduledEventDetails).toMatchObject({ heartbeatInSeconds: 4 });
    expect(types(result).at(-2)).toBe('TaskTimedOut');
  });
});

describe('requests AWS refuses before scheduling an optimized integration', () => {
  const api = (headers: unknown): object => single({
    Type: 'Task', Resource: 'arn:aws:states:::apigateway:invoke',
    Parameters: { ApiEndpoint: 'example.com', Method: 'GET', Headers: headers },
    Catch: [{ ErrorEquals: ['States.ALL'], Next: 'C' }], End: true,
  }, {});
  const withCatch = (def: object): object => ({ ...def, States: { ...(def as { States: object }).States, C: { Type: 'Succeed' } } });

  it('API Gateway Headers must map names to lists of strings (States.Runtime, uncatchable, nothing scheduled)', async () => {
    const result = await run(withCatch(api({ h: 'one' })), {}, { handlers: { S: () => ({}) } });
    expect(result).toMatchObject({
      status: 'FAILED', error: 'States.Runtime',
      cause: "An error occurred while executing the state 'S' (entered at the event id #2). The Parameters '{\"ApiEndpoint\":\"example.com\",\"Method\":\"GET\",\"Headers\":{\"h\":\"one\"}}' could not be used to start the Task: [The value of the field 'Headers' has an invalid format]",
    });
    expect(types(result)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'ExecutionFailed']);
    expect((await run(withCatch(api({ h: ['one', 'two'] })), {}, { handlers: { S: () => ({ ok: 1 }) } })).output).toEqual({ ok: 1 });
  });
});

describe('execute and start', () => {
  it('an aborted execute signal stops the execution with ABORTED and aborts the handler', async () => {
    const controller = new AbortController();
    let handlerSignal: AbortSignal | undefined;
    const machine = createStateMachine(single({ Type: 'Task', Resource: TASK, End: true }), {
      handlers: { S: (_i, ctx) => { handlerSignal = ctx.signal; queueMicrotask(() => controller.abort()); return never(ctx.signal); } },
    });
    const result = await machine.execute({}, { signal: controller.signal });
    expect(result.status).toBe('ABORTED');
    expect(handlerSignal?.aborted).toBe(true);
    expect(types(result).at(-1)).toBe('ExecutionAborted');
  });

  it('an execute signal aborted before the start aborts at once', async () => {
    const result = await createStateMachine(single({ Type: 'Wait', Seconds: 5, End: true }), { clock: 'simulated' })
      .execute({}, { signal: AbortSignal.abort() });
    expect(result.status).toBe('ABORTED');
  });

  it('start() exposes the live history and the result; event ids chain as AWS chains them', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const handle = createStateMachine(single({ Type: 'Task', Resource: TASK, End: true }), { handlers: { S: () => gate.then(() => 'done') } }).start({});
    await new Promise((r) => setTimeout(r, 0));
    expect(handle.history.map((e) => e.type)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted']);
    release();
    const result = await handle.result;
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: 'done' });
    expect(result.history).toBe(handle.history);
    expect(result.history.map((e) => [e.id, e.previousEventId])).toEqual([[1, 0], [2, 0], [3, 2], [4, 3], [5, 4], [6, 5], [7, 6]]);
  });
});

describe('variables in history and their quotas (ASL-NOTES §2.5)', () => {
  it('state-exited events carry assignedVariables as JSON text and assignedVariablesDetails', async () => {
    const result = await run(single({ Type: 'Pass', Assign: { s: 'foo', n: 1, o: { a: [true] } }, End: true }));
    expect(result.history[2]!.stateExitedEventDetails).toEqual({
      name: 'S', output: {},
      assignedVariables: { s: '"foo"', n: '1', o: '{"a":[true]}' },
      assignedVariablesDetails: { truncated: false },
    });
  });

  it('a variable over 256 KiB fails with States.DataLimitExceeded, uncatchable', async () => {
    const big = 'x'.repeat(262_144);
    const result = await run({
      StartAt: 'S',
      States: {
        S: { Type: 'Pass', Parameters: { 'v.$': 'States.Format(\'{}{}\', $.big, $.big)' }, Assign: { 'v.$': '$.v' }, ResultPath: null, Next: 'T' },
        T: { Type: 'Pass', End: true },
      },
    }, { big: big.slice(0, 131_072) });
    expect(result).toMatchObject({
      status: 'FAILED', error: 'States.DataLimitExceeded',
      cause: "The variable 'v' assigned by the state 'S' exceeds the maximum size of 262144 bytes.",
    });
  });

  it('one Assign block over 256 KiB in total fails the same way', async () => {
    const half = 'y'.repeat(140_000);
    const result = await run(single({ Type: 'Pass', Assign: { 'a.$': '$.h', 'b.$': '$.h' }, OutputPath: null, End: true }), { h: half });
    expect(result).toMatchObject({
      status: 'FAILED', error: 'States.DataLimitExceeded',
      cause: "The variables assigned by the state 'S' exceed the maximum total size of 262144 bytes.",
    });
  });
});

describe('the 10 MiB quota on all stored variables (40 x the payload quota)', () => {
  const chain = (n: number, extra: object = {}): object => {
    const States: Record<string, object> = {};
    for (let i = 0; i < n; i++) {
      States[`S${i}`] = { Type: 'Pass', Assign: { [`v${i}.$`]: '$.s' }, ...(i === n - 1 ? { End: true } : { Next: `S${i + 1}` }) };
    }
    return { StartAt: 'S0', States, ...extra };
  };
  const s = 'x'.repeat(48); // 50 bytes of JSON text

  it('fails once the stored variables exceed it', async () => {
    const result = await run(chain(81), { s }, { limits: { maxPayloadBytes: 100 } });
    expect(result).toMatchObject({
      status: 'FAILED', error: 'States.DataLimitExceeded',
      cause: 'The variables stored by the execution exceed the maximum total size of 4000 bytes.',
    });
    expect(result.history.filter((e) => e.type === 'PassStateExited')).toHaveLength(80);
  });

  it('counts a reassigned variable once', async () => {
    const loop = {
      StartAt: 'Init',
      States: {
        Init: { Type: 'Pass', Assign: { i: 0 }, Next: 'L' },
        L: { Type: 'Pass', Assign: { 'v.$': '$.s', 'i.$': 'States.MathAdd($i, 1)' }, Next: 'C' },
        C: { Type: 'Choice', Choices: [{ Variable: '$i', NumericLessThan: 100, Next: 'L' }], Default: 'Done' },
        Done: { Type: 'Succeed' },
      },
    };
    expect((await run(loop, { s }, { limits: { maxPayloadBytes: 60 } })).status).toBe('SUCCEEDED');
  });

  it('frees the variables of a finished Map iteration', async () => {
    const map = {
      QueryLanguage: 'JSONata',
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map', MaxConcurrency: 1, Items: '{% [1..200] %}', ItemSelector: '{% $states.input.s %}', Output: { n: 1 },
          ItemProcessor: { StartAt: 'A', States: { A: { Type: 'Pass', Assign: { big: '{% $states.input %}' }, End: true } } },
          End: true,
        },
      },
    };
    const result = await run(map, { s }, { limits: { maxPayloadBytes: 60 } });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { n: 1 } });
  });
});

describe('ASL-NOTES §12 vectors 6 and 7 through the engine', () => {
  it.each([
    ["States.Format('Formatting argument {}.', $.x)", { x: { Arg1: 1, Arg2: [] } }, 'Formatting argument {Arg1=1, Arg2=[]}.'],
    ["States.Format('Formatting argument {}.', $.x)", { x: null }, 'Formatting argument null.'],
    ['States.MathAdd(-1.5, 0)', {}, -1],
    ["States.StringSplit(',,,,', ',')", {}, []],
    ["States.StringToJson(' ')", {}, null],
    ['States.JsonToString($.x)', { x: { Arg1: 1, Arg2: [] } }, '{"Arg1":1,"Arg2":[]}'],
  ])('%s over %j gives %j (§12.6)', async (expression, input, expected) => {
    const result = await run(single({ Type: 'Pass', Parameters: { 'r.$': expression }, End: true }), input);
    expect(result.output).toEqual({ r: expected });
  });

  it.each([
    [{ IsPresent: true }, null, true],
    [{ IsNumeric: true }, '1', false],
    [{ NumericEquals: 0 }, 0.0, true],
    [{ StringEquals: 'HelloWorld' }, null, false],
    [{ BooleanEquals: true }, 1, false],
  ])('%j on %j is %s (§12.7)', async (test, value, matched) => {
    const def = {
      StartAt: 'C',
      States: {
        C: { Type: 'Choice', Choices: [{ Variable: '$.v', ...test, Next: 'Yes' }], Default: 'No' },
        Yes: { Type: 'Pass', Result: true, End: true },
        No: { Type: 'Pass', Result: false, End: true },
      },
    };
    expect((await run(def, { v: value })).output).toBe(matched);
  });
});
