import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMockConfig, MockConfigError } from '../../src/index.js';

const config = {
  StateMachines: {
    Orders: {
      TestCases: {
        HappyPath: { Charge: 'ChargeOk' },
        RetryPath: { Charge: 'ChargeRetry', Notify: 'NotifyOk' },
      },
    },
  },
  MockedResponses: {
    ChargeOk: { '0': { Return: { StatusCode: 200, Payload: { charged: true } } } },
    ChargeRetry: {
      '0': { Throw: { Error: 'Lambda.ServiceException', Cause: 'down' } },
      '1-2': { Throw: { Error: 'Lambda.TooManyRequestsException' } },
      '3': { Return: { StatusCode: 200, Payload: { charged: true } } },
    },
    NotifyOk: { '0': { Return: { MessageId: 'm-1' } } },
  },
};

function problem(load: () => unknown): Pick<MockConfigError, 'file' | 'pointer' | 'problem' | 'line' | 'column'> {
  try {
    load();
  } catch (error) {
    if (!(error instanceof MockConfigError)) throw error;
    return { file: error.file, pointer: error.pointer, problem: error.problem, line: error.line, column: error.column };
  }
  throw new Error('loaded without an error');
}

describe('loadMockConfig', () => {
  it('lists the state machines and test cases', () => {
    const loaded = loadMockConfig(config);
    expect(loaded.stateMachines).toEqual(['Orders']);
    expect(loaded.testCases('Orders')).toEqual(['HappyPath', 'RetryPath']);
    expect(Object.keys(loaded.handlers('Orders', 'RetryPath'))).toEqual(['Charge', 'Notify']);
  });

  it('expands ranges into one response per invocation', () => {
    const charge = loadMockConfig(config).handlers('Orders', 'RetryPath')['Charge']!;
    expect(charge.responses).toEqual([
      { throw: { error: 'Lambda.ServiceException', cause: 'down' } },
      { throw: { error: 'Lambda.TooManyRequestsException' } },
      { throw: { error: 'Lambda.TooManyRequestsException' } },
      { return: { StatusCode: 200, Payload: { charged: true } } },
    ]);
  });

  it('reads JSON text and a path alike', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aslkit-mock-'));
    const path = join(dir, 'MockConfigFile.json');
    writeFileSync(path, JSON.stringify(config, null, 2));
    expect(loadMockConfig(path).testCases('Orders')).toEqual(['HappyPath', 'RetryPath']);
    expect(loadMockConfig(JSON.stringify(config)).testCases('Orders')).toEqual(['HappyPath', 'RetryPath']);
    expect(problem(() => loadMockConfig(join(dir, 'missing.json')))).toMatchObject({
      file: join(dir, 'missing.json'), pointer: '', problem: expect.stringMatching(/^The mock configuration file cannot be read: ENOENT/),
    });
  });

  it('names the file and the line of malformed JSON', () => {
    expect(problem(() => loadMockConfig('{\n  "StateMachines": {,\n}', { file: 'mocks.json' }))).toMatchObject({
      file: 'mocks.json', line: 2, problem: expect.stringMatching(/^The file is not valid JSON/),
    });
  });

  it('reports a duplicate key, which JSON.parse would hide', () => {
    expect(problem(() => loadMockConfig('{"MockedResponses": {"A": {"0": {"Return": 1}}, "A": {"0": {"Return": 2}}}}'))).toMatchObject({
      pointer: '/MockedResponses/A', problem: expect.stringContaining("Duplicate key 'A'"),
    });
  });

  // One row per problem: the config, the pointer named, the problem's words.
  it.each([
    ['an unknown top-level field', { StateMachines: {}, MockedResponse: {} }, '/MockedResponse', "'MockedResponse' is not a field of a mock configuration; did you mean 'MockedResponses'?"],
    ['StateMachines not an object', { StateMachines: [] }, '/StateMachines', "'StateMachines' must be an object, not an array."],
    ['a test case naming no mocked response', { StateMachines: { M: { TestCases: { T: { S: 'Missing' } } } }, MockedResponses: { Mising: { '0': { Return: 1 } } } },
      '/StateMachines/M/TestCases/T/S', "There is no mocked response 'Missing'; did you mean 'Mising'? (mocked responses: 'Mising')"],
    ['a state mapped to a non-string', { StateMachines: { M: { TestCases: { T: { S: 1 } } } } }, '/StateMachines/M/TestCases/T/S', "The state 'S' must name a mocked response (a string), not a number."],
    ['a gap between ranges', { MockedResponses: { R: { '0': { Return: 1 }, '2-3': { Return: 2 } } } }, '/MockedResponses/R/2-3', "The mocked response 'R' has a gap: no response for invocation 1 before '2-3'."],
    ['not starting at 0', { MockedResponses: { R: { '2': { Return: 1 } } } }, '/MockedResponses/R/2', "The mocked response 'R' has a gap: no response for invocations 0-1 before '2'."],
    ['overlapping ranges', { MockedResponses: { R: { '0-2': { Return: 1 }, '1': { Return: 2 } } } }, '/MockedResponses/R/1', "The mocked response 'R' gives invocation 1 twice ('1' overlaps an earlier key)."],
    ['a key that is not an index', { MockedResponses: { R: { first: { Return: 1 } } } }, '/MockedResponses/R/first', "'first' is not an invocation index: use \"0\", \"1\", … or a range such as \"1-2\"."],
    ['a backward range', { MockedResponses: { R: { '3-1': { Return: 1 } } } }, '/MockedResponses/R/3-1', "The range '3-1' ends before it starts."],
    ['both Return and Throw', { MockedResponses: { R: { '0': { Return: 1, Throw: { Error: 'E' } } } } }, '/MockedResponses/R/0', "A mocked response has exactly one of 'Return' and 'Throw', not 'Return' and 'Throw'."],
    ['a misspelt Return', { MockedResponses: { R: { '0': { Returns: 1 } } } }, '/MockedResponses/R/0/Returns', "'Returns' is not a field of a mocked response; did you mean 'Return'?"],
    ['Throw without Error', { MockedResponses: { R: { '0': { Throw: { Cause: 'c' } } } } }, '/MockedResponses/R/0/Throw/Error', "'Throw' needs an 'Error' string."],
    ['a Cause that is not a string', { MockedResponses: { R: { '0': { Throw: { Error: 'E', Cause: { a: 1 } } } } } }, '/MockedResponses/R/0/Throw/Cause', "'Cause' must be a string, not an object."],
    ['an empty mocked response', { MockedResponses: { R: {} } }, '/MockedResponses/R', "The mocked response 'R' has no invocation: add \"0\": { \"Return\": … } or { \"Throw\": … }."],
  ])('reports %s', (_name, source, pointer, words) => {
    expect(problem(() => loadMockConfig(source))).toEqual({ file: 'MockConfigFile.json', pointer, problem: words, line: undefined, column: undefined });
  });

  it('places a problem in text at its line and column, with the file in the message', () => {
    const text = '{\n  "MockedResponses": {\n    "R": {\n      "0": { "Return": 1 },\n      "2": { "Return": 2 }\n    }\n  }\n}';
    let error: unknown;
    try {
      loadMockConfig(text, { file: 'test/MockConfigFile.json' });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(MockConfigError);
    expect((error as Error).message).toBe("test/MockConfigFile.json:5:12: /MockedResponses/R/2: The mocked response 'R' has a gap: no response for invocation 1 before '2'.");
  });

  it('names the known state machines and test cases when asked for another', () => {
    const loaded = loadMockConfig(config);
    expect(problem(() => loaded.handlers('Order', 'HappyPath'))).toMatchObject({
      pointer: '/StateMachines', problem: "There is no state machine 'Order'; did you mean 'Orders'? (state machines: 'Orders')",
    });
    expect(problem(() => loaded.handlers('Orders', 'SadPath'))).toMatchObject({
      pointer: '/StateMachines/Orders/TestCases',
      problem: "There is no test case 'SadPath' for the state machine 'Orders'. (test cases: 'HappyPath', 'RetryPath')",
    });
  });
});
