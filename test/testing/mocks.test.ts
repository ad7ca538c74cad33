import { describe, expect, it } from 'vitest';
import '../../src/testing/vitest.js';
import {
  createStateMachine, loadMockConfig, mockHandlers, mockTask, missesHeartbeat, neverAnswers, returns, taskCalls, throws,
  timesOut, typedHandlers, historyTypes, answersWith, always,
} from '../../src/index.js';

const lambda = 'arn:aws:states:::lambda:invoke';

function task(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', End: true, ...extra };
}

function one(extra: Record<string, unknown> = {}) {
  return { StartAt: 'Work', States: { Work: task(extra) } };
}

describe('mockTask', () => {
  it('answers invocation N with the Nth response, across retries', async () => {
    const work = mockTask(throws('Busy', 'try later', 2), returns({ ok: true }));
    const machine = createStateMachine(one({ Retry: [{ ErrorEquals: ['Busy'], MaxAttempts: 5 }] }), { handlers: { Work: work }, clock: 'simulated' });
    const result = await machine.execute({ n: 1 });
    expect(result).toHaveSucceededWith({ ok: true });
    expect(result).toHaveRetried('Work', 2);
    expect(work.calls.map((call) => [call.invocation, call.attempt, call.input])).toEqual([[0, 0, { n: 1 }], [1, 1, { n: 1 }], [2, 2, { n: 1 }]]);
    expect(work.calls[0]!.context.stateName).toBe('Work');
  });

  it('counts per execution: a second execution starts again at the first response', async () => {
    const work = mockTask(returns('first'), returns('second'));
    const machine = createStateMachine(one(), { handlers: { Work: work }, clock: 'simulated' });
    expect((await machine.execute({})).output).toBe('first');
    expect((await machine.execute({})).output).toBe('first');
    expect(work.calls).toHaveLength(2);
    work.reset();
    expect(work.calls).toEqual([]);
  });

  it('advances across loop iterations and Map iterations', async () => {
    const looped = mockTask(returns({ done: false }), returns({ done: false }), returns({ done: true }));
    const loop = createStateMachine({
      StartAt: 'Poll',
      States: {
        Poll: task({ End: undefined, Next: 'Done?' }),
        'Done?': { Type: 'Choice', Choices: [{ Variable: '$.done', BooleanEquals: true, Next: 'Finish' }], Default: 'Poll' },
        Finish: { Type: 'Succeed' },
      },
    }, { handlers: { Poll: looped }, clock: 'simulated' });
    const polled = await loop.execute({});
    expect(polled).toHaveVisitedExactly(['Poll', 'Done?', 'Poll', 'Done?', 'Poll', 'Done?', 'Finish']);

    const each = mockTask(returns('a'), returns('b'), returns('c'));
    const map = createStateMachine({
      StartAt: 'Each',
      States: { Each: { Type: 'Map', MaxConcurrency: 1, End: true, ItemProcessor: { StartAt: 'Work', States: { Work: task() } } } },
    }, { handlers: { Work: each }, clock: 'simulated' });
    expect(await map.execute([1, 2, 3])).toHaveSucceededWith(['a', 'b', 'c']);
  });

  it('running out of responses fails the execution, past Retry and Catch, naming the state and the count', async () => {
    const work = mockTask(throws('Busy'));
    const machine = createStateMachine({
      StartAt: 'Work',
      States: {
        Work: task({ End: undefined, Next: 'Ok', Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 3 }], Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Ok' }] }),
        Ok: { Type: 'Succeed' },
      },
    }, { handlers: { Work: work }, clock: 'simulated' });
    const result = await machine.execute({});
    expect(result).toHaveFailedWith('aslkit.MockExhausted', "The mock of the state 'Work' has 1 response and was invoked a 2nd time (invocation 1).");
    expect(result).not.toHaveVisited('Ok');
  });

  it('a function response gets the input and the context', async () => {
    const work = mockTask((input: { n: number }, context) => ({ doubled: input.n * 2, invocation: context.invocation }));
    const result = await createStateMachine(one(), { handlers: { Work: work }, clock: 'simulated' }).execute({ n: 21 });
    expect(result).toHaveSucceededWith({ doubled: 42, invocation: 0 });
  });

  it('a thrown response is the task error, catchable as AWS has it', async () => {
    const result = await createStateMachine(one(), { handlers: { Work: mockTask(throws('Lambda.ServiceException', 'down')) }, clock: 'simulated' }).execute({});
    expect(result).toHaveFailedWith('Lambda.ServiceException', 'down');
    expect(taskCalls(result, 'Work')).toEqual([{ input: {}, attempt: 0, status: 'FAILED', error: 'Lambda.ServiceException', cause: 'down' }]);
  });

  it('times out as AWS records a task timeout: TaskTimedOut, States.Timeout, no cause', async () => {
    const result = await createStateMachine(one(), { handlers: { Work: mockTask(timesOut()) }, clock: 'simulated' }).execute({});
    expect(result).toHaveTimedOut();
    const timedOut = result.history.find((event) => event.type === 'TaskTimedOut');
    expect(timedOut?.taskTimedOutEventDetails).toEqual({ resourceType: 'sqs', resource: 'sendMessage', error: 'States.Timeout' });
  });

  it('a missed heartbeat is matched by States.HeartbeatTimeout', async () => {
    const result = await createStateMachine({
      StartAt: 'Work',
      States: {
        Work: task({ End: undefined, Next: 'Late', Catch: [{ ErrorEquals: ['States.HeartbeatTimeout'], Next: 'Late' }] }),
        Late: { Type: 'Succeed' },
      },
    }, { handlers: { Work: mockTask(missesHeartbeat()) }, clock: 'simulated' }).execute({});
    expect(result).toHaveCaught('Work', 'States.Timeout');
    expect(result).toHaveVisited(['Work', 'Late']);
  });

  it('never answering ends at the task timeout, on virtual time', async () => {
    const machine = createStateMachine(one({ TimeoutSeconds: 3600 }), { handlers: { Work: mockTask(neverAnswers()) }, clock: 'simulated' });
    const result = await machine.execute({});
    expect(result).toHaveTimedOut();
    const [started, timedOut] = ['TaskStarted', 'TaskTimedOut'].map((type) => result.history.find((e) => e.type === type)!.timestamp.getTime());
    expect(timedOut! - started!).toBe(3_600_000);
  });

  it('a lambda:invoke mock returns the payload and the task gets the envelope', async () => {
    const machine = createStateMachine({
      StartAt: 'Call',
      States: { Call: { Type: 'Task', Resource: lambda, Parameters: { FunctionName: 'f', 'Payload.$': '$' }, ResultSelector: { 'Payload.$': '$.Payload', 'StatusCode.$': '$.StatusCode' }, End: true } },
    }, { handlers: { Call: mockTask(returns({ total: 42 })) }, clock: 'simulated' });
    expect(await machine.execute({})).toHaveSucceededWith({ Payload: { total: 42 }, StatusCode: 200 });
  });

  it('rejects a times that is not a positive integer, and Infinity before the last response', () => {
    expect(() => mockTask(returns(1, 0))).toThrow('Mock response 0 has times 0; it must be a positive integer (or Infinity, for the last response).');
    expect(() => mockTask(always(returns(1)), returns(2))).toThrow('Mock response 0 has times Infinity;');
  });

  it('answersWith calls a function for several invocations; always answers every further one', async () => {
    const work = mockTask<number, number | string>(answersWith((input: number, context) => input * 10 + context.invocation, 2), always(returns('rest')));
    const map = createStateMachine({
      StartAt: 'Each',
      States: { Each: { Type: 'Map', MaxConcurrency: 1, End: true, ItemProcessor: { StartAt: 'Work', States: { Work: task() } } } },
    }, { handlers: { Work: work }, clock: 'simulated' });
    expect(await map.execute([1, 2, 3, 4, 5])).toHaveSucceededWith([10, 21, 'rest', 'rest', 'rest']);
    expect(work.responses).toHaveLength(3);
  });
});

describe('mockHandlers', () => {
  const definition = {
    StartAt: 'ChargeCard',
    States: {
      ChargeCard: task({ End: undefined, Next: 'ChargeFee' }),
      ChargeFee: task({ End: undefined, Next: 'Notify' }),
      Notify: { Type: 'Task', Resource: 'arn:aws:states:::sns:publish', End: true },
    },
  };

  it('mocks by state name, by Resource and by pattern, each state counting its own invocations', async () => {
    const mocks = mockHandlers({ 'arn:aws:states:::sns:publish': returns({ MessageId: 'm' }) }, [[/^Charge/, [returns('ok'), returns('again')]]]);
    const result = await createStateMachine(definition, { handlers: mocks.handlers, clock: 'simulated' }).execute({});
    expect(result).toHaveSucceededWith({ MessageId: 'm' });
    expect(taskCalls(result, 'ChargeFee')[0]?.output).toBe('ok');
    expect(mocks.calls.map((call) => [call.stateName, call.invocation])).toEqual([['ChargeCard', 0], ['ChargeFee', 0], ['Notify', 0]]);
    expect(mocks.mock(/^Charge/).calls).toHaveLength(2);
    mocks.reset();
    expect(mocks.calls).toEqual([]);
  });

  it('a state no key or pattern covers fails the execution as with no handler (aslkit.HandlerNotFound)', async () => {
    const mocks = mockHandlers({ ChargeCard: returns(1) }, [[/Fee$/, returns(2)]]);
    const result = await createStateMachine(definition, { handlers: mocks.handlers, clock: 'simulated' }).execute({});
    expect(result).toHaveFailedWith('aslkit.HandlerNotFound', /^No handler for the state 'Notify' \(Resource 'arn:aws:states:::sns:publish'\)/);
  });

  it('names an unknown key', () => {
    expect(() => mockHandlers({}).mock('Nope')).toThrow('No mock is registered under Nope.');
  });
});

describe('typedHandlers', () => {
  interface Order { id: string; amount: number }
  it('type-checks each handler against its state and runs like any handler', async () => {
    const handlers = typedHandlers<{ ChargeCard: { input: Order; output: { charged: number } }; ChargeFee: { input: { charged: number }; output: string }; Notify: { input: string; output: null } }>({
      ChargeCard: (order) => ({ charged: order.amount }),
      ChargeFee: [returns('fee')],
      Notify: returns(null),
    });
    // @ts-expect-error the output type of ChargeCard is { charged: number }
    typedHandlers<{ ChargeCard: { input: Order; output: { charged: number } } }>({ ChargeCard: (order: Order) => order.id });
    const machine = createStateMachine<Order, null>({
      StartAt: 'ChargeCard',
      States: { ChargeCard: task({ End: undefined, Next: 'ChargeFee' }), ChargeFee: task({ End: undefined, Next: 'Notify' }), Notify: task() },
    }, { handlers, clock: 'simulated' });
    const result = await machine.execute({ id: 'o', amount: 5 });
    const output: null | undefined = result.output;
    expect(output).toBeNull();
    expect(historyTypes(result).filter((type) => type === 'TaskSucceeded')).toHaveLength(3);
  });
});

describe('loadMockConfig handlers in the engine', () => {
  const config = {
    StateMachines: {
      M: { TestCases: { Retry: { Call: 'Flaky' }, Short: { Call: 'Once' } } },
    },
    MockedResponses: {
      Flaky: {
        '0-1': { Throw: { Error: 'Lambda.TooManyRequestsException', Cause: 'slow down' } },
        '2': { Return: { StatusCode: 200, Payload: { ok: true } } },
      },
      Once: { '0': { Throw: { Error: 'Lambda.TooManyRequestsException', Cause: 'slow down' } } },
    },
  };
  const definition = {
    StartAt: 'Call',
    States: {
      Call: { Type: 'Task', Resource: lambda, Parameters: { FunctionName: 'f', 'Payload.$': '$' }, OutputPath: '$.Payload', Retry: [{ ErrorEquals: ['Lambda.TooManyRequestsException'], MaxAttempts: 3 }], End: true },
    },
  };

  it('a Return for lambda:invoke is the whole Invoke response, used unchanged', async () => {
    const handlers = loadMockConfig(config).handlers('M', 'Retry');
    const result = await createStateMachine(definition, { handlers, clock: 'simulated' }).execute({});
    expect(result).toHaveSucceededWith({ ok: true });
    expect(result).toHaveRetried('Call', 2);
    expect(taskCalls(result, 'Call').at(-1)?.output).toEqual({ StatusCode: 200, Payload: { ok: true } });
    expect(handlers['Call']!.calls.map((call) => call.invocation)).toEqual([0, 1, 2]);
  });

  it('a state invoked past its last key fails the execution naming file, pointer and test case', async () => {
    const handlers = loadMockConfig(config, { file: 'test/MockConfigFile.json' }).handlers('M', 'Short');
    const result = await createStateMachine(definition, { handlers, clock: 'simulated' }).execute({});
    expect(result).toHaveFailedWith(
      'aslkit.MockExhausted',
      "test/MockConfigFile.json: /MockedResponses/Once: the state 'Call' of the test case 'Short' was invoked a further time (invocation 1), but the mocked response 'Once' covers invocations 0-0 only.",
    );
  });
});
