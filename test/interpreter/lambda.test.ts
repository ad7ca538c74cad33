import { describe, expect, it } from 'vitest';
import { StatesError, lambdaResult } from '../../src/index.js';
import { run, single, types } from './helpers.js';

const INVOKE = 'arn:aws:states:::lambda:invoke';
const FUNCTION = 'arn:aws:lambda:us-east-1:123456789012:function:f';

describe('arn:aws:states:::lambda:invoke answers with Lambda\'s Invoke response', () => {
  it('wraps the payload a handler returns in the envelope AWS records', async () => {
    const result = await run(single({ Type: 'Task', Resource: INVOKE, End: true }), {}, {
      random: () => 0.5,
      handlers: { S: () => ({ ok: 'é' }) },
    });
    expect(result.status).toBe('SUCCEEDED');
    const requestId = '80808080-8080-4080-8080-808080808080';
    const trace = 'Root=1-65920080-888888888888888888888888;Sampled=0';
    const date = 'Mon, 01 Jan 2024 00:00:00 GMT';
    expect(result.output).toEqual({
      ExecutedVersion: '$LATEST',
      Payload: { ok: 'é' },
      SdkHttpMetadata: {
        AllHttpHeaders: {
          'X-Amz-Executed-Version': ['$LATEST'],
          'x-amzn-Remapped-Content-Length': ['0'],
          Connection: ['keep-alive'],
          'x-amzn-RequestId': [requestId],
          'Content-Length': ['11'],
          Date: [date],
          'X-Amzn-Trace-Id': [trace],
          'Content-Type': ['application/json'],
        },
        HttpHeaders: {
          Connection: 'keep-alive',
          'Content-Length': '11',
          'Content-Type': 'application/json',
          Date: date,
          'X-Amz-Executed-Version': '$LATEST',
          'x-amzn-Remapped-Content-Length': '0',
          'x-amzn-RequestId': requestId,
          'X-Amzn-Trace-Id': trace,
        },
        HttpStatusCode: 200,
      },
      SdkResponseMetadata: { RequestId: requestId },
      StatusCode: 200,
    });
    expect(result.history.find((e) => e.type === 'TaskSucceeded')?.taskSucceededEventDetails?.output).toEqual(result.output);
  });

  it.each([
    ['an object', { a: 1 }, { a: 1 }],
    ['a string', 'hi', 'hi'],
    ['undefined (Lambda sends null)', undefined, null],
    ['null', null, null],
  ])('Payload is %s as returned', async (_label, returned, payload) => {
    const result = await run(
      single({ Type: 'Task', Resource: INVOKE, ResultSelector: { 'p.$': '$.Payload', 'code.$': '$.StatusCode' }, End: true }),
      {}, { handlers: { S: () => returned } },
    );
    expect(result.output).toEqual({ p: payload, code: 200 });
  });

  it('takes the whole response unchanged from lambdaResult()', async () => {
    const response = { StatusCode: 200, Payload: { n: 1 }, ExecutedVersion: '3' };
    const result = await run(single({ Type: 'Task', Resource: INVOKE, End: true }), {}, { handlers: { S: () => lambdaResult(response) } });
    expect(result.output).toEqual(response);
  });

  it.each([
    ['a direct function ARN', FUNCTION],
    ['lambda:invoke.waitForTaskToken', `${INVOKE}.waitForTaskToken`],
  ])('%s returns the handler\'s value as it is', async (_label, resource) => {
    const result = await run(single({ Type: 'Task', Resource: resource, End: true }), {}, { handlers: { S: () => ({ n: 1 }) } });
    expect(result.output).toEqual({ n: 1 });
  });
});

describe('a Lambda handler that throws fails as Lambda reports it', () => {
  it.each([
    ['lambda:invoke', INVOKE, 'TaskFailed', 'taskFailedEventDetails'],
    ['lambda:invoke.waitForTaskToken', `${INVOKE}.waitForTaskToken`, 'TaskFailed', 'taskFailedEventDetails'],
    ['a direct function ARN', FUNCTION, 'LambdaFunctionFailed', 'lambdaFunctionFailedEventDetails'],
  ] as const)('%s: Error is the error\'s name, Cause the JSON error document', async (_label, resource, failedType, key) => {
    class PaymentDeclined extends Error {
      override name = 'PaymentDeclined';
    }
    const result = await run(single({ Type: 'Task', Resource: resource, End: true }), {}, {
      handlers: { S: () => { throw new PaymentDeclined('card expired'); } },
    });
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('PaymentDeclined');
    const cause = JSON.parse(result.cause!) as { errorType: string; errorMessage: string; trace: string[] };
    expect(Object.keys(cause)).toEqual(['errorType', 'errorMessage', 'trace']);
    expect([cause.errorType, cause.errorMessage, cause.trace[0]]).toEqual(['PaymentDeclined', 'card expired', 'PaymentDeclined: card expired']);
    const failed = result.history.find((e) => e.type === failedType)!;
    expect((failed[key] as { error: string }).error).toBe('PaymentDeclined');
  });

  it('a rejected promise is reported the same way, and a catcher sees the JSON cause', async () => {
    const result = await run({
      StartAt: 'S',
      States: {
        S: { Type: 'Task', Resource: INVOKE, Catch: [{ ErrorEquals: ['TypeError'], Next: 'H' }], End: true },
        H: { Type: 'Pass', Parameters: { 'document.$': 'States.StringToJson($.Cause)' }, OutputPath: '$.document.errorMessage', End: true },
      },
    }, {}, { handlers: { S: async () => { throw new TypeError('x is not a function'); } } });
    expect(result.output).toBe('x is not a function');
  });

  it.each(['Lambda.Unknown', 'Lambda.ServiceException', 'Lambda.TooManyRequestsException', 'Lambda.SdkClientException'])(
    'throws %s by name with StatesError, retried by name',
    async (error) => {
      let calls = 0;
      const result = await run(single({
        Type: 'Task', Resource: INVOKE, Retry: [{ ErrorEquals: [error], MaxAttempts: 1 }], End: true,
      }), {}, { handlers: { S: () => { calls++; throw new StatesError(error, 'The function timed out'); } } });
      expect([result.status, result.error, result.cause, calls]).toEqual(['FAILED', error, 'The function timed out', 2]);
      expect(types(result).filter((t) => t === 'TaskFailed')).toHaveLength(2);
    },
  );

  it('a retried attempt records the same error document in its history event, the stack it was thrown with', async () => {
    let calls = 0;
    const thrown: Error[] = [];
    const result = await run(single({
      Type: 'Task', Resource: FUNCTION, Retry: [{ ErrorEquals: ['Flaky'], MaxAttempts: 1 }], End: true,
    }), {}, {
      handlers: {
        S: () => {
          if (calls++ > 0) return { calls };
          const error = Object.assign(new Error('try again'), { name: 'Flaky' });
          thrown.push(error);
          throw error;
        },
      },
    });
    expect(result.status).toBe('SUCCEEDED');
    const failed = result.history.find((e) => e.type === 'LambdaFunctionFailed')!;
    const document = { errorType: 'Flaky', errorMessage: 'try again', trace: thrown[0]!.stack!.split('\n') };
    expect(failed.lambdaFunctionFailedEventDetails).toEqual({ error: 'Flaky', cause: JSON.stringify(document) });
    expect(JSON.parse(JSON.stringify(failed)).lambdaFunctionFailedEventDetails.cause).toBe(JSON.stringify(document));
  });

  it('an Error whose stack cannot be read fails with its name and message', async () => {
    const error = Object.defineProperty(new Error('no stack'), 'stack', { get() { throw new Error('hostile'); } });
    const result = await run(single({ Type: 'Task', Resource: FUNCTION, End: true }), {}, { handlers: { S: () => { throw error; } } });
    expect([result.status, result.error, result.cause]).toEqual(['FAILED', 'Error', 'no stack']);
  });

  it('a thrown value that is not an Error keeps the general conversion', async () => {
    const result = await run(single({ Type: 'Task', Resource: INVOKE, End: true }), {}, { handlers: { S: () => { throw 'boom'; } } });
    expect([result.error, result.cause]).toEqual(['Error', 'boom']);
  });
});
