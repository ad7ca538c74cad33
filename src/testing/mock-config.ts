/**
 * Step Functions Local's mock configuration file (MockConfigFile.json), read as Step Functions
 * Local reads it: https://docs.aws.amazon.com/step-functions/latest/dg/sfn-local-mock-cfg-file.html
 *
 *   StateMachines.<machine>.TestCases.<test case>.<state name> = <mocked response name>
 *   MockedResponses.<name>.<"0" | "1-2"> = { Return: <result> } | { Throw: { Error, Cause } }
 *
 * Every problem is found when the file is loaded and named by file, JSON pointer and
 * line:column; `handlers(machine, testCase)` gives the handlers of one test case, each a
 * mockTask answering invocation N with the response whose key covers N.
 */
import { joinPointer } from '../definition/diagnostic.js';
import { parseJsonText } from '../definition/document.js';
import type { ParsedText } from '../definition/document.js';
import { valueOffsetOf } from '../definition/source-map.js';
import { suggestName } from '../definition/schema/suggest.js';
import { isLambdaInvoke, lambdaResult, type LambdaInvokeResponse } from '../interpreter/integrations/lambda.js';
import { mockSequence, type MockedTask, type MockResponse } from './mocks.js';
import { readTextFile } from './read-file.js';
import { isObject } from '../definition/walk.js';

/** A problem in a mock configuration file. */
export class MockConfigError extends Error {
  override readonly name = 'MockConfigError';

  constructor(
    readonly file: string,
    readonly pointer: string,
    readonly problem: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(`${file}${line !== undefined ? `:${line}:${column ?? 1}` : ''}: ${pointer || '/'}: ${problem}`);
  }
}

export interface LoadMockConfigOptions {
  /** The name errors give the file (default: the path, or `MockConfigFile.json` for text and objects). */
  file?: string;
  /** Reads a path (default: node:fs, UTF-8). */
  readFile?: (path: string) => string;
}

/** One mocked response's invocations: `[from, to]` inclusive -> response. */
interface ResponseRange {
  from: number;
  to: number;
  response: MockResponse;
}

export interface MockConfig {
  /** The state machines of the file, in file order. */
  readonly stateMachines: readonly string[];
  /** The test cases of one state machine, in file order. */
  testCases(stateMachineName: string): string[];
  /**
   * The handlers of one test case, by state name, for
   * `createStateMachine(definition, { handlers, clock: 'simulated' })`. Each is a MockedTask
   * (its `calls` record what it was given). States the test case does not mock get no handler.
   */
  handlers(stateMachineName: string, testCaseName: string): Record<string, MockedTask>;
}

const TOP_LEVEL = ['StateMachines', 'MockedResponses'];
const RANGE_KEY = /^(0|[1-9]\d*)(?:-(0|[1-9]\d*))?$/;

function kindOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

class Reader {
  constructor(private readonly file: string, private readonly parsed: ParsedText | undefined) {}

  fail(pointer: string, problem: string): never {
    const packed = this.parsed?.positions().get(pointer);
    const position = packed !== undefined ? this.parsed?.lines.position(valueOffsetOf(packed)) : undefined;
    throw new MockConfigError(this.file, pointer, problem, position?.line, position?.column);
  }

  object(value: unknown, pointer: string, what: string): Record<string, unknown> {
    if (!isObject(value)) this.fail(pointer, `${what} must be an object, not ${kindOf(value)}.`);
    return value;
  }

  onlyKeys(value: Record<string, unknown>, pointer: string, allowed: readonly string[], what: string): void {
    for (const key of Object.keys(value)) {
      if (allowed.includes(key)) continue;
      const suggestion = suggestName(key, allowed);
      this.fail(joinPointer(pointer, key), `'${key}' is not a field of ${what}${suggestion !== undefined ? `; did you mean '${suggestion}'?` : ` (fields: ${allowed.join(', ')}).`}`);
    }
  }
}

function unknownName(kind: string, name: string, known: readonly string[], where = ''): string {
  const suggestion = suggestName(name, known);
  const list = known.length > 0 ? ` (${kind}s: ${known.map((k) => `'${k}'`).join(', ')})` : '';
  return `There is no ${kind} '${name}'${where}${suggestion !== undefined ? `; did you mean '${suggestion}'?` : '.'}${list}`;
}

function readResponse(reader: Reader, value: unknown, pointer: string): MockResponse {
  const entry = reader.object(value, pointer, 'A mocked response');
  const keys = Object.keys(entry);
  if (keys.length !== 1 || (keys[0] !== 'Return' && keys[0] !== 'Throw')) {
    if (keys.length === 1) reader.onlyKeys(entry, pointer, ['Return', 'Throw'], 'a mocked response');
    reader.fail(pointer, `A mocked response has exactly one of 'Return' and 'Throw'${keys.length > 1 ? `, not ${keys.map((k) => `'${k}'`).join(' and ')}` : ''}.`);
  }
  if (keys[0] === 'Return') return { return: entry['Return'] };
  const at = joinPointer(pointer, 'Throw');
  const thrown = reader.object(entry['Throw'], at, "'Throw'");
  reader.onlyKeys(thrown, at, ['Error', 'Cause'], "'Throw'");
  if (typeof thrown['Error'] !== 'string') reader.fail(joinPointer(at, 'Error'), `'Throw' needs an 'Error' string${thrown['Error'] === undefined ? '' : `, not ${kindOf(thrown['Error'])}`}.`);
  if (thrown['Cause'] !== undefined && typeof thrown['Cause'] !== 'string') reader.fail(joinPointer(at, 'Cause'), `'Cause' must be a string, not ${kindOf(thrown['Cause'])}.`);
  return { throw: { error: thrown['Error'], ...(typeof thrown['Cause'] === 'string' ? { cause: thrown['Cause'] } : {}) } };
}

/** The ranges of one mocked response, checked to cover 0..n without a gap or an overlap. */
function readRanges(reader: Reader, value: unknown, pointer: string, name: string): ResponseRange[] {
  const responses = reader.object(value, pointer, `The mocked response '${name}'`);
  const ranges: ResponseRange[] = [];
  for (const [key, entry] of Object.entries(responses)) {
    const at = joinPointer(pointer, key);
    const match = RANGE_KEY.exec(key);
    if (match === null) reader.fail(at, `'${key}' is not an invocation index: use "0", "1", … or a range such as "1-2".`);
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    if (to < from) reader.fail(at, `The range '${key}' ends before it starts.`);
    ranges.push({ from, to, response: readResponse(reader, entry, at) });
  }
  if (ranges.length === 0) reader.fail(pointer, `The mocked response '${name}' has no invocation: add "0": { "Return": … } or { "Throw": … }.`);
  ranges.sort((a, b) => a.from - b.from);
  let next = 0;
  for (const range of ranges) {
    const key = range.from === range.to ? `${range.from}` : `${range.from}-${range.to}`;
    if (range.from > next) {
      const missing = range.from - 1 === next ? `${next}` : `${next}-${range.from - 1}`;
      reader.fail(joinPointer(pointer, key), `The mocked response '${name}' has a gap: no response for invocation${range.from - 1 === next ? '' : 's'} ${missing} before '${key}'.`);
    }
    if (range.from < next) reader.fail(joinPointer(pointer, key), `The mocked response '${name}' gives invocation ${range.from} twice ('${key}' overlaps an earlier key).`);
    next = range.to + 1;
  }
  return ranges;
}

interface TestCase {
  /** state name -> mocked response name, in file order */
  states: [state: string, response: string][];
}

/**
 * Reads a Step Functions Local mock configuration: a path to the file, its JSON text, or the
 * parsed object. Throws a MockConfigError naming the file, JSON pointer and line:column.
 */
export function loadMockConfig(source: string | object, options: LoadMockConfigOptions = {}): MockConfig {
  let file = options.file ?? 'MockConfigFile.json';
  let parsed: ParsedText | undefined;
  let value: unknown = source;
  if (typeof source === 'string') {
    let text = source;
    if (!source.trimStart().startsWith('{')) {
      file = options.file ?? source;
      try {
        text = (options.readFile ?? readTextFile)(source);
      } catch (error) {
        throw new MockConfigError(file, '', `The mock configuration file cannot be read: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    parsed = parseJsonText(text);
    const problem = parsed.findings.find((f) => f.severity === 'error');
    if (problem !== undefined || !parsed.ok) {
      const position = problem !== undefined ? parsed.lines.position(problem.offset) : undefined;
      throw new MockConfigError(file, problem?.pointer ?? '', `The file is not valid JSON: ${problem?.message ?? 'unreadable'}${problem?.detail ? `: ${problem.detail}` : ''}`, position?.line, position?.column);
    }
    value = parsed.value;
  }
  const reader: Reader = new Reader(file, parsed);
  const root = reader.object(value, '', 'A mock configuration');
  reader.onlyKeys(root, '', TOP_LEVEL, 'a mock configuration');
  const machines = reader.object(root['StateMachines'] ?? {}, '/StateMachines', "'StateMachines'");
  const mockedResponses = reader.object(root['MockedResponses'] ?? {}, '/MockedResponses', "'MockedResponses'");

  const responses = new Map<string, { pointer: string; ranges: ResponseRange[] }>();
  for (const [name, entry] of Object.entries(mockedResponses)) {
    const pointer = joinPointer('/MockedResponses', name);
    responses.set(name, { pointer, ranges: readRanges(reader, entry, pointer, name) });
  }

  const cases = new Map<string, Map<string, TestCase>>();
  for (const [machine, entry] of Object.entries(machines)) {
    const pointer = joinPointer('/StateMachines', machine);
    const machineObject = reader.object(entry, pointer, `The state machine '${machine}'`);
    reader.onlyKeys(machineObject, pointer, ['TestCases'], `the state machine '${machine}'`);
    const testCases = reader.object(machineObject['TestCases'] ?? {}, joinPointer(pointer, 'TestCases'), "'TestCases'");
    const byName = new Map<string, TestCase>();
    for (const [testCase, states] of Object.entries(testCases)) {
      const at = joinPointer(pointer, 'TestCases', testCase);
      const mapping = reader.object(states, at, `The test case '${testCase}'`);
      const entries: [string, string][] = [];
      for (const [state, response] of Object.entries(mapping)) {
        const stateAt = joinPointer(at, state);
        if (typeof response !== 'string') reader.fail(stateAt, `The state '${state}' must name a mocked response (a string), not ${kindOf(response)}.`);
        if (!responses.has(response)) reader.fail(stateAt, unknownName('mocked response', response, [...responses.keys()]));
        entries.push([state, response]);
      }
      byName.set(testCase, { states: entries });
    }
    cases.set(machine, byName);
  }

  const machineNames = [...cases.keys()];
  const testCaseOf = (machine: string, testCase?: string): Map<string, TestCase> | TestCase => {
    const byName = cases.get(machine);
    if (byName === undefined) throw new MockConfigError(file, '/StateMachines', unknownName('state machine', machine, machineNames));
    if (testCase === undefined) return byName;
    const found = byName.get(testCase);
    if (found === undefined) {
      throw new MockConfigError(file, joinPointer('/StateMachines', machine, 'TestCases'), unknownName('test case', testCase, [...byName.keys()], ` for the state machine '${machine}'`));
    }
    return found;
  };

  return {
    stateMachines: machineNames,
    testCases(stateMachineName) {
      return [...(testCaseOf(stateMachineName) as Map<string, TestCase>).keys()];
    },
    handlers(stateMachineName, testCaseName) {
      const testCase = testCaseOf(stateMachineName, testCaseName) as TestCase;
      const handlers: Record<string, MockedTask> = {};
      for (const [state, responseName] of testCase.states) {
        const { pointer, ranges } = responses.get(responseName)!;
        const sequence = ranges.map((range) => ({ ...range.response, times: range.to - range.from + 1 }) as MockResponse);
        const last = ranges.at(-1)!.to;
        handlers[state] = mockSequence(sequence, {
          exhausted: (context, invocation) =>
            `${file}: ${pointer}: the state '${context.stateName}' of the test case '${testCaseName}' was invoked a further time (invocation ${invocation}), but the mocked response '${responseName}' covers invocations 0-${last} only.`,
          // A Return for lambda:invoke is the whole Invoke response ({ StatusCode, Payload }), as
          // Step Functions Local takes it, not a payload for the engine to wrap again.
          returned: (value, context) => (isLambdaInvoke(context.resource) ? lambdaResult(value as LambdaInvokeResponse) : value),
        });
      }
      return handlers;
    },
  };
}
