import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import 'aslkit/vitest';
import { createStateMachine, loadMockConfig, taskCalls } from 'aslkit';
import type { ExecutionResult } from 'aslkit';

const definition = readFileSync(new URL('./statemachine/order-intake.asl.json', import.meta.url), 'utf8');
// The file Step Functions Local reads, as it is.
const mocks = loadMockConfig(fileURLToPath(new URL('./statemachine/test/MockConfigFile.json', import.meta.url)));
const input = { orderId: 'o-42', items: ['A', 'B'] };

// What each test case of the file is for.
const checks: Record<string, (result: ExecutionResult) => void> = {
  HappyPath: (result) => {
    expect(result).toHaveSucceededWith({ ...input, stock: { inStock: true }, notification: { messageId: '0d0c5c9e-7e3a-4c7b-9c52-2f0e6c1a9b41' } });
    expect(result).toHaveVisitedExactly(['CheckStock', 'ReserveItems', 'NotifyWarehouse']);
  },
  RetryPath: (result) => {
    expect(result).toHaveSucceeded();
    expect(taskCalls(result, 'CheckStock').map((call) => call.error ?? call.status)).toEqual([
      'Lambda.ServiceException', 'Lambda.TooManyRequestsException', 'Lambda.TooManyRequestsException', 'SUCCEEDED',
    ]);
    expect(result).toHaveRetried('CheckStock', 3);
    // IntervalSeconds 2, BackoffRate 2: 2 + 4 + 8 seconds, all virtual.
    expect(result.stopDate.getTime() - result.startDate.getTime()).toBe(14_000);
  },
  AlreadyReserved: (result) => {
    expect(result).toHaveCaught('ReserveItems', 'DynamoDb.ConditionalCheckFailedException');
    expect(result).toHaveVisited(['ReserveItems', 'ReportFailure', 'OrderFailed']);
    expect(result).toHaveFailedWith('ReservationFailed');
    expect(taskCalls(result, 'ReportFailure')[0]?.input).toEqual({
      TopicArn: 'arn:aws:sns:us-east-1:123456789012:order-failures',
      Message: 'The conditional request failed.',
    });
  },
};

describe('a Step Functions Local mock file, run by aslkit', () => {
  it('has a check for every test case of the file', () => {
    expect(mocks.testCases('OrderIntake')).toEqual(Object.keys(checks));
  });

  it.each(mocks.testCases('OrderIntake'))('%s', async (testCase) => {
    const machine = createStateMachine(definition, {
      name: 'OrderIntake',
      handlers: mocks.handlers('OrderIntake', testCase),
      clock: 'simulated',
    });
    const result = await machine.execute(input);
    // The aws-sdk integration is recorded as AWS records it.
    const scheduled = result.history.filter((event) => event.taskScheduledEventDetails?.resourceType === 'aws-sdk:dynamodb');
    expect(scheduled.map((event) => event.taskScheduledEventDetails?.resource)).toEqual(['putItem']);
    checks[testCase]!(result);
  });
});
