/**
 * Reading a TestState request: JSON text fields parsed, the state to test found, and the checks
 * AWS makes before it runs anything, with AWS's exception names and messages.
 */
import type { Diagnostic } from '../../definition/diagnostic.js';
import type { QueryLanguage, State } from '../../definition/types.js';
import { lint } from '../../lint/index.js';
import type { MockResponseValidationMode, TestStateInput } from './types.js';
import { isObject } from '../../definition/walk.js';

/**
 * A request testState refuses instead of running it; `name` says why: AWS's exception name, or
 * MissingTaskHandler. A class of its own, so that an error a handler throws is never taken for one.
 */
export class Refusal extends Error {
  constructor(name: 'ValidationException' | 'InvalidDefinition' | 'MissingTaskHandler', message: string) {
    super(message);
    this.name = name;
  }
}

/** A request AWS refuses, with AWS's exception name and message. */
export function awsException(name: 'ValidationException' | 'InvalidDefinition', message: string): Refusal {
  return new Refusal(name, message);
}

/** The name AWS gives the state when the definition is one state, not a machine. */
export const SINGLE_STATE_NAME = 'StateName';

export type Mock =
  | { kind: 'result'; value: unknown; mode: MockResponseValidationMode }
  | { kind: 'error'; error: string; cause: string };

export interface ParsedRequest {
  state: State;
  stateName: string;
  queryLanguage: QueryLanguage;
  input: unknown;
  variables: Record<string, unknown>;
  /** The context object the request gave, if any. */
  context: unknown;
  mock: Mock | undefined;
  level: 'INFO' | 'DEBUG' | 'TRACE';
  roleArn: string | undefined;
  retrierRetryCount: number;
  mapIterationFailureCount: number | undefined;
  errorCausedByState: string | undefined;
  mapItemReaderData: unknown;
}

type Json = { ok: true; value: unknown } | { ok: false; message: string };

function parseJson(value: unknown): Json {
  if (typeof value !== 'string') return { ok: true, value };
  try {
    return { ok: true, value: JSON.parse(value) as unknown };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

function jsonField(value: unknown, field: string, fallback: unknown): unknown {
  if (value === undefined) return fallback;
  const parsed = parseJson(value);
  if (!parsed.ok) throw awsException('ValidationException', `Invalid ${field}: ${parsed.message}`);
  return parsed.value;
}

function readerData(value: unknown): unknown {
  const parsed = parseJson(value);
  return parsed.ok ? parsed.value : value;
}

interface Machine {
  StartAt: string;
  States: Record<string, State>;
  QueryLanguage?: QueryLanguage;
}

function isMachine(value: Record<string, unknown>): boolean {
  return isObject(value['States']) && typeof value['StartAt'] === 'string';
}

/** Finds a state by name in a machine, its Parallel branches and its Map processors. */
function findState(states: Record<string, unknown>, name: string): State | undefined {
  const own = states[name];
  if (isObject(own)) return own as unknown as State;
  for (const state of Object.values(states)) {
    if (!isObject(state)) continue;
    const inner = [
      ...(Array.isArray(state['Branches']) ? state['Branches'] : []),
      state['ItemProcessor'],
      state['Iterator'],
    ];
    for (const container of inner) {
      if (isObject(container) && isObject(container['States'])) {
        const found = findState(container['States'], name);
        if (found) return found;
      }
    }
  }
  return undefined;
}

/** The names a state jumps to: a one-state definition is checked with stand-ins for them. */
function targetsOf(state: Record<string, unknown>): string[] {
  const names: string[] = [];
  if (typeof state['Next'] === 'string') names.push(state['Next']);
  if (typeof state['Default'] === 'string') names.push(state['Default']);
  for (const list of [state['Choices'], state['Catch']]) {
    if (!Array.isArray(list)) continue;
    for (const rule of list) if (isObject(rule) && typeof rule['Next'] === 'string') names.push(rule['Next']);
  }
  return names;
}

function definitionError(diagnostics: Diagnostic[]): Error | undefined {
  const first = diagnostics.find((d) => d.severity === 'error');
  if (first === undefined) return undefined;
  const code = first.code ?? 'SCHEMA_VALIDATION_FAILED';
  return awsException('InvalidDefinition', `Invalid State Machine Definition: '${code}: ${first.message} at ${first.pointer || '/'}'`);
}

function machineOf(request: TestStateInput): { machine: Machine; stateName: string } {
  const parsed = parseJson(request.definition);
  if (!parsed.ok || !isObject(parsed.value)) {
    throw awsException('InvalidDefinition', `Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: ${parsed.ok ? 'the definition must be a JSON object' : parsed.message}'`);
  }
  const definition = parsed.value;
  if (isMachine(definition)) {
    const machine = definition as unknown as Machine;
    return { machine, stateName: request.stateName ?? machine.StartAt };
  }
  if (request.stateName !== undefined) {
    throw awsException('ValidationException', 'stateName can only be used with a state machine definition (with StartAt and States)');
  }
  const states: Record<string, unknown> = { [SINGLE_STATE_NAME]: definition };
  for (const target of targetsOf(definition)) if (!(target in states)) states[target] = { Type: 'Succeed' };
  return { machine: { StartAt: SINGLE_STATE_NAME, States: states as Record<string, State> }, stateName: SINGLE_STATE_NAME };
}

const MOCKABLE = new Set(['Task', 'Map', 'Parallel']);

/** The fields a request's context object may have, and which must be text. */
const CONTEXT_FIELDS: Readonly<Record<string, { fields: readonly string[]; strings: readonly string[] }>> = {
  Execution: { fields: ['Id', 'Input', 'Name', 'RoleArn', 'StartTime', 'RedriveCount', 'RedriveTime'], strings: ['Id', 'Name', 'RoleArn', 'StartTime', 'RedriveTime'] },
  State: { fields: ['EnteredTime', 'Name', 'RetryCount'], strings: ['EnteredTime', 'Name'] },
  StateMachine: { fields: ['Id', 'Name'], strings: ['Id', 'Name'] },
  Task: { fields: ['Token'], strings: ['Token'] },
};

/** What TestState refuses in a given context object, in AWS's words. */
function contextProblem(context: unknown, state: State): string | undefined {
  if (!isObject(context)) return 'The context object must be a JSON object';
  for (const [field, value] of Object.entries(context)) {
    if (field === 'Map') return "'Map' field is not supported when mocking a Context object";
    const spec = CONTEXT_FIELDS[field];
    if (spec === undefined) return `Field '${field}' is not allowed`;
    if (field === 'Task' && !(state.Type === 'Task' && /\.(sync(:2)?|waitForTaskToken)$/.test(state.Resource))) {
      return "Context object contains 'Task' when state is not a Task state with a '.sync' or '.waitForTaskToken' service integration pattern";
    }
    if (!isObject(value)) return `${field} must be an object`;
    for (const [inner, innerValue] of Object.entries(value)) {
      if (!spec.fields.includes(inner)) return `Field '${inner}' is not allowed`;
      if (spec.strings.includes(inner) && typeof innerValue !== 'string') return `${field}.${inner} must be a string`;
    }
  }
  return undefined;
}

export function parseRequest(request: TestStateInput): ParsedRequest {
  if (!isObject(request)) throw awsException('ValidationException', 'The request must be an object');
  const { machine, stateName } = machineOf(request);
  const invalid = definitionError(lint(machine).diagnostics);
  if (invalid) throw invalid;
  const state = findState(machine.States, stateName);
  if (state === undefined) throw awsException('ValidationException', 'State not found in definition');

  const config = request.stateConfiguration ?? {};
  const requestMock = request.mock;
  const hasResult = requestMock?.result !== undefined;
  const hasError = requestMock?.errorOutput !== undefined;
  if (hasResult && hasError) {
    throw awsException('ValidationException', 'A test mock should have only one of the following fields: [result, errorOutput].');
  }
  if (requestMock !== undefined && request.revealSecrets === true) {
    throw awsException('ValidationException', 'TestState does not support RevealSecrets when a mock is specified.');
  }
  if (requestMock === undefined && config.mapIterationFailureCount !== undefined) {
    throw awsException('ValidationException', 'TestState does not support MapIterationFailureCount when a mock is not specified.');
  }
  if (requestMock !== undefined && !MOCKABLE.has(state.Type)) {
    throw awsException('ValidationException', `State type '${state.Type}' is not supported when a mock is specified`);
  }
  if (requestMock === undefined && (state.Type === 'Map' || state.Type === 'Parallel')) {
    throw awsException(
      'InvalidDefinition',
      'TestState API does not support Map or Parallel states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]',
    );
  }

  // AWS calls the service with this role; aslkit's handlers stand in for it, the check stays.
  if (requestMock === undefined && state.Type === 'Task' && !request.roleArn) {
    throw awsException('ValidationException', 'RoleArn must be specified when testing a Task state');
  }

  let mock: Mock | undefined;
  if (requestMock !== undefined) {
    if (hasError) {
      mock = { kind: 'error', error: requestMock.errorOutput?.error ?? '', cause: requestMock.errorOutput?.cause ?? '' };
    } else {
      const parsed = hasResult ? parseJson(requestMock.result) : { ok: false as const, message: '' };
      if (!parsed.ok) throw awsException('ValidationException', 'Mocked result must be valid JSON');
      mock = { kind: 'result', value: parsed.value, mode: requestMock.fieldValidationMode ?? 'STRICT' };
    }
  }

  const context = jsonField(request.context, 'context', undefined);
  if (context !== undefined) {
    const problem = contextProblem(context, state);
    if (problem !== undefined) throw awsException('ValidationException', `Invalid Context object provided: ${problem}`);
  }

  const variables = jsonField(request.variables, 'variables', {});
  if (!isObject(variables)) throw awsException('ValidationException', 'Invalid variables: must be a JSON object');
  return {
    state,
    stateName,
    queryLanguage: state.QueryLanguage ?? machine.QueryLanguage ?? 'JSONPath',
    input: jsonField(request.input, 'input', {}),
    variables,
    context,
    mock,
    level: request.inspectionLevel ?? 'INFO',
    roleArn: request.roleArn,
    retrierRetryCount: config.retrierRetryCount ?? 0,
    mapIterationFailureCount: config.mapIterationFailureCount,
    errorCausedByState: config.errorCausedByState,
    // JSON for a JSON / JSONL reader; other formats (CSV, manifests) stay text and give no item count.
    mapItemReaderData: readerData(config.mapItemReaderData),
  };
}
