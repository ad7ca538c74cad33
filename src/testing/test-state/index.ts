/**
 * testState(): AWS Step Functions' TestState API, in process
 * (https://docs.aws.amazon.com/step-functions/latest/apireference/API_TestState.html).
 * The request and response are AWS's, so a test written against one runs against the other.
 */
import { mockResultProblem } from './mock-validation.js';
import { awsException, parseRequest } from './request.js';
import type { ParsedRequest } from './request.js';
import { runState } from './run.js';
import type { TestStateInput, TestStateOptions, TestStateOutput } from './types.js';

export type * from './types.js';

/** The checks AWS makes on a mocked result before it runs the state. */
function checkMockResult(request: ParsedRequest): void {
  const { mock, state } = request;
  if (mock?.kind !== 'result') return;
  const value = mock.value;
  if (state.Type === 'Map') {
    if (state.ResultWriter !== undefined) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw awsException('ValidationException', 'Mocked result must be a JSON object.');
      }
    } else if (!Array.isArray(value)) {
      throw awsException('ValidationException', 'Mocked result must be an array.');
    }
  } else if (state.Type === 'Parallel') {
    if (!Array.isArray(value)) throw awsException('ValidationException', 'Mocked result must be an array.');
    if (value.length !== state.Branches.length) {
      throw awsException('ValidationException', 'Mocked result must contain the same number of items as number of Parallel branches.');
    }
  } else if (state.Type === 'Task') {
    const problem = mockResultProblem(state.Resource, value, mock.mode);
    if (problem !== undefined) throw awsException('ValidationException', problem);
  }
}

/**
 * Runs one state as TestState does and resolves to TestState's response; rejects, as AWS
 * refuses, with an Error named ValidationException or InvalidDefinition and AWS's message.
 * A Task with no mock is answered by `options.handlers`; without one testState rejects with a
 * MissingTaskHandler error, since AWS would call the real service.
 */
export async function testState(request: TestStateInput, options: TestStateOptions = {}): Promise<TestStateOutput> {
  const parsed = parseRequest(request);
  checkMockResult(parsed);
  return runState(parsed, options);
}
