import { describe, expect, it } from 'vitest';
import { StatesError, lambdaResult, testState } from '../../../src/index.js';

const lambdaTask = JSON.stringify({
  Type: 'Task',
  QueryLanguage: 'JSONata',
  Resource: 'arn:aws:states:::lambda:invoke',
  Arguments: { FunctionName: 'f', Payload: '{% $states.input %}' },
  Output: '{% $states.result.Payload %}',
  End: true,
});
const request = { definition: lambdaTask, input: '{"n":1}', roleArn: 'arn:aws:iam::123456789012:role/r', inspectionLevel: 'DEBUG' as const };

// testState's handlers answer as createStateMachine's do, so one handler map serves both.
describe('testState lambda:invoke handlers', () => {
  it('wraps a returned payload in the Invoke response', async () => {
    const response = await testState(request, { handlers: { '*': (input) => ({ got: input }) } });
    expect(response.status).toBe('SUCCEEDED');
    expect(JSON.parse(response.output!)).toEqual({ got: { FunctionName: 'f', Payload: { n: 1 } } });
    expect(JSON.parse(response.inspectionData!.result!)).toMatchObject({ StatusCode: 200, ExecutedVersion: '$LATEST', Payload: { got: { FunctionName: 'f', Payload: { n: 1 } } } });
  });

  it('takes a whole response given with lambdaResult', async () => {
    const response = await testState(request, { handlers: { '*': () => lambdaResult({ StatusCode: 200, Payload: 7 }) } });
    expect(JSON.parse(response.output!)).toBe(7);
  });

  it('reports a thrown Error as Lambda does and a StatesError by name', async () => {
    const thrown = await testState(request, { handlers: { '*': () => { throw new TypeError('bad'); } } });
    expect(thrown.status).toBe('FAILED');
    expect(thrown.error).toBe('TypeError');
    expect(JSON.parse(thrown.cause!)).toMatchObject({ errorType: 'TypeError', errorMessage: 'bad' });
    const named = await testState(request, { handlers: { '*': () => { throw new StatesError('Lambda.ServiceException', 'down'); } } });
    expect([named.error, named.cause]).toEqual(['Lambda.ServiceException', 'down']);
  });
});
