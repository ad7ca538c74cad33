import { describe, expect, it } from 'vitest';
import { testState } from '../../../src/index.js';
import type { TestStateInput, TestStateOutput } from '../../../src/index.js';

const ROLE = 'arn:aws:iam::111111111111:role/TestState';
const FIXED = { now: () => Date.UTC(2025, 0, 15, 10, 30), random: () => 0.5 };

const RETRYING_TASK = {
  QueryLanguage: 'JSONata',
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke',
  Arguments: { FunctionName: 'foo', Payload: '{% $states.input.n %}' },
  Retry: [{ ErrorEquals: ['Throttled'], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 3 }],
  Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Recover' }],
  End: true,
};

const throttled = (retrierRetryCount: number): TestStateInput => ({
  definition: JSON.stringify(RETRYING_TASK),
  input: '{"n": 7}',
  inspectionLevel: 'DEBUG',
  mock: { errorOutput: { error: 'Throttled', cause: 'slow down' } },
  stateConfiguration: { retrierRetryCount },
});

describe('testState: status, output and inspection data', () => {
  it.each<[string, TestStateInput, TestStateOutput]>([
    [
      'a Pass at INFO has no inspection data',
      { definition: '{"Type":"Pass","Result":{"a":1},"ResultPath":"$.r","End":true}', input: '{"x":0}' },
      { output: '{"x":0,"r":{"a":1}}', status: 'SUCCEEDED' },
    ],
    [
      'a JSONPath Pass at DEBUG records each step as JSON text',
      { definition: { Type: 'Pass', InputPath: '$.in', Parameters: { 'v.$': '$.v' }, Next: 'Then' }, input: { in: { v: 2 } }, inspectionLevel: 'DEBUG' },
      {
        output: '{"v":2}',
        nextState: 'Then',
        status: 'SUCCEEDED',
        inspectionData: {
          input: '{"in":{"v":2}}',
          afterInputPath: '{"v":2}',
          afterParameters: '{"v":2}',
          afterResultSelector: '{"v":2}',
          afterResultPath: '{"v":2}',
        },
      },
    ],
    [
      'a JSONPath Choice takes the first matching rule',
      {
        definition: { Type: 'Choice', Choices: [{ Variable: '$.n', NumericGreaterThan: 10, Next: 'Big' }], Default: 'Small' },
        input: '{"n": 11}',
      },
      { output: '{"n":11}', nextState: 'Big', status: 'SUCCEEDED' },
    ],
    [
      'a state of a whole machine, named by stateName',
      {
        definition: {
          QueryLanguage: 'JSONata',
          StartAt: 'A',
          States: { A: { Type: 'Pass', Output: '{% $states.input.n + 1 %}', Next: 'B' }, B: { Type: 'Succeed' } },
        },
        stateName: 'A',
        input: '{"n": 1}',
      },
      { output: '2', nextState: 'B', status: 'SUCCEEDED' },
    ],
    [
      'a Fail state fails with its error and cause',
      { definition: { Type: 'Fail', Error: 'Boom', Cause: 'because' } },
      { error: 'Boom', cause: 'because', status: 'FAILED' },
    ],
    [
      'a mocked Task result goes through ResultSelector and ResultPath',
      {
        definition: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', ResultSelector: { 'p.$': '$.Payload' }, ResultPath: '$.out', End: true },
        input: '{"k":1}',
        mock: { result: '{"Payload":{"ok":true},"StatusCode":200}' },
      },
      { output: '{"k":1,"out":{"p":{"ok":true}}}', status: 'SUCCEEDED' },
    ],
    [
      'variables are read by JSONata and shown at TRACE',
      {
        definition: { Type: 'Pass', QueryLanguage: 'JSONata', Output: '{% $greeting & " " & $states.input.name %}', End: true },
        input: '{"name":"Ada"}',
        variables: '{"greeting":"hello"}',
        inspectionLevel: 'TRACE',
      },
      { output: '"hello Ada"', status: 'SUCCEEDED', inspectionData: { input: '{"name":"Ada"}', variables: '{"greeting":"hello"}' } },
    ],
    [
      'the context object is the one the request gives',
      {
        definition: { Type: 'Pass', Parameters: { 'name.$': '$$.Execution.Name' }, End: true },
        context: { Execution: { Name: 'run-1' } },
      },
      { output: '{"name":"run-1"}', status: 'SUCCEEDED' },
    ],
    [
      'a Parallel answers with its mock, one entry per branch',
      {
        definition: {
          Type: 'Parallel',
          ResultPath: '$.branches',
          Branches: [{ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }, { StartAt: 'B', States: { B: { Type: 'Pass', End: true } } }],
          End: true,
        },
        input: '{}',
        mock: { result: '[1, 2]' },
      },
      { output: '{"branches":[1,2]}', status: 'SUCCEEDED' },
    ],
  ])('%s', async (_, request, expected) => {
    expect(await testState(request, FIXED)).toEqual(expected);
  });
});

describe('testState: retrierRetryCount decides RETRIABLE, CAUGHT_ERROR or FAILED', () => {
  it.each<[number, TestStateOutput]>([
    [0, { error: 'Throttled', cause: 'slow down', status: 'RETRIABLE', inspectionData: { input: '{"n":7}', afterArguments: '{"FunctionName":"foo","Payload":7}', errorDetails: { retryIndex: 0, retryBackoffIntervalSeconds: 2 } } }],
    [2, { error: 'Throttled', cause: 'slow down', status: 'RETRIABLE', inspectionData: { input: '{"n":7}', afterArguments: '{"FunctionName":"foo","Payload":7}', errorDetails: { retryIndex: 0, retryBackoffIntervalSeconds: 18 } } }],
    [3, {
      error: 'Throttled',
      cause: 'slow down',
      status: 'CAUGHT_ERROR',
      nextState: 'Recover',
      output: '{"Error":"Throttled","Cause":"slow down"}',
      inspectionData: { input: '{"n":7}', afterArguments: '{"FunctionName":"foo","Payload":7}', errorDetails: { retryIndex: 0, catchIndex: 0 } },
    }],
  ])('after %i retries', async (count, expected) => {
    expect(await testState(throttled(count), FIXED)).toEqual(expected);
  });

  it('FAILED when neither a retrier nor a catcher matches', async () => {
    const request: TestStateInput = {
      definition: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Retry: [{ ErrorEquals: ['Other'] }], End: true },
      mock: { errorOutput: { error: 'Boom', cause: 'c' } },
    };
    expect(await testState(request)).toEqual({ error: 'Boom', cause: 'c', status: 'FAILED' });
  });
});

describe('testState: Map through its mock and mapIterationFailureCount', () => {
  const map = {
    Type: 'Map',
    ItemsPath: '$.items',
    ToleratedFailureCount: 1,
    ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
    Catch: [{ ErrorEquals: ['States.ExceedToleratedFailureThreshold'], Next: 'TooMany' }],
    End: true,
  };
  it.each<[number, TestStateOutput]>([
    [1, {
      output: '["a","b","c"]',
      status: 'SUCCEEDED',
      inspectionData: { input: '{"items":[1,2,3]}', afterInputPath: '{"items":[1,2,3]}', afterItemsPath: '[1,2,3]', maxConcurrency: 0, toleratedFailureCount: 1, afterResultSelector: '["a","b","c"]', afterResultPath: '["a","b","c"]' },
    }],
    [2, {
      error: 'States.ExceedToleratedFailureThreshold',
      cause: 'The specified tolerated failure threshold was exceeded',
      output: '{"Error":"States.ExceedToleratedFailureThreshold","Cause":"The specified tolerated failure threshold was exceeded"}',
      nextState: 'TooMany',
      status: 'CAUGHT_ERROR',
      inspectionData: { input: '{"items":[1,2,3]}', afterInputPath: '{"items":[1,2,3]}', afterItemsPath: '[1,2,3]', maxConcurrency: 0, toleratedFailureCount: 1, errorDetails: { catchIndex: 0 } },
    }],
  ])('%i failed iterations', async (mapIterationFailureCount, expected) => {
    const response = await testState({
      definition: map,
      input: { items: [1, 2, 3] },
      inspectionLevel: 'DEBUG',
      mock: { result: ['a', 'b', 'c'] },
      stateConfiguration: { mapIterationFailureCount },
    });
    expect(response).toEqual(expected);
  });
});

describe('testState: Map item inputs in the inspection data', () => {
  it('records ItemSelector per item and ItemBatcher batches', async () => {
    const response = await testState({
      definition: {
        Type: 'Map',
        ItemSelector: { 'value.$': '$$.Map.Item.Value', 'index.$': '$$.Map.Item.Index' },
        ItemBatcher: { MaxItemsPerBatch: 2, BatchInput: { 'run.$': '$.run' } },
        ItemsPath: '$.items',
        ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
        End: true,
      },
      input: { run: 'r1', items: ['a', 'b', 'c'] },
      inspectionLevel: 'DEBUG',
      mock: { result: '[]' },
    });
    expect([response.inspectionData?.afterItemSelector, response.inspectionData?.afterItemBatcher]).toEqual([
      '[{"value":"a","index":0},{"value":"b","index":1},{"value":"c","index":2}]',
      '[{"run":"r1","Items":[{"value":"a","index":0},{"value":"b","index":1}]},{"run":"r1","Items":[{"value":"c","index":2}]}]',
    ]);
  });
});

describe('testState: an HTTP Task at TRACE', () => {
  it('shows the request from its arguments and the response from its result', async () => {
    const response = await testState({
      definition: {
        Type: 'Task',
        QueryLanguage: 'JSONata',
        Resource: 'arn:aws:states:::http:invoke',
        Arguments: { ApiEndpoint: 'https://api.example.com/orders', Method: 'POST', QueryParameters: { page: 2 }, RequestBody: { id: 1 } },
        End: true,
      },
      inspectionLevel: 'TRACE',
      mock: { result: '{"StatusCode": 201, "StatusText": "Created", "Headers": {"x": ["y"]}, "ResponseBody": {"ok": true}}', fieldValidationMode: 'NONE' },
    });
    expect([response.inspectionData?.request, response.inspectionData?.response]).toEqual([
      { protocol: 'https', method: 'POST', url: 'https://api.example.com/orders?page=2', body: '{"id":1}' },
      { protocol: 'https', statusCode: '201', statusMessage: 'Created', headers: '{"x":["y"]}', body: '{"ok":true}' },
    ]);
  });
});

describe('testState: a Task without a mock runs the handler given', () => {
  it('passes the effective input and the attempt, and uses the result', async () => {
    const calls: unknown[] = [];
    const response = await testState(
      { definition: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:111111111111:function:f', Parameters: { 'id.$': '$.id' }, End: true }, input: '{"id":5}', roleArn: ROLE },
      { handlers: { StateName: (input, context) => (calls.push([input, context.attempt, context.stateName]), { done: true }) } },
    );
    expect([response, calls]).toEqual([{ output: '{"done":true}', status: 'SUCCEEDED' }, [[{ id: 5 }, 0, 'StateName']]]);
  });

  it('a handler that throws fails the attempt like a mocked error', async () => {
    const boom = Object.assign(new Error('no stock'), { name: 'OutOfStock' });
    const response = await testState(
      { definition: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', End: true }, roleArn: ROLE },
      { handlers: { 'arn:aws:states:::sqs:sendMessage': () => { throw boom; } } },
    );
    expect(response).toEqual({ error: 'OutOfStock', cause: 'no stock', status: 'FAILED' });
  });

  it('an error a handler throws is the task failing, whatever its name', async () => {
    const thrown = Object.assign(new Error('bad request'), { name: 'ValidationException' });
    const response = await testState(
      { definition: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', End: true }, roleArn: ROLE },
      { handlers: { '*': () => { throw thrown; } } },
    );
    expect(response).toEqual({ error: 'ValidationException', cause: 'bad request', status: 'FAILED' });
  });

  it('rejects, naming the option, when there is no handler', async () => {
    await expect(testState({ definition: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', End: true }, roleArn: ROLE })).rejects.toMatchObject({
      name: 'MissingTaskHandler',
      message: expect.stringContaining('handlers') as unknown,
    });
  });
});

describe('testState: refused requests carry AWS exception names and messages', () => {
  const lambda = { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true };
  const map = { Type: 'Map', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true };
  it.each<[string, TestStateInput, string, string]>([
    ['mock on a Pass', { definition: { Type: 'Pass', End: true }, mock: { result: '{}' } }, 'ValidationException', "State type 'Pass' is not supported when a mock is specified"],
    ['both mock fields', { definition: lambda, mock: { result: '{}', errorOutput: { error: 'E' } } }, 'ValidationException', 'A test mock should have only one of the following fields: [result, errorOutput].'],
    ['revealSecrets with a mock', { definition: lambda, revealSecrets: true, mock: { result: '{}' } }, 'ValidationException', 'TestState does not support RevealSecrets when a mock is specified.'],
    ['a mock result that is not JSON', { definition: lambda, mock: { result: '{nope' } }, 'ValidationException', 'Mocked result must be valid JSON'],
    ['a Map without a mock', { definition: map }, 'InvalidDefinition', 'TestState API does not support Map or Parallel states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]'],
    ['a Map mock that is not an array', { definition: map, mock: { result: '{}' } }, 'ValidationException', 'Mocked result must be an array.'],
    ['mapIterationFailureCount without a mock', { definition: map, stateConfiguration: { mapIterationFailureCount: 1 } }, 'ValidationException', 'TestState does not support MapIterationFailureCount when a mock is not specified.'],
    ['more failed iterations than items', { definition: map, input: '[1]', mock: { result: '[1]' }, stateConfiguration: { mapIterationFailureCount: 2 } }, 'ValidationException', 'Map iteration failure count must be less than or equal to the number of Map iterations'],
    ['a Task without a mock or a role', { definition: lambda }, 'ValidationException', 'RoleArn must be specified when testing a Task state'],
    ['a stateName the machine lacks', { definition: { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }, stateName: 'B' }, 'ValidationException', 'State not found in definition'],
    ['a state of an unknown type', { definition: { Type: 'Nope', End: true } }, 'InvalidDefinition', "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: The field 'Type' should have one of these values: [Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map] at /States/StateName/Type'"],
    ['a context object with a field AWS does not have', { definition: { Type: 'Pass', End: true }, context: { Pokedex: {} } }, 'ValidationException', "Invalid Context object provided: Field 'Pokedex' is not allowed"],
    ['a context object with a Map item', { definition: { Type: 'Pass', End: true }, context: { Map: { Item: {} } } }, 'ValidationException', "Invalid Context object provided: 'Map' field is not supported when mocking a Context object"],
    ['a context Execution.Id that is not text', { definition: { Type: 'Pass', End: true }, context: { Execution: { Id: 1 } } }, 'ValidationException', 'Invalid Context object provided: Execution.Id must be a string'],
    ['a context Task token outside a callback Task', { definition: lambda, mock: { result: '{}' }, context: { Task: { Token: 't' } } }, 'ValidationException', "Invalid Context object provided: Context object contains 'Task' when state is not a Task state with a '.sync' or '.waitForTaskToken' service integration pattern"],
    ['a mock that breaks the API shape', { definition: { Type: 'Task', Resource: 'arn:aws:states:::events:putEvents', End: true }, mock: { result: '{"Entries":{}}' } }, 'ValidationException', "Mock result schema validation error: Field 'Entries' must be an array"],
  ])('%s', async (_, request, name, message) => {
    await expect(testState(request)).rejects.toMatchObject({ name, message });
  });

  it('a definition AWS would refuse is InvalidDefinition', async () => {
    const rejection = testState({ definition: { Type: 'Parallel', Branches: [], End: true }, mock: { result: '[]' } });
    await expect(rejection).rejects.toMatchObject({ name: 'InvalidDefinition', message: expect.stringContaining('/States/StateName/Branches') as unknown });
  });
});
