import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import 'aslkit/vitest';
import { createStateMachine, historyTypes, loadMockConfig, taskCalls } from 'aslkit';
import type { ExecutionResult } from 'aslkit';

// The sample's files, unchanged (see README.md).
const definition = readFileSync(new URL('./local_testing.asl.json', import.meta.url), 'utf8');
const mocks = loadMockConfig(fileURLToPath(new URL('./MockConfigFile.json', import.meta.url)));

// What the sample's pytest file checks for each test case.
const checks: Record<string, (result: ExecutionResult) => void> = {
  HappyPath: (result) => {
    expect(historyTypes(result).filter((type) => type === 'TaskSucceeded')).toHaveLength(2);
  },
  RetryPath: (result) => {
    expect(taskCalls(result, 'LambdaState').map((call) => call.error ?? call.status)).toEqual([
      'Lambda.ResourceNotReadyException', 'Lambda.TimeoutException', 'Lambda.TimeoutException', 'SUCCEEDED',
    ]);
    expect(result).toHaveRetried('LambdaState', 3);
    // IntervalSeconds 2, BackoffRate 2: 2 + 4 + 8 seconds of virtual time.
    expect(result.history.at(-1)!.timestamp.getTime() - result.history[0]!.timestamp.getTime()).toBe(14_000);
  },
  HybridPath: (result) => {
    expect(result.history.some((event) => event.type === 'ExecutionSucceeded')).toBe(true);
  },
};

describe('Step Functions Local sample, run by aslkit', () => {
  it('has a check for every test case of the mock file', () => {
    expect(mocks.testCases('LambdaSQSIntegration')).toEqual(Object.keys(checks));
  });

  it.each(mocks.testCases('LambdaSQSIntegration'))('%s', async (testCase) => {
    const machine = createStateMachine(definition, {
      name: 'LambdaSQSIntegration',
      handlers: mocks.handlers('LambdaSQSIntegration', testCase),
      clock: 'simulated',
    });
    const result = await machine.execute({ data: 'test input' });
    expect(result).toHaveSucceededWith({ MD5OfMessageBody: '3bcb6e8e-7h85-4375-b0bc-1a59812c6e51', MessageId: '3bcb6e8e-8b51-4375-b0bc-1a59812c6e51' });
    expect(result).toHaveVisitedExactly(['LambdaState', 'SQSState']);
    // The Lambda Return is the whole Invoke response; SQSState sends its Payload on.
    expect(taskCalls(result, 'SQSState')[0]?.input).toEqual({
      QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/myQueue',
      MessageBody: { StatusCode: 200, Payload: { StatusCode: 200, body: 'Hello from Lambda!' } },
    });
    checks[testCase]!(result);
  });
});
