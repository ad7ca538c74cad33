/**
 * Mocked task handlers: a sequence of responses per state that advances once per invocation
 * of that state in one execution (TaskContext.invocation, the counter Step Functions Local's
 * mock files use), across retries, loops and Map iterations. Every mock records its calls.
 */
import { StatesError } from '../definition/errors.js';
import { StateFailure } from '../interpreter/errors.js';
import { handlerNotFound } from '../interpreter/handlers.js';
import type { TaskContext, TaskHandler } from '../interpreter/runtime.js';

/** What a handler of type `MockFunction` gets and gives; the context is the engine's TaskContext. */
export type MockFunction<Input = unknown, Output = unknown> = (input: Input, context: TaskContext) => Output | Promise<Output>;

/**
 * One response of a mock. `times` repeats it (default 1); `times: Infinity`, allowed on the
 * last response only, answers every further invocation. A function is called with the task's
 * input and context; its result (or what it throws) is the task's.
 */
export type MockResponse<Input = unknown, Output = unknown> =
  | { return: Output; times?: number }
  | { throw: { error: string; cause?: string }; times?: number }
  /** Fails with States.Timeout as AWS records a task's own timeout (TaskTimedOut, no cause). */
  | { timeout: true; times?: number }
  /** Fails with States.Timeout from a missed heartbeat (matched by States.HeartbeatTimeout). */
  | { missHeartbeat: true; times?: number }
  /**
   * Never answers: the task ends only by its TimeoutSeconds or HeartbeatSeconds (on the
   * execution's clock, virtual time under `clock: 'simulated'`) or when the execution stops.
   */
  | { never: true; times?: number }
  /** Calls the function, `times` invocations in a row (a bare function answers one invocation). */
  | { answer: MockFunction<Input, Output>; times?: number }
  | MockFunction<Input, Output>;

/** One recorded call of a mock. */
export interface MockCall<Input = unknown> {
  stateName: string;
  resource: string;
  input: Input;
  context: TaskContext;
  /** 0 on the first try, +1 per retry (TaskContext.attempt). */
  attempt: number;
  /** 0-based count of earlier invocations of this state in the execution (TaskContext.invocation). */
  invocation: number;
}

/** A TaskHandler that answers from its responses and records its calls. */
export interface MockedTask<Input = unknown, Output = unknown> {
  (input: unknown, context: TaskContext): Promise<Output>;
  /** Every call, across executions, in the order they were made. */
  readonly calls: MockCall<Input>[];
  /** The responses, one per invocation (`times` expanded; a last `times: Infinity` response once). */
  readonly responses: readonly MockResponse<Input, Output>[];
  /** Forgets the recorded calls. */
  reset(): void;
}

/** Orders the calls of several mocks (Mocks.calls). */
const callOrder = new WeakMap<MockCall, number>();
let callCount = 0;

/** The error a mock fails the execution with when a state is invoked more times than it has responses. */
export const MOCK_EXHAUSTED = 'aslkit.MockExhausted';


export function returns<Output>(value: Output, times?: number): { return: Output; times?: number } {
  return times === undefined ? { return: value } : { return: value, times };
}

export function throws(error: string, cause?: string, times?: number): { throw: { error: string; cause?: string }; times?: number } {
  const thrown = cause === undefined ? { error } : { error, cause };
  return times === undefined ? { throw: thrown } : { throw: thrown, times };
}

export function answersWith<Input, Output>(answer: MockFunction<Input, Output>, times?: number): { answer: MockFunction<Input, Output>; times?: number } {
  return times === undefined ? { answer } : { answer, times };
}

/** The response for every invocation from here on (`times: Infinity`). */
export function always<Input, Output>(response: Exclude<MockResponse<Input, Output>, MockFunction<Input, Output>> | MockFunction<Input, Output>): MockResponse<Input, Output> {
  return typeof response === 'function' ? { answer: response, times: Number.POSITIVE_INFINITY } : { ...response, times: Number.POSITIVE_INFINITY };
}

export function timesOut(times?: number): { timeout: true; times?: number } {
  return times === undefined ? { timeout: true } : { timeout: true, times };
}

export function missesHeartbeat(times?: number): { missHeartbeat: true; times?: number } {
  return times === undefined ? { missHeartbeat: true } : { missHeartbeat: true, times };
}

export function neverAnswers(times?: number): { never: true; times?: number } {
  return times === undefined ? { never: true } : { never: true, times };
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** One response per invocation; `forever` when the last one answers every invocation after it. */
function expand<Input, Output>(responses: readonly MockResponse<Input, Output>[]): { sequence: MockResponse<Input, Output>[]; forever: boolean } {
  const sequence: MockResponse<Input, Output>[] = [];
  let forever = false;
  responses.forEach((response, index) => {
    if (typeof response === 'function') {
      sequence.push(response);
      return;
    }
    const { times = 1, ...once } = response;
    const last = index === responses.length - 1;
    if (times === Number.POSITIVE_INFINITY && last) forever = true;
    else if (!Number.isInteger(times) || times < 1) {
      throw new TypeError(`Mock response ${index} has times ${String(times)}; it must be a positive integer (or Infinity, for the last response).`);
    }
    const single = 'answer' in once ? once.answer : (once as MockResponse<Input, Output>);
    for (let i = 0; i < (forever ? 1 : times); i++) sequence.push(single);
  });
  return { sequence, forever };
}

/** Waits for the task's signal: the engine's timeout, heartbeat or the execution's stop. */
function waitForAbort(context: TaskContext): Promise<never> {
  return new Promise((_, reject) => {
    if (context.signal.aborted) reject(context.signal.reason);
    else context.signal.addEventListener('abort', () => reject(context.signal.reason), { once: true });
  });
}

async function answer<Input, Output>(response: MockResponse<Input, Output>, input: Input, context: TaskContext): Promise<Output> {
  if (typeof response === 'function') return response(input, context);
  if ('return' in response) return response.return;
  if ('throw' in response) throw new StatesError(response.throw.error, response.throw.cause ?? '');
  if ('timeout' in response) throw new StateFailure('States.Timeout', '', { terminal: false });
  if ('missHeartbeat' in response) throw new StateFailure('States.Timeout', '', { terminal: false, heartbeat: true });
  return waitForAbort(context);
}

/**
 * A mocked task answering invocation N with the Nth response (`times` counted): for example
 * `mockTask(throws('Lambda.TooManyRequestsException'), returns({ ok: true }))` fails the first
 * invocation and succeeds the second. An invocation past the last response fails the execution
 * with `aslkit.MockExhausted` (neither Retry nor Catch sees it), naming the state and the count.
 */
export function mockTask<Input = unknown, Output = unknown>(...responses: MockResponse<Input, Output>[]): MockedTask<Input, Output> {
  return mockSequence(responses, {
    exhausted: (context, invocation, count) =>
      `The mock of the state '${context.stateName}' has ${count} response${count === 1 ? '' : 's'} and was invoked a ${ordinal(invocation + 1)} time (invocation ${invocation}).`,
  });
}

/**
 * mockTask with its own words for an invocation past the last response (the mock file names
 * its file) and, optionally, what a `return` response hands the engine.
 */
export function mockSequence<Input, Output>(
  responses: readonly MockResponse<Input, Output>[],
  options: {
    exhausted: (context: TaskContext, invocation: number, count: number) => string;
    returned?: (value: Output, context: TaskContext) => unknown;
  },
): MockedTask<Input, Output> {
  const { sequence, forever } = expand(responses);
  const calls: MockCall<Input>[] = [];
  const handler = async (input: unknown, context: TaskContext): Promise<Output> => {
    const invocation = context.invocation;
    const call: MockCall<Input> = {
      stateName: context.stateName, resource: context.resource, input: input as Input, context,
      attempt: context.attempt, invocation,
    };
    callOrder.set(call, callCount++);
    calls.push(call);
    const response = sequence[invocation] ?? (forever ? sequence.at(-1) : undefined);
    if (response === undefined) {
      throw new StateFailure(MOCK_EXHAUSTED, options.exhausted(context, invocation, sequence.length), { terminal: true });
    }
    if (options.returned !== undefined && typeof response !== 'function' && 'return' in response) {
      return options.returned(response.return, context) as Output;
    }
    return answer(response, input as Input, context);
  };
  return Object.assign(handler, {
    calls,
    responses: sequence,
    reset(): void {
      calls.length = 0;
    },
  });
}

/** A mock given as one response, a list of responses or a mockTask. */
export type MockSpec<Input = unknown, Output = unknown> = MockedTask<Input, Output> | MockResponse<Input, Output> | readonly MockResponse<Input, Output>[];

function toMock(spec: MockSpec): MockedTask {
  if (typeof spec === 'function' && 'calls' in spec) return spec as MockedTask;
  return Array.isArray(spec) ? mockTask(...(spec as MockResponse[])) : mockTask(spec as MockResponse);
}

/** The handlers of `mockHandlers`, with their recorded calls. */
export interface Mocks {
  /** For `createStateMachine(definition, { handlers })`. */
  readonly handlers: Record<string, TaskHandler>;
  /** The mock registered under a key (state name, Resource ARN or the pattern's source). */
  mock(key: string | RegExp): MockedTask;
  /** All calls of every mock, in order. */
  readonly calls: MockCall[];
  reset(): void;
}

/**
 * Handlers for a whole machine: keys are state names or Resource ARNs (looked up as the
 * engine looks up handlers: state name first, then Resource); `[RegExp, spec]` entries match
 * a state name or Resource not otherwise mocked. A state that matches nothing fails as one with
 * no handler does (`aslkit.HandlerNotFound`).
 */
export function mockHandlers(
  mocks: Record<string, MockSpec>,
  patterns: readonly (readonly [RegExp, MockSpec])[] = [],
): Mocks {
  const byKey = new Map<string, MockedTask>(Object.entries(mocks).map(([key, spec]) => [key, toMock(spec)]));
  const byPattern = patterns.map(([pattern, spec]) => [pattern, toMock(spec)] as const);
  const handlers: Record<string, TaskHandler> = Object.fromEntries(byKey);
  if (byPattern.length > 0) {
    const fallback = handlers['*'];
    handlers['*'] = (input, context) => {
      const found = byPattern.find(([pattern]) => pattern.test(context.stateName) || pattern.test(context.resource));
      if (found !== undefined) return found[1](input, context);
      if (fallback !== undefined) return fallback(input, context);
      // As if nothing were registered for it: the engine's own missing-handler failure.
      const keys = [...byKey.keys(), ...byPattern.map(([pattern]) => String(pattern))];
      throw handlerNotFound(`the state '${context.stateName}'`, context.stateName, context.resource, keys);
    };
  }
  const all = [...byKey.values(), ...byPattern.map(([, mock]) => mock)];
  return {
    handlers,
    mock(key) {
      const found = typeof key === 'string' ? byKey.get(key) : byPattern.find(([pattern]) => String(pattern) === String(key))?.[1];
      if (found === undefined) throw new Error(`No mock is registered under ${String(key)}.`);
      return found;
    },
    get calls() {
      return all.flatMap((mock) => mock.calls).sort((a, b) => callOrder.get(a)! - callOrder.get(b)!);
    },
    reset() {
      for (const mock of all) mock.reset();
    },
  };
}

/** A task's input and output types, for typedHandlers. */
export interface TaskTypes<Input = unknown, Output = unknown> {
  input: Input;
  output: Output;
}

/** A handler (a function or a mockTask), a response or a list of responses for a state whose task types are known. */
export type TypedHandler<T extends TaskTypes> =
  | MockResponse<T['input'], T['output']>
  | readonly MockResponse<T['input'], T['output']>[];

/**
 * Handlers checked against each state's task input and output types:
 * `typedHandlers<{ Charge: { input: Order; output: Receipt } }>({ Charge: (order) => … })`.
 * Functions stay as written; responses and lists of responses become mockTasks.
 */
export function typedHandlers<T extends Record<string, TaskTypes>>(
  handlers: { [K in keyof T & string]?: TypedHandler<T[K]> },
): Record<string, TaskHandler> {
  const out: Record<string, TaskHandler> = {};
  for (const [key, spec] of Object.entries(handlers) as [string, TypedHandler<TaskTypes> | undefined][]) {
    if (spec === undefined) continue;
    out[key] = typeof spec === 'function' ? (spec as TaskHandler) : toMock(spec as MockSpec);
  }
  return out;
}
