import { describe, expect, it } from 'vitest';
import { createStateMachine, snapshotSerializer, stabilize } from '../../src/index.js';

describe('snapshot serializer', () => {
  it('replaces ARNs, UUIDs, timestamps and task tokens by numbered placeholders, one per value', () => {
    const value = {
      executionArn: 'arn:aws:states:us-east-1:123456789012:execution:Orders:5f0d7a4e-1c2b-4d3e-8f9a-0b1c2d3e4f5a',
      again: 'arn:aws:states:us-east-1:123456789012:execution:Orders:5f0d7a4e-1c2b-4d3e-8f9a-0b1c2d3e4f5a',
      function: 'arn:aws:lambda:eu-west-1:123456789012:function:Charge',
      resource: 'arn:aws:states:::lambda:invoke',
      id: '0B1C2D3E-4F5A-4D3E-8F9A-5F0D7A4E1C2B',
      startDate: new Date(0),
      at: '2026-12-07T15:00:00.123Z',
      time: 1704067200000,
      sent: { TaskToken: 'a1b2c3d4e5f6a7b8a1b2c3d4e5f6a7b8', echo: 'a1b2c3d4e5f6a7b8a1b2c3d4e5f6a7b8' },
      note: 'see arn:aws:sns:us-east-1:123456789012:alerts now',
      count: 3,
    };
    expect(stabilize(value)).toEqual({
      executionArn: '<ARN 1>',
      again: '<ARN 1>',
      function: '<ARN 2>',
      resource: 'arn:aws:states:::lambda:invoke',
      id: '<UUID 1>',
      startDate: '<Timestamp>',
      at: '<Timestamp>',
      time: '<Timestamp>',
      sent: { TaskToken: '<TaskToken 1>', echo: '<TaskToken 1>' },
      note: 'see <ARN 3> now',
      count: 3,
    });
  });

  it('keeps shared and cyclic structure', () => {
    const shared = { name: 'x' };
    const cyclic: Record<string, unknown> = { a: shared, b: shared };
    cyclic['self'] = cyclic;
    const out = stabilize(cyclic) as Record<string, unknown>;
    expect(out['a']).toBe(out['b']);
    expect(out['self']).toBe(out);
  });

  it('makes a history snapshot the same across runs with different random names and tokens', async () => {
    const definition = {
      StartAt: 'Ask',
      States: {
        Ask: {
          Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
          Parameters: { 'token.$': '$$.Task.Token', 'execution.$': '$$.Execution.Id' }, End: true,
        },
      },
    };
    const histories = await Promise.all([0.1, 0.7].map(async (seed) => {
      let state = seed;
      const random = (): number => (state = (state * 9301 + 0.49297) % 1);
      const machine = createStateMachine(definition, { random, clock: 'simulated', handlers: { Ask: () => ({ ok: true }) } });
      const result = await machine.execute({});
      return result.history;
    }));
    expect(JSON.stringify(histories[0])).not.toBe(JSON.stringify(histories[1]));
    expect(stabilize(histories[0])).toEqual(stabilize(histories[1]));
    // <ARN 1> is the role ARN of ExecutionStarted; the execution ARN comes second.
    const scheduled = (stabilize(histories[0]) as { taskScheduledEventDetails?: { parameters: unknown }; timestamp: unknown }[])
      .find((event) => event.taskScheduledEventDetails !== undefined)!;
    expect(scheduled.taskScheduledEventDetails!.parameters).toEqual({ token: '<TaskToken 1>', execution: '<ARN 2>' });
    expect(scheduled.timestamp).toBe('<Timestamp>');
  });

  it('works as a pretty-format plugin', () => {
    expect.addSnapshotSerializer(snapshotSerializer);
    expect({ arn: 'arn:aws:iam::123456789012:role/R', when: new Date(5) }).toMatchInlineSnapshot(`
      {
        "arn": "<ARN 1>",
        "when": "<Timestamp>",
      }
    `);
  });
});
