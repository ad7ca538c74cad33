import { describe, expect, it } from 'vitest';
import { SimulatedClock, StatesError, createStateMachine } from '../../src/index.js';
import type { StateMachineOptions } from '../../src/index.js';
import { types } from './helpers.js';

const CALLBACK = 'arn:aws:states:::sqs:sendMessage.waitForTaskToken';
const ACTIVITY = 'arn:aws:states:us-east-1:123456789012:activity:approve';

function callbackMachine(task: object = {}, options: StateMachineOptions = {}, extra: object = {}) {
  return createStateMachine({
    StartAt: 'Ask',
    States: {
      Ask: {
        Type: 'Task', Resource: CALLBACK,
        Parameters: { QueueUrl: 'q', MessageBody: { 'token.$': '$$.Task.Token', 'order.$': '$.order' } },
        End: true, ...task,
      },
      ...extra,
    },
  }, { clock: 'simulated', random: () => 0.25, ...options });
}

function errorOf(fn: () => void): [string, string] | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof StatesError) return [error.error, error.cause];
    throw error;
  }
  return undefined;
}

describe('a .waitForTaskToken task with no handler waits for the test', () => {
  it('waitForTask hands over the token and the input; sendTaskSuccess completes the task', async () => {
    const handle = callbackMachine().start({ order: 7 });
    const { token, input } = await handle.waitForTask('Ask');
    expect(input).toEqual({ QueueUrl: 'q', MessageBody: { token, order: 7 } });
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    handle.sendTaskSuccess(token, { approved: true });
    const result = await handle.result;
    expect([result.status, result.output]).toEqual(['SUCCEEDED', { approved: true }]);
    expect(types(result)).toEqual([
      'ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSubmitted', 'TaskSucceeded',
      'TaskStateExited', 'ExecutionSucceeded',
    ]);
  });

  it('sendTaskFailure fails the task with the error and cause sent, which Catch sees', async () => {
    const handle = callbackMachine(
      { Catch: [{ ErrorEquals: ['Rejected'], Next: 'Caught' }] }, {}, { Caught: { Type: 'Pass', End: true } },
    ).start({ order: 1 });
    const { token } = await handle.waitForTask('Ask');
    handle.sendTaskFailure(token, 'Rejected', 'out of stock');
    const result = await handle.result;
    expect(result.output).toEqual({ Error: 'Rejected', Cause: 'out of stock' });
    expect(result.history.find((e) => e.type === 'TaskFailed')?.taskFailedEventDetails).toEqual({
      resourceType: 'sqs', resource: 'sendMessage.waitForTaskToken', error: 'Rejected', cause: 'out of stock',
    });
  });

  it('the output sent is copied: changing it afterwards changes nothing', async () => {
    const handle = callbackMachine().start({ order: 1 });
    const sent = { items: [1] };
    handle.sendTaskSuccess((await handle.waitForTask('Ask')).token, sent);
    sent.items.push(2);
    expect((await handle.result).output).toEqual({ items: [1] });
  });

  it('TimeoutSeconds fires on virtual time when nobody answers', async () => {
    const started = Date.now();
    const result = await callbackMachine({ TimeoutSeconds: 3600 }).execute({ order: 1 });
    expect([result.status, result.error]).toEqual(['FAILED', 'States.Timeout']);
    expect(result.stopDate.getTime() - result.startDate.getTime()).toBe(3_600_000);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(types(result)).toContain('TaskTimedOut');
  });

  it('heartbeats sent in time keep a task alive; a missed one times it out (States.HeartbeatTimeout)', async () => {
    const clock = new SimulatedClock({ autoAdvance: false });
    const handle = callbackMachine(
      { HeartbeatSeconds: 10, Catch: [{ ErrorEquals: ['States.HeartbeatTimeout'], Next: 'Late' }] },
      { clock },
      { Late: { Type: 'Pass', Result: 'late', End: true } },
    ).start({ order: 1 });
    const { token } = await handle.waitForTask('Ask');
    for (let i = 0; i < 3; i++) {
      clock.advance(9_000);
      handle.sendTaskHeartbeat(token);
    }
    clock.advance(10_000);
    const result = await handle.result;
    expect(result.output).toBe('late');
    expect(result.stopDate.getTime() - result.startDate.getTime()).toBe(37_000);
    expect(errorOf(() => handle.sendTaskHeartbeat(token))?.[0]).toBe('TaskTimedOut');
  });

  it('each waiting task of a state goes to one waitForTask call, in order (Map iterations)', async () => {
    const machine = createStateMachine({
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map', End: true,
          ItemProcessor: {
            StartAt: 'Ask',
            States: { Ask: { Type: 'Task', Resource: CALLBACK, Parameters: { 'item.$': '$', 'token.$': '$$.Task.Token' }, End: true } },
          },
        },
      },
    }, { clock: 'simulated' });
    const handle = machine.start(['a', 'b', 'c']);
    const waiting = await Promise.all([handle.waitForTask('Ask'), handle.waitForTask('Ask'), handle.waitForTask('Ask')]);
    expect(waiting.map((w) => (w.input as { item: string }).item)).toEqual(['a', 'b', 'c']);
    expect(new Set(waiting.map((w) => w.token)).size).toBe(3);
    for (const w of waiting) handle.sendTaskSuccess(w.token, `${(w.input as { item: string }).item}!`);
    expect((await handle.result).output).toEqual(['a!', 'b!', 'c!']);
  });

  it('a handler is still called with the token; whichever answers first completes the task', async () => {
    const seen: string[] = [];
    const handle = callbackMachine({}, {
      handlers: { Ask: (_input, ctx) => { seen.push(ctx.taskToken!); return new Promise(() => {}); } },
    }).start({ order: 1 });
    const { token } = await handle.waitForTask('Ask');
    expect(seen).toEqual([token]);
    handle.sendTaskSuccess(token, 'from the test');
    expect((await handle.result).output).toBe('from the test');
  });

  it('a handler that returns completes the task as before, and its token is then closed', async () => {
    let token = '';
    const handle = callbackMachine({}, {
      handlers: { Ask: (_input, ctx) => { token = ctx.taskToken!; return 'from the handler'; } },
    }).start({ order: 1 });
    const result = await handle.result;
    expect(result.output).toBe('from the handler');
    expect(errorOf(() => handle.sendTaskSuccess(token, 1))?.[0]).toBe('TaskTimedOut');
  });
});

describe('send* refuse tokens as SendTaskSuccess does (thrown synchronously as StatesError)', () => {
  it.each([
    ['a malformed token', 'not-a-token', 'InvalidToken'],
    ['an empty token', '', 'InvalidToken'],
    ['a well-formed token never issued', 'ffffffffffffffffffffffffffffffff', 'TaskDoesNotExist'],
  ])('%s: %s', async (_label, token, error) => {
    const handle = callbackMachine({ TimeoutSeconds: 5 }).start({ order: 1 });
    expect(errorOf(() => handle.sendTaskSuccess(token, {}))?.[0]).toBe(error);
    expect(errorOf(() => handle.sendTaskFailure(token, 'E'))?.[0]).toBe(error);
    expect(errorOf(() => handle.sendTaskHeartbeat(token))?.[0]).toBe(error);
    await handle.result;
  });

  it('a token whose task has closed is TaskTimedOut, with AWS\'s message', async () => {
    const handle = callbackMachine().start({ order: 1 });
    const { token } = await handle.waitForTask('Ask');
    handle.sendTaskSuccess(token, 1);
    await handle.result;
    expect(errorOf(() => handle.sendTaskSuccess(token, 2))).toEqual([
      'TaskTimedOut', 'The task token has either expired or the task associated with the token has already been closed.',
    ]);
  });

  it.each([
    ['undefined', undefined],
    ['a function', () => 1],
    ['a BigInt', 1n],
  ])('output that is not JSON data (%s) is InvalidOutput and leaves the task waiting', async (_label, output) => {
    const handle = callbackMachine().start({ order: 1 });
    const { token } = await handle.waitForTask('Ask');
    expect(errorOf(() => handle.sendTaskSuccess(token, output))?.[0]).toBe('InvalidOutput');
    handle.sendTaskSuccess(token, 'ok');
    expect((await handle.result).output).toBe('ok');
  });
});

describe('waitForTask and getActivityTask never hang', () => {
  it.each([
    ['waitForTask', (h: ReturnType<ReturnType<typeof callbackMachine>['start']>) => h.waitForTask('Nope'), "waitForTask('Nope'): the execution ended (SUCCEEDED)"],
    ['getActivityTask', (h: ReturnType<ReturnType<typeof callbackMachine>['start']>) => h.getActivityTask(ACTIVITY), `getActivityTask('${ACTIVITY}'): the execution ended (SUCCEEDED)`],
  ])('%s rejects when the execution ends first, and at once after it ended', async (_label, call, message) => {
    const handle = callbackMachine({}, { handlers: { Ask: () => 'done' } }).start({ order: 1 });
    const pending = call(handle);
    await handle.result;
    await expect(pending).rejects.toThrow(message);
    await expect(call(handle)).rejects.toThrow(message);
  });
});

describe('activities', () => {
  function activityMachine(task: object = {}, options: StateMachineOptions = {}) {
    return createStateMachine(
      { StartAt: 'Approve', States: { Approve: { Type: 'Task', Resource: ACTIVITY, End: true, ...task } } },
      { clock: 'simulated', ...options },
    );
  }

  it('a worker takes the task with getActivityTask and completes it with sendTaskSuccess', async () => {
    const handle = activityMachine().start({ amount: 5 });
    const task = await handle.getActivityTask(ACTIVITY, 'worker-1');
    expect(task.input).toEqual({ amount: 5 });
    handle.sendTaskSuccess(task.taskToken, { approved: true });
    const result = await handle.result;
    expect(result.output).toEqual({ approved: true });
    expect(types(result)).toEqual([
      'ExecutionStarted', 'TaskStateEntered', 'ActivityScheduled', 'ActivityStarted', 'ActivitySucceeded',
      'TaskStateExited', 'ExecutionSucceeded',
    ]);
    expect(result.history[3]!.activityStartedEventDetails).toEqual({ workerName: 'worker-1' });
  });

  it('a worker polling before the task is scheduled gets it when it is', async () => {
    const machine = createStateMachine({
      StartAt: 'W',
      States: { W: { Type: 'Wait', Seconds: 60, Next: 'Approve' }, Approve: { Type: 'Task', Resource: ACTIVITY, End: true } },
    }, { clock: 'simulated' });
    const handle = machine.start({ n: 1 });
    const task = await handle.getActivityTask(ACTIVITY);
    handle.sendTaskFailure(task.taskToken, 'Declined', 'too large');
    const result = await handle.result;
    expect([result.status, result.error, result.cause]).toEqual(['FAILED', 'Declined', 'too large']);
    expect(result.history.find((e) => e.type === 'ActivityStarted')?.activityStartedEventDetails).toEqual({});
  });

  it('with no worker, TimeoutSeconds times it out before it starts', async () => {
    const result = await activityMachine({ TimeoutSeconds: 30 }).execute({});
    expect([result.status, result.error]).toEqual(['FAILED', 'States.Timeout']);
    expect(types(result)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'ActivityScheduled', 'ActivityTimedOut', 'ExecutionFailed']);
  });

  it('an activity task is not offered to waitForTask, and a worker of another ARN does not get it', async () => {
    const handle = activityMachine({ TimeoutSeconds: 30 }).start({});
    const other = handle.getActivityTask('arn:aws:states:us-east-1:123456789012:activity:other');
    const byState = handle.waitForTask('Approve');
    const result = await handle.result;
    expect(result.error).toBe('States.Timeout');
    await expect(other).rejects.toThrow('the execution ended (FAILED)');
    await expect(byState).rejects.toThrow('the execution ended (FAILED)');
  });

  it('a handler for the activity still answers it directly', async () => {
    const result = await activityMachine({}, { handlers: { Approve: (input) => ({ echoed: input }) } }).execute({ a: 1 });
    expect(result.output).toEqual({ echoed: { a: 1 } });
    expect(types(result)).toContain('ActivityStarted');
  });
});

describe('aws-sdk:sfn:sendTask* with no handler answer from the execution\'s tokens', () => {
  it.each([
    ['sendTaskSuccess', { TaskToken: 'NoSuchTaskToken', Output: '"x"' }],
    ['sendTaskFailure', { TaskToken: 'NoSuchTaskToken' }],
    ['sendTaskHeartbeat', { TaskToken: 'NoSuchTaskToken' }],
  ])('%s with an unknown token fails with Sfn.InvalidTokenException, as AWS records it', async (action, parameters) => {
    const result = await createStateMachine(
      { StartAt: 'S', States: { S: { Type: 'Task', Resource: `arn:aws:states:::aws-sdk:sfn:${action}`, Parameters: parameters, End: true } } },
      { clock: 'simulated', random: () => 0 },
    ).execute({});
    expect([result.status, result.error, result.cause]).toEqual([
      'FAILED', 'Sfn.InvalidTokenException',
      "Invalid Token: 'Invalid token' (Service: Sfn, Status Code: 400, Request ID: 00000000-0000-4000-8000-000000000000) (SDK Attempt Count: 1)",
    ]);
  });

  it('completes a waiting task of the same execution (a Parallel branch answers another)', async () => {
    const result = await createStateMachine({
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel', End: true,
          Branches: [
            { StartAt: 'Ask', States: { Ask: { Type: 'Task', Resource: CALLBACK, Parameters: { QueueUrl: 'q', 'MessageBody.$': '$$.Task.Token' }, End: true } } },
            {
              StartAt: 'Find',
              States: {
                Find: { Type: 'Wait', Seconds: 1, Next: 'Answer' },
                Answer: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:sfn:sendTaskSuccess', Parameters: { 'TaskToken.$': '$.token', Output: '{"done":true}' }, End: true },
              },
            },
          ],
        },
      },
      // random 0.5 makes every task token 80000000 four times over.
    }, { clock: 'simulated', random: () => 0.5 }).execute({ token: '80000000800000008000000080000000' });
    expect([result.status, result.output]).toEqual(['SUCCEEDED', [{ done: true }, {}]]);
  });
});
