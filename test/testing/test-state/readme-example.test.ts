import { describe, expect, it } from 'vitest';
import { testState } from '../../../src/index.js';

const definition = JSON.stringify({
  StartAt: 'Route',
  States: {
    Route: {
      Type: 'Choice',
      Choices: [{ Variable: '$.total', NumericGreaterThan: 100, Next: 'Charge' }],
      Default: 'Done',
    },
    Charge: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: 'charge', 'Payload.$': '$' },
      ResultSelector: { 'receipt.$': '$.Payload.receipt' },
      Retry: [{ ErrorEquals: ['Lambda.TooManyRequestsException'], IntervalSeconds: 2, MaxAttempts: 3 }],
      Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Refund' }],
      Next: 'Done',
    },
    Refund: { Type: 'Pass', End: true },
    Done: { Type: 'Succeed' },
  },
});

describe('checkout', () => {
  it('routes big orders to Charge', async () => {
    const response = await testState({ definition, stateName: 'Route', input: '{"total": 250}' });
    expect(response).toEqual({ status: 'SUCCEEDED', nextState: 'Charge', output: '{"total":250}' });
  });

  it('charges with the mocked Lambda result', async () => {
    const response = await testState({
      definition,
      stateName: 'Charge',
      input: '{"total": 250}',
      mock: { result: '{"StatusCode": 200, "Payload": {"receipt": "r-1"}}' },
    });
    expect(response).toMatchObject({ status: 'SUCCEEDED', nextState: 'Done', output: '{"receipt":"r-1"}' });
  });

  it.each([
    [0, { status: 'RETRIABLE', inspectionData: { errorDetails: { retryIndex: 0, retryBackoffIntervalSeconds: 2 } } }],
    [2, { status: 'RETRIABLE', inspectionData: { errorDetails: { retryIndex: 0, retryBackoffIntervalSeconds: 8 } } }],
    [3, {
      status: 'CAUGHT_ERROR',
      nextState: 'Refund',
      output: '{"total":250,"error":{"Error":"Lambda.TooManyRequestsException","Cause":"Rate exceeded"}}',
    }],
  ])('after %i retries a throttled charge is %o', async (retrierRetryCount, expected) => {
    const response = await testState({
      definition,
      stateName: 'Charge',
      input: '{"total": 250}',
      inspectionLevel: 'DEBUG',
      mock: { errorOutput: { error: 'Lambda.TooManyRequestsException', cause: 'Rate exceeded' } },
      stateConfiguration: { retrierRetryCount },
    });
    expect(response).toMatchObject(expected);
  });
});
