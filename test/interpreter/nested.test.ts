import { describe, expect, it } from 'vitest';
import { DefinitionError, SimulatedClock, createStateMachine } from '../../src/index.js';
import type { CreateStateMachineOptions } from '../../src/index.js';
import { types } from './helpers.js';

const CHILD_ARN = 'arn:aws:states:us-east-1:123456789012:stateMachine:Child';

/** A child that waits a minute, then doubles `n` (or fails when asked). */
const child = {
  StartAt: 'Wait',
  States: {
    Wait: { Type: 'Wait', Seconds: 60, Next: 'Check' },
    Check: { Type: 'Choice', Choices: [{ Variable: '$.fail', IsPresent: true, Next: 'Boom' }], Default: 'Double' },
    Double: { Type: 'Pass', Parameters: { 'n.$': 'States.MathAdd($.n, $.n)' }, End: true },
    Boom: { Type: 'Fail', Error: 'Child.Failed', Cause: 'asked to fail' },
  },
};

function parent(resource: string, task: object = {}, options: CreateStateMachineOptions = {}) {
  return createStateMachine({
    StartAt: 'Run',
    States: {
      Run: {
        Type: 'Task', Resource: resource, End: true,
        Parameters: { StateMachineArn: CHILD_ARN, 'Input.$': '$', Name: 'child-1' },
        ...task,
      },
    },
  }, { clock: 'simulated', stateMachines: { Child: child }, ...options });
}

const START = new Date(Date.UTC(2024, 0, 1)).getTime();

describe('states:startExecution runs a registered child on the parent\'s clock', () => {
  it('.sync waits for the child and returns its DescribeExecution with Input and Output as JSON text', async () => {
    const result = await parent('arn:aws:states:::states:startExecution.sync').execute({ n: 2 });
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toEqual({
      ExecutionArn: 'arn:aws:states:us-east-1:123456789012:execution:Child:child-1',
      Input: '{"n":2}',
      InputDetails: { Included: true },
      Name: 'child-1',
      Output: '{"n":4}',
      OutputDetails: { Included: true },
      RedriveCount: 0,
      RedriveStatus: 'NOT_REDRIVABLE',
      RedriveStatusReason: 'Execution is SUCCEEDED and cannot be redriven',
      StartDate: START,
      StateMachineArn: CHILD_ARN,
      Status: 'SUCCEEDED',
      StopDate: START + 60_000,
    });
    expect(result.stopDate.getTime()).toBe(START + 60_000);
  });

  it.each([
    ['.sync', 'arn:aws:states:::states:startExecution.sync'],
    ['.sync:2', 'arn:aws:states:::states:startExecution.sync:2'],
  ])('%s records TaskSubmitted with StartExecution\'s answer, after the child started', async (_label, resource) => {
    const result = await parent(resource).execute({ n: 2 });
    const submitted = result.history.find((e) => e.type === 'TaskSubmitted')!.taskSubmittedEventDetails as {
      resource: string; resourceType: string; output: { ExecutionArn: string; StartDate: number };
    };
    expect([submitted.resourceType, submitted.resource]).toEqual(['states', resource.slice('arn:aws:states:::states:'.length)]);
    expect([submitted.output.ExecutionArn, submitted.output.StartDate]).toEqual([
      'arn:aws:states:us-east-1:123456789012:execution:Child:child-1', START,
    ]);
  });

  it('.sync:2 returns Input and Output as JSON', async () => {
    const result = await parent('arn:aws:states:::states:startExecution.sync:2', { OutputPath: '$.Output' }).execute({ n: 5 });
    expect(result.output).toEqual({ n: 10 });
    const described = (await parent('arn:aws:states:::states:startExecution.sync:2').execute({ n: 1 })).output as { Input: unknown };
    expect(described.Input).toEqual({ n: 1 });
  });

  it('startExecution alone returns { ExecutionArn, StartDate } with the SDK metadata, and does not wait', async () => {
    const result = await parent('arn:aws:states:::states:startExecution', {
      ResultSelector: { 'arn.$': '$.ExecutionArn', 'start.$': '$.StartDate', 'status.$': '$.SdkHttpMetadata.HttpStatusCode' },
    }).execute({ n: 1 });
    expect(result.output).toEqual({ arn: 'arn:aws:states:us-east-1:123456789012:execution:Child:child-1', start: START, status: 200 });
    expect(result.stopDate.getTime()).toBe(START);
    const [started] = result.childExecutions!;
    const childResult = await started!.result;
    expect([childResult.status, childResult.output, childResult.stopDate.getTime()]).toEqual(['SUCCEEDED', { n: 2 }, START + 60_000]);
  });

  it('a failing child fails a .sync task with States.TaskFailed and the child\'s DescribeExecution as cause', async () => {
    const result = await parent('arn:aws:states:::states:startExecution.sync').execute({ n: 1, fail: true });
    expect(result.error).toBe('States.TaskFailed');
    expect(JSON.parse(result.cause!)).toEqual({
      Cause: 'asked to fail',
      Error: 'Child.Failed',
      ExecutionArn: 'arn:aws:states:us-east-1:123456789012:execution:Child:child-1',
      Input: '{"n":1,"fail":true}',
      InputDetails: { Included: true },
      Name: 'child-1',
      StartDate: START,
      StateMachineArn: CHILD_ARN,
      Status: 'FAILED',
      StopDate: START + 60_000,
    });
  });

  it('the parent\'s result lists the child with its own result and history', async () => {
    const result = await parent('arn:aws:states:::states:startExecution.sync').execute({ n: 3 });
    expect(result.childExecutions).toHaveLength(1);
    const [c] = result.childExecutions!;
    expect([c!.stateName, c!.stateMachineArn, c!.name, c!.executionArn]).toEqual([
      'Run', CHILD_ARN, 'child-1', 'arn:aws:states:us-east-1:123456789012:execution:Child:child-1',
    ]);
    expect(c!.history.map((e) => e.type)).toEqual([
      'ExecutionStarted', 'WaitStateEntered', 'WaitStateExited', 'ChoiceStateEntered', 'ChoiceStateExited',
      'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded',
    ]);
    expect((await c!.result).output).toEqual({ n: 6 });
    expect(types(result)).toEqual([
      'ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSubmitted', 'TaskSucceeded',
      'TaskStateExited', 'ExecutionSucceeded',
    ]);
  });

  it.each([
    ['its full ARN', { [CHILD_ARN]: child }],
    ['its name', { Child: child }],
    ['a compiled StateMachine with that ARN', { other: createStateMachine(child, { stateMachineArn: CHILD_ARN }) }],
  ])('finds the child by %s', async (_label, stateMachines) => {
    const result = await parent('arn:aws:states:::states:startExecution.sync:2', { OutputPath: '$.Output' }, { stateMachines }).execute({ n: 4 });
    expect(result.output).toEqual({ n: 8 });
  });

  it('an unregistered ARN fails the task at once as AWS does, naming what is registered', async () => {
    const result = await createStateMachine({
      StartAt: 'Run',
      States: {
        Run: {
          Type: 'Task', Resource: 'arn:aws:states:::states:startExecution.sync',
          Parameters: { StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Missing' }, End: true,
        },
      },
    }, { clock: 'simulated', stateMachines: { Child: child } }).execute({});
    expect([result.status, result.error]).toEqual(['FAILED', 'StepFunctions.StateMachineDoesNotExistException']);
    expect(result.cause).toBe("State Machine Does Not Exist: 'arn:aws:states:us-east-1:123456789012:stateMachine:Missing' (options.stateMachines registers 'Child')");
  });

  it('a handler for the state still answers instead of the child', async () => {
    const result = await parent('arn:aws:states:::states:startExecution.sync', {}, { handlers: { Run: () => 'mocked' } }).execute({ n: 1 });
    expect([result.output, result.childExecutions]).toEqual(['mocked', undefined]);
  });

  it('the child uses the parent\'s handlers, and parent and child wait on one clock without deadlock', async () => {
    const clock = new SimulatedClock();
    const worker = {
      StartAt: 'Work',
      States: { Work: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:putItem', End: true } },
    };
    const machine = createStateMachine({
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel', End: true,
          Branches: [
            {
              StartAt: 'Run',
              States: {
                Run: {
                  Type: 'Task', Resource: 'arn:aws:states:::states:startExecution.sync:2', OutputPath: '$.Output',
                  Parameters: { StateMachineArn: 'Worker', 'Input.$': '$' }, End: true,
                },
              },
            },
            { StartAt: 'Sleep', States: { Sleep: { Type: 'Wait', Seconds: 30, End: true } } },
          ],
        },
      },
    }, {
      clock,
      stateMachines: { Worker: worker },
      handlers: { Work: async (input, ctx) => { await clock.sleep(45_000, ctx.signal); return { worked: input }; } },
    });
    const result = await machine.execute({ job: 1 });
    expect(result.output).toEqual([{ worked: { job: 1 } }, { job: 1 }]);
    expect(result.stopDate.getTime() - result.startDate.getTime()).toBe(45_000);
  });

  it('TimeoutSeconds on a .sync task stops the child (ABORTED)', async () => {
    const result = await parent('arn:aws:states:::states:startExecution.sync', { TimeoutSeconds: 10 }).execute({ n: 1 });
    expect([result.status, result.error]).toEqual(['FAILED', 'States.Timeout']);
    const childResult = await result.childExecutions![0]!.result;
    expect([childResult.status, childResult.stopDate.getTime()]).toEqual(['ABORTED', START + 10_000]);
  });

  it('.waitForTaskToken: the child gets the token in its input and answers through the handle', async () => {
    const machine = createStateMachine({
      StartAt: 'Run',
      States: {
        Run: {
          Type: 'Task', Resource: 'arn:aws:states:::states:startExecution.waitForTaskToken',
          Parameters: { StateMachineArn: 'Approver', Input: { 'token.$': '$$.Task.Token', 'amount.$': '$.amount' } }, End: true,
        },
      },
    }, {
      clock: 'simulated',
      stateMachines: {
        Approver: {
          StartAt: 'Ask',
          States: {
            Ask: {
              Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
              Parameters: { QueueUrl: 'q', 'MessageBody.$': '$', 'TaskToken.$': '$$.Task.Token' }, End: true,
            },
          },
        },
      },
    });
    const handle = machine.start({ amount: 9 });
    const ask = await handle.waitForTask('Ask');
    const { token, amount } = (ask.input as { MessageBody: { token: string; amount: number } }).MessageBody;
    handle.sendTaskSuccess(token, { approved: amount < 10 });
    const result = await handle.result;
    expect(result.output).toEqual({ approved: true });
    handle.sendTaskSuccess(ask.token, 'child done');
    expect((await result.childExecutions![0]!.result).output).toBe('child done');
  });

  it.each([
    ['sendTaskSuccess', { 'TaskToken.$': '$.token', 'Output.$': 'States.JsonToString($.reply)' }, 'SUCCEEDED', { ok: 1 }],
    ['sendTaskFailure', { 'TaskToken.$': '$.token', Error: 'Child.Said.No', Cause: 'no stock' }, 'FAILED', undefined],
  ] as const)('.waitForTaskToken: the child answers with aws-sdk:sfn:%s, no handler needed', async (action, parameters, status, output) => {
    const result = await createStateMachine({
      StartAt: 'Run',
      States: {
        Run: {
          Type: 'Task', Resource: 'arn:aws:states:::states:startExecution.waitForTaskToken',
          Parameters: { StateMachineArn: 'Replier', Input: { 'token.$': '$$.Task.Token', reply: { ok: 1 } } }, End: true,
        },
      },
    }, {
      clock: 'simulated',
      stateMachines: {
        Replier: { StartAt: 'Reply', States: { Reply: { Type: 'Task', Resource: `arn:aws:states:::aws-sdk:sfn:${action}`, Parameters: parameters, End: true } } },
      },
    }).execute({});
    expect([result.status, result.output, result.error, result.cause]).toEqual(
      status === 'SUCCEEDED' ? [status, output, undefined, undefined] : [status, undefined, 'Child.Said.No', 'no stock'],
    );
    expect((await result.childExecutions![0]!.result).output).toEqual({});
  });

  it('a registered definition AWS would refuse is a DefinitionError naming its key', () => {
    expect(() => parent('arn:aws:states:::states:startExecution.sync', {}, { stateMachines: { Broken: { StartAt: 'X', States: {} } } }))
      .toThrow(DefinitionError);
    expect(() => parent('arn:aws:states:::states:startExecution.sync', {}, { stateMachines: { Broken: { StartAt: 'X', States: {} } } }))
      .toThrow(/^options\.stateMachines\['Broken'\]: Invalid state machine definition/);
  });

  it('handler keys may name states of registered definitions (they share the handlers), and a misspelt one is still refused', () => {
    const worker = { StartAt: 'Work', States: { Work: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:putItem', End: true } } };
    const make = (key: string) => parent('arn:aws:states:::states:startExecution.sync', {}, { stateMachines: { Child: worker }, handlers: { [key]: () => 1 } });
    expect(make('Work').name).toBe('StateMachine');
    expect(() => make('Wrok')).toThrow("options.handlers has the key 'Wrok', which names no state and no Resource of the definition; did you mean 'Work'?");
  });

  it('children may start children from the same registry', async () => {
    const outer = {
      StartAt: 'Inner',
      States: {
        Inner: {
          Type: 'Task', Resource: 'arn:aws:states:::states:startExecution.sync:2', OutputPath: '$.Output',
          Parameters: { StateMachineArn: 'Child', 'Input.$': '$' }, End: true,
        },
      },
    };
    const result = await createStateMachine({
      StartAt: 'Run',
      States: {
        Run: {
          Type: 'Task', Resource: 'arn:aws:states:::states:startExecution.sync:2', OutputPath: '$.Output',
          Parameters: { StateMachineArn: 'Outer', 'Input.$': '$' }, End: true,
        },
      },
    }, { clock: 'simulated', stateMachines: { Outer: outer, Child: child } }).execute({ n: 7 });
    expect(result.output).toEqual({ n: 14 });
    const grandchildren = (await result.childExecutions![0]!.result).childExecutions!;
    expect(grandchildren.map((c) => c.stateMachineArn)).toEqual([CHILD_ARN]);
  });
});
