import { describe, expect, it } from 'vitest';
import { SimulatedClock, StatesError, createStateMachine } from '../../src/index.js';
import type { TaskContext } from '../../src/index.js';
import { run, single } from './helpers.js';

const TASK = 'arn:aws:states:::dynamodb:putItem';

describe('ExecutionResult names the execution as DescribeExecution does', () => {
  it.each([
    ['STANDARD', 'arn:aws:states:us-east-1:123456789012:execution:Orders:run-1'],
    ['EXPRESS', /^arn:aws:states:us-east-1:123456789012:express:Orders:run-1:[0-9a-f-]{36}$/],
  ] as const)('%s: executionArn, name, startDate and stopDate on the clock', async (type, arn) => {
    const clock = new SimulatedClock({ start: Date.UTC(2025, 5, 1) });
    const machine = createStateMachine(
      { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 90, End: true } } },
      { clock, name: 'Orders', type },
    );
    const result = await machine.execute({}, { name: 'run-1' });
    expect(result.name).toBe('run-1');
    if (typeof arn === 'string') expect(result.executionArn).toBe(arn);
    else expect(result.executionArn).toMatch(arn);
    expect(result.startDate).toEqual(new Date('2025-06-01T00:00:00.000Z'));
    expect(result.stopDate).toEqual(new Date('2025-06-01T00:01:30.000Z'));
  });

  it('the ARN is the one $$.Execution.Id reads, and failed executions carry it too', async () => {
    const result = await run({
      StartAt: 'P',
      States: {
        P: { Type: 'Pass', Parameters: { 'id.$': '$$.Execution.Id', 'name.$': '$$.Execution.Name' }, Next: 'F' },
        F: { Type: 'Fail', Error: 'E' },
      },
    }, {}, { random: () => 0 });
    expect(result.status).toBe('FAILED');
    expect(result.name).toBe('00000000-0000-4000-8000-000000000000');
    expect(result.executionArn).toBe('arn:aws:states:us-east-1:123456789012:execution:StateMachine:00000000-0000-4000-8000-000000000000');
    expect(result.stopDate.getTime() - result.startDate.getTime()).toBe(0);
  });
});

describe('TaskContext.invocation counts earlier invocations of the state in the execution', () => {
  function recorder(): { seen: [string, number, number][]; handler: (input: unknown, ctx: TaskContext) => unknown } {
    const seen: [string, number, number][] = [];
    return {
      seen,
      handler: (input, ctx) => {
        seen.push([ctx.stateName, ctx.invocation, ctx.attempt]);
        return input;
      },
    };
  }

  it('across retries and loops', async () => {
    const seen: [number, number][] = [];
    const result = await run({
      StartAt: 'T',
      States: {
        T: { Type: 'Task', Resource: TASK, Retry: [{ ErrorEquals: ['Busy'], IntervalSeconds: 1 }], Next: 'Again' },
        Again: { Type: 'Choice', Choices: [{ Variable: '$.n', NumericLessThan: 2, Next: 'T' }], Default: 'Done' },
        Done: { Type: 'Succeed' },
      },
    }, { n: 0 }, {
      handlers: {
        T: (input, ctx) => {
          seen.push([ctx.invocation, ctx.attempt]);
          if (ctx.invocation === 0) throw new StatesError('Busy', 'later');
          return { n: (input as { n: number }).n + 1 };
        },
      },
    });
    expect(result.output).toEqual({ n: 2 });
    expect(seen).toEqual([[0, 0], [1, 1], [2, 0]]);
  });

  it('one counter per state name across Map iterations and Parallel branches', async () => {
    const { seen, handler } = recorder();
    await run({
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map', End: true,
          ItemProcessor: {
            StartAt: 'P',
            States: {
              P: {
                Type: 'Parallel', End: true,
                Branches: [
                  { StartAt: 'Item', States: { Item: { Type: 'Task', Resource: TASK, End: true } } },
                  { StartAt: 'Other', States: { Other: { Type: 'Task', Resource: TASK, End: true } } },
                ],
              },
            },
          },
        },
      },
    }, [1, 2, 3], { handlers: { Item: handler, Other: handler } });
    const counts = (name: string): number[] => seen.filter(([n]) => n === name).map(([, invocation]) => invocation).sort();
    expect([counts('Item'), counts('Other')]).toEqual([[0, 1, 2], [0, 1, 2]]);
  });

  it('starts again at 0 in each execution', async () => {
    const { seen, handler } = recorder();
    const machine = createStateMachine(single({ Type: 'Task', Resource: TASK, End: true }), { clock: 'simulated', handlers: { S: handler } });
    await machine.execute({});
    await machine.execute({});
    expect(seen).toEqual([['S', 0, 0], ['S', 0, 0]]);
  });
});
