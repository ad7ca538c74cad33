import { describe, expect, it } from 'vitest';
import '../../src/testing/vitest.js';
import { createStateMachine, historyTypes, StatesError, taskCalls, visitedStates } from '../../src/index.js';
import type { ExecutionResult, TaskHandler } from '../../src/index.js';
import { matchers } from '../../src/testing/vitest.js';

// An order flow: Validate (retried on Throttled), then Charge (caught into Refund) or Ship.
const definition = {
  StartAt: 'Validate',
  States: {
    Validate: {
      Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke',
      Retry: [{ ErrorEquals: ['Throttled'], IntervalSeconds: 1, MaxAttempts: 3 }],
      Next: 'Charge',
    },
    Charge: {
      Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage',
      Catch: [{ ErrorEquals: ['Declined'], ResultPath: '$.error', Next: 'Refund' }],
      Next: 'Ship',
    },
    Ship: { Type: 'Pass', Result: { shipped: true }, End: true },
    Refund: { Type: 'Fail', Error: 'OrderFailed', Cause: 'card declined' },
  },
};

async function run(handlers: Record<string, TaskHandler>): Promise<ExecutionResult> {
  return createStateMachine(definition, { handlers, clock: 'simulated' }).execute({ id: 1 });
}

function failing(times: number, error: string): TaskHandler {
  let calls = 0;
  return () => {
    calls += 1;
    if (calls <= times) throw new StatesError(error, `call ${calls}`);
    return { ok: calls };
  };
}

const happy = await run({ Validate: failing(2, 'Throttled'), Charge: () => ({ charged: 42 }) });
const declined = await run({ Validate: () => ({}), Charge: failing(1, 'Declined') });

function message(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the assertion passed');
}

describe('history helpers', () => {
  it('visitedStates lists the states entered, in order', () => {
    expect(visitedStates(happy)).toEqual(['Validate', 'Charge', 'Ship']);
    expect(visitedStates(declined)).toEqual(['Validate', 'Charge', 'Refund']);
  });

  it('historyTypes lists the event types', () => {
    expect(historyTypes(declined)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSucceeded', 'TaskStateExited',
      'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskFailed', 'TaskStateExited',
      'FailStateEntered', 'ExecutionFailed',
    ]);
  });

  it('taskCalls gives each attempt with what it was sent and how it ended', () => {
    expect(taskCalls(happy, 'Validate')).toEqual([
      { input: { id: 1 }, attempt: 0, status: 'FAILED', error: 'Throttled', cause: 'call 1' },
      { input: { id: 1 }, attempt: 1, status: 'FAILED', error: 'Throttled', cause: 'call 2' },
      { input: { id: 1 }, attempt: 2, status: 'SUCCEEDED', output: expect.objectContaining({ StatusCode: 200, Payload: { ok: 3 } }) },
    ]);
    expect(taskCalls(happy, 'Ship')).toEqual([]);
  });

  it('taskCalls keeps the calls of a state inside Map iterations apart', async () => {
    const machine = createStateMachine({
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map', ItemsPath: '$.items', End: true,
          ItemProcessor: { StartAt: 'Work', States: { Work: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', End: true } } },
        },
      },
    }, { handlers: { Work: (input) => ({ done: input }) }, clock: 'simulated' });
    const result = await machine.execute({ items: [1, 2, 3] });
    expect(taskCalls(result, 'Work').map((call) => [call.input, call.output, call.attempt])).toEqual([
      [1, { done: 1 }, 0], [2, { done: 2 }, 0], [3, { done: 3 }, 0],
    ]);
  });
});

describe('matchers', () => {
  it('toHaveSucceeded and toHaveSucceededWith', () => {
    expect(happy).toHaveSucceeded();
    expect(happy).toHaveSucceededWith({ shipped: true });
    expect(happy).toHaveSucceededWith(expect.objectContaining({ shipped: true }));
    expect(declined).not.toHaveSucceeded();
    expect(happy).not.toHaveSucceededWith({ shipped: false });
  });

  it('toHaveSucceeded fails with the ending and the path taken', () => {
    expect(message(() => expect(declined).toHaveSucceeded())).toBe([
      'Expected the execution to succeed.',
      '',
      "The execution ended FAILED with error \"OrderFailed\" and cause \"card declined\". Path taken:",
      '    1. Validate',
      '    2. Charge',
      '    3. Refund',
    ].join('\n'));
  });

  it('toHaveFailedWith takes strings, RegExps and asymmetric matchers', () => {
    expect(declined).toHaveFailedWith('OrderFailed');
    expect(declined).toHaveFailedWith('OrderFailed', 'card declined');
    expect(declined).toHaveFailedWith(/^Order/, /declined$/);
    expect(declined).toHaveFailedWith(expect.stringContaining('Failed'), expect.stringContaining('card'));
    expect(declined).not.toHaveFailedWith('OrderFailed', 'other');
    expect(declined).not.toHaveFailedWith('Declined');
    expect(happy).not.toHaveFailedWith(expect.anything());
  });

  it('toHaveVisited matches a subsequence in order and shows where the path left it', () => {
    expect(happy).toHaveVisited(['Validate', 'Ship']);
    expect(happy).toHaveVisited('Charge');
    expect(happy).not.toHaveVisited(['Ship', 'Validate']);
    expect(message(() => expect(declined).toHaveVisited(['Validate', 'Charge', 'Ship']))).toBe([
      'Expected the execution to visit "Validate" → "Charge" → "Ship" in that order; "Ship" was not visited after "Charge" (step 2).',
      '',
      'The execution ended FAILED with error "OrderFailed" and cause "card declined". Path taken:',
      '    1. Validate',
      '    2. Charge',
      '       ^ the expected path leaves here',
      '    3. Refund',
    ].join('\n'));
  });

  it('toHaveVisitedExactly names the first step that differs', () => {
    expect(happy).toHaveVisitedExactly(['Validate', 'Charge', 'Ship']);
    expect(happy).not.toHaveVisitedExactly(['Validate', 'Charge']);
    expect(message(() => expect(declined).toHaveVisitedExactly(['Validate', 'Charge', 'Ship']))).toMatch(
      /^Expected the execution to visit exactly "Validate" → "Charge" → "Ship"; step 3 is "Refund", not "Ship"\./,
    );
    expect(message(() => expect(happy).toHaveVisitedExactly(['Validate']))).toMatch(/it went on to "Charge" after step 1\./);
    expect(message(() => expect(happy).toHaveVisitedExactly(['Validate', 'Charge', 'Ship', 'Done']))).toMatch(/it stopped after step 3, before "Done"\./);
  });

  it('toHaveRetried counts the retries of a state', () => {
    expect(happy).toHaveRetried('Validate', 2);
    expect(happy).toHaveRetried('Validate');
    expect(happy).not.toHaveRetried('Validate', 1);
    expect(happy).not.toHaveRetried('Charge');
    expect(message(() => expect(happy).toHaveRetried('Validate', 3))).toMatch(
      /^Expected "Validate" to be retried 3 times; it was retried 2 times \(attempts: #0 FAILED Throttled, #1 FAILED Throttled, #2 SUCCEEDED\)\./,
    );
  });

  it('toHaveCaught finds the error a catcher took over', () => {
    expect(declined).toHaveCaught('Charge');
    expect(declined).toHaveCaught('Charge', 'Declined');
    expect(declined).toHaveCaught('Charge', /^Decl/);
    expect(declined).not.toHaveCaught('Charge', 'Throttled');
    expect(happy).not.toHaveCaught('Charge');
    expect(message(() => expect(happy).toHaveCaught('Charge'))).toMatch(/^Expected a catcher of "Charge" to catch an error; no catcher of it took over\./);
  });

  it('toHaveCaught sees a catcher of a Parallel state, and a retried Parallel branch task', async () => {
    const result = await createStateMachine({
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel', Next: 'Done', Catch: [{ ErrorEquals: ['Declined'], Next: 'Done' }],
          Branches: [{ StartAt: 'Pay', States: { Pay: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', Retry: [{ ErrorEquals: ['Busy'] }], End: true } } }],
        },
        Done: { Type: 'Succeed' },
      },
    }, { handlers: { Pay: failing(1, 'Busy') }, clock: 'simulated' }).execute({});
    expect(result).toHaveSucceeded();
    expect(result).toHaveRetried('Pay', 1);
    expect(result).not.toHaveCaught('Both');
    const declined = await createStateMachine({
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel', Next: 'Done', Catch: [{ ErrorEquals: ['Declined'], Next: 'Done' }],
          Branches: [{ StartAt: 'Pay', States: { Pay: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', End: true } } }],
        },
        Done: { Type: 'Succeed' },
      },
    }, { handlers: { Pay: failing(1, 'Declined') }, clock: 'simulated' }).execute({});
    expect(declined).toHaveCaught('Both', 'Declined');
    expect(declined).toHaveSucceededWith({ Error: 'Declined', Cause: 'call 1' });
  });

  it('toHaveTimedOut: the execution timed out, or failed with an uncaught States.Timeout', async () => {
    const slow: TaskHandler = (_input, context) => new Promise((_, reject) => context.signal.addEventListener('abort', () => reject(new Error('stopped'))));
    const taskTimeout = await createStateMachine({
      StartAt: 'Wait', States: { Wait: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', TimeoutSeconds: 5, End: true } },
    }, { handlers: { Wait: slow }, clock: 'simulated' }).execute({});
    const executionTimeout = await createStateMachine({
      TimeoutSeconds: 10, StartAt: 'Nap', States: { Nap: { Type: 'Wait', Seconds: 60, End: true } },
    }, { clock: 'simulated' }).execute({});
    expect(taskTimeout).toHaveTimedOut();
    expect(executionTimeout.status).toBe('TIMED_OUT');
    expect(executionTimeout).toHaveTimedOut();
    expect(happy).not.toHaveTimedOut();
  });

  it('refuses what is not an execution result', () => {
    expect(message(() => expect({ status: 'SUCCEEDED' }).toHaveSucceeded())).toMatch(/^toHaveSucceeded: expected an aslkit ExecutionResult/);
  });

  it('are exported for expect.extend', () => {
    expect(Object.keys(matchers).sort()).toEqual([
      'toHaveCaught', 'toHaveFailedWith', 'toHaveRetried', 'toHaveSucceeded', 'toHaveSucceededWith', 'toHaveTimedOut',
      'toHaveVisited', 'toHaveVisitedExactly',
    ]);
  });
});
