/**
 * The engine: compiles a definition once into linked compiled states, then runs
 * executions. It is the only place that starts threads, records execution-level history,
 * and enforces execution-level limits; states call handlers and the clock through it.
 * It never imports the linter (src/api.ts composes the two).
 */
import { setMaxListeners } from 'node:events';
import { escapePointerToken } from '../definition/diagnostic.js';
import type { State, StateMachineDefinition } from '../definition/types.js';
import { TaskTokens } from './callbacks.js';
import type { TaskCallbacks } from './callbacks.js';
import { DEFAULT_STUCK_AFTER_MS, RealClock, SimulatedClock } from './clock.js';
import type { Clock } from './clock.js';
import { ExecutionStop, StateFailure, frameStateError } from './errors.js';
import { HistoryRecorder } from './history.js';
import type { HistoryEvent } from './history.js';
import { CompileFailure } from './io/expressions.js';
import { NotJsonData, copyJson, setOwn } from './io/json.js';
import { MAX_PAYLOAD_BYTES, dataLimitCause, payloadBytes, textBytes } from './io/size.js';
import { createContextObject, executionArn } from '../expressions/context.js';
import type {
  CompileContext,
  CompiledContainer,
  ChildExecution,
  CompiledState,
  Execution,
  Limits,
  Step,
  TaskHandler,
  Thread,
} from './runtime.js';
import { uuid } from './runtime.js';
import { compileChoice } from './states/choice.js';
import { emit, failState } from './states/common.js';
import { FailStateFailure, compileFail } from './states/fail.js';
import { compileMap } from './states/map.js';
import { BranchCancelled, compileParallel } from './states/parallel.js';
import { compilePass } from './states/pass.js';
import { compileSucceed } from './states/succeed.js';
import { compileTask } from './states/task.js';
import { compileWait } from './states/wait.js';

export { CompileFailure };

export interface StateMachineOptions {
  /** Task handlers, looked up by state name, then Resource ARN, then `'*'`. */
  handlers?: Record<string, TaskHandler>;
  /** `'real'` (default), `'simulated'` (a new SimulatedClock per execution) or a Clock. */
  clock?: 'real' | 'simulated' | Clock;
  /**
   * With `clock: 'simulated'`: wall milliseconds without any activity after which a handler
   * that blocks the execution and never settles ends it with aslkit.HandlerStuck (default
   * 2000; `Infinity` waits forever). A SimulatedClock passed as `clock` takes its own.
   */
  stuckAfterMs?: number;
  /** Random source for retry jitter, generated names and tokens (default Math.random). */
  random?: () => number;
  name?: string;
  stateMachineArn?: string;
  roleArn?: string;
  type?: 'STANDARD' | 'EXPRESS';
  limits?: Partial<Limits>;
  /** Receives every history event as it is recorded. */
  inspect?: (event: HistoryEvent) => void;
  /**
   * Machines `states:startExecution` tasks may start, keyed by state machine ARN or name.
   * createStateMachine also takes definitions here and compiles them.
   */
  stateMachines?: Readonly<Record<string, StateMachine>>;
}

export interface ExecuteOptions {
  name?: string;
  signal?: AbortSignal;
}

export interface ExecutionResult {
  status: 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';
  output?: unknown;
  error?: string;
  cause?: string;
  history: HistoryEvent[];
  /** `arn:aws:states:<region>:<account>:execution:<machine>:<name>` (`express:` for EXPRESS), as `$$.Execution.Id`. */
  executionArn: string;
  /** The execution name (`ExecuteOptions.name`, else a UUID drawn from `random`). */
  name: string;
  /** When the execution started and stopped on the machine's clock, as DescribeExecution's dates. */
  startDate: Date;
  stopDate: Date;
  /** The executions its `states:startExecution` tasks started, in start order (absent when none). */
  childExecutions?: ChildExecution[];
}

export interface ExecutionHandle extends TaskCallbacks {
  readonly result: Promise<ExecutionResult>;
  readonly executionArn: string;
  readonly name: string;
  readonly startDate: Date;
  /** Stops the execution (status ABORTED); handlers see their signal aborted. */
  abort(): void;
  /** The history so far; grows while the execution runs. */
  readonly history: readonly HistoryEvent[];
}

export interface CompiledMachine {
  readonly definition: StateMachineDefinition;
  readonly root: CompiledContainer;
  /** What a handler key may name: every state name, at any depth, and every Resource. */
  readonly handlerTargets: { readonly stateNames: ReadonlySet<string>; readonly resources: ReadonlySet<string> };
}

type Compiler = (name: string, def: never, cc: CompileContext) => CompiledState;

const COMPILERS: Record<State['Type'], Compiler> = {
  Pass: compilePass as Compiler,
  Task: compileTask as Compiler,
  Choice: compileChoice as Compiler,
  Wait: compileWait as Compiler,
  Succeed: compileSucceed as Compiler,
  Fail: compileFail as Compiler,
  Parallel: compileParallel as Compiler,
  Map: compileMap as Compiler,
};

/** Compiles every state once; throws CompileFailure when something cannot be compiled. */
export function compileStateMachine(definition: StateMachineDefinition): CompiledMachine {
  const topLevelQueryLanguage = definition.QueryLanguage ?? 'JSONPath';
  const stateNames = new Set<string>();
  const resources = new Set<string>();
  const compileContainer = (
    def: { StartAt: string; States: Record<string, unknown> },
    pointer: string,
  ): CompiledContainer => {
    const cc: CompileContext = { topLevelQueryLanguage, pointer, compileContainer };
    const states = new Map<string, CompiledState>();
    for (const [name, raw] of Object.entries(def.States)) {
      const st = raw as State;
      stateNames.add(name);
      addResources(st, resources);
      const compile = COMPILERS[st.Type];
      if (!compile) throw new CompileFailure(`${pointer}/${escapePointerToken(name)}/Type`, `Unknown state type '${String(st.Type)}'`);
      states.set(name, compile(name, st as never, cc));
    }
    for (const state of states.values()) {
      if (state.nextName !== undefined) state.next = linkTarget(states, state.nextName, pointer);
      for (const target of state.targets.keys()) state.targets.set(target, linkTarget(states, target, pointer));
    }
    const start = states.get(def.StartAt);
    if (!start) throw new CompileFailure(pointer.replace(/\/States$/, '/StartAt'), `Missing 'StartAt' target: ${def.StartAt}`);
    return { start, states, assigns: Object.values(def.States).some(assignsVariables) };
  };
  const root = compileContainer(definition as never, '/States');
  return { definition, root, handlerTargets: { stateNames, resources } };
}

/** The Resources a state calls handlers for: a Task's, a Map's ItemReader and ResultWriter. */
function addResources(state: State, resources: Set<string>): void {
  const def = state as { Resource?: unknown; ItemReader?: { Resource?: unknown }; ResultWriter?: { Resource?: unknown } };
  if (typeof def.Resource === 'string') resources.add(def.Resource);
  if (typeof def.ItemReader?.Resource === 'string') resources.add(def.ItemReader.Resource);
  if (typeof def.ResultWriter?.Resource === 'string') resources.add(def.ResultWriter.Resource);
}

/** Whether a state assigns variables in its own scope (nested branches and iterations have theirs). */
function assignsVariables(raw: unknown): boolean {
  const def = raw as { Assign?: unknown; Choices?: { Assign?: unknown }[]; Catch?: { Assign?: unknown }[] };
  return def.Assign !== undefined
    || (def.Choices?.some((c) => c.Assign !== undefined) ?? false)
    || (def.Catch?.some((c) => c.Assign !== undefined) ?? false);
}

function linkTarget(states: Map<string, CompiledState>, name: string, pointer: string): CompiledState {
  const target = states.get(name);
  if (!target) throw new CompileFailure(pointer, `Missing 'Next' target: ${name}`);
  return target;
}

/** All stored variables of an execution: 10 MiB, that is 40 times the 256 KiB payload quota (https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html). */
const VARIABLE_QUOTA_FACTOR = 40;

/**
 * Runs one container (the machine, a branch or an iteration) on a thread. Synchronous
 * states run without an await; only states that return a promise are awaited. The
 * variables the run stores count towards the execution's total until the run ends (a
 * branch's or iteration's scope then disappears).
 */
async function runContainer(container: CompiledContainer, input: unknown, t: Thread): Promise<unknown> {
  const exec = t.exec;
  const limits = exec.limits;
  let state = container.start;
  let data = input;
  let stored: Map<string, number> | undefined;
  try {
    for (;;) {
      if (t.signal.aborted) throw t.signal.reason;
      if (++exec.transitions > limits.maxTransitions) {
        throw new StateFailure(
          'States.Runtime',
          `The execution exceeded the configured maximum of ${limits.maxTransitions} state transitions.`,
          { terminal: true },
        );
      }
      t.enteredTime = exec.clock.now();
      t.enteredEventId = emit(t, state.enteredType, 'stateEnteredEventDetails', { name: state.name, input: data });
      let step: Step | Promise<Step>;
      try {
        step = state.run(t, data);
        if (step instanceof Promise) step = await step;
      } catch (thrown) {
        if (t.signal.aborted) {
          // A sibling branch failed: the state this branch was running is stopped.
          if (t.branch && state.abortedType !== null && t.signal.reason instanceof BranchCancelled) emit(t, state.abortedType);
          throw t.signal.reason;
        }
        const failure = failState(t, state, thrown);
        if (t.branch && state.abortedType !== null) emit(t, state.abortedType);
        throw failure;
      }
      if (t.signal.aborted) throw t.signal.reason;
      const { output, next, assigned } = step;
      if (output !== data && payloadBytes(output, limits.maxPayloadBytes) > limits.maxPayloadBytes) {
        throw new StateFailure('States.DataLimitExceeded', dataLimitCause(state.name), { terminal: true });
      }
      let assignedVariables: Record<string, string> | undefined;
      if (assigned !== undefined) {
        assignedVariables = serialiseAssigned(assigned, state.name, limits.maxPayloadBytes);
        stored ??= new Map();
        for (const key of Object.keys(assigned)) {
          const bytes = textBytes(assignedVariables[key]!, 0);
          exec.variableBytes += bytes - (stored.get(key) ?? 0);
          stored.set(key, bytes);
        }
        if (exec.variableBytes > VARIABLE_QUOTA_FACTOR * limits.maxPayloadBytes) {
          throw new StateFailure(
            'States.DataLimitExceeded',
            `The variables stored by the execution exceed the maximum total size of ${VARIABLE_QUOTA_FACTOR * limits.maxPayloadBytes} bytes.`,
            { terminal: true },
          );
        }
        for (const key of Object.keys(assigned)) t.scope[key] = assigned[key];
      }
      if (state.exitedType !== null) {
        emit(
          t,
          state.exitedType,
          'stateExitedEventDetails',
          assignedVariables === undefined
            ? { name: state.name, output }
            : { name: state.name, output, assignedVariables, assignedVariablesDetails: { truncated: false } },
        );
      }
      if (next === null) return output;
      state = next;
      data = output;
    }
  } finally {
    if (stored !== undefined) for (const bytes of stored.values()) exec.variableBytes -= bytes;
  }
}

/**
 * The JSON text of each assigned value, as history shows it, held to AWS's variable quotas
 * (https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html): 256 KiB per variable and per Assign block. AWS does not document the
 * error; like an oversized state output it is a terminal States.DataLimitExceeded.
 */
function serialiseAssigned(assigned: Record<string, unknown>, stateName: string, maxBytes: number): Record<string, string> {
  const out: Record<string, string> = {};
  let total = 0;
  for (const [k, v] of Object.entries(assigned)) {
    const text = JSON.stringify(v) ?? 'null';
    const bytes = textBytes(text, maxBytes);
    if (bytes > maxBytes) {
      throw new StateFailure('States.DataLimitExceeded', `The variable '${k}' assigned by the state '${stateName}' exceeds the maximum size of ${maxBytes} bytes.`, { terminal: true });
    }
    total += bytes;
    setOwn(out, k, text);
  }
  if (total > maxBytes) {
    throw new StateFailure('States.DataLimitExceeded', `The variables assigned by the state '${stateName}' exceed the maximum total size of ${maxBytes} bytes.`, { terminal: true });
  }
  return out;
}

/** The reason given when the engine cancels its own timers (cheaper than a DOMException). */
const DONE = Object.freeze({ reason: 'done' });

const DEFAULT_LIMITS: Limits = {
  maxPayloadBytes: MAX_PAYLOAD_BYTES,
  maxHistoryEvents: 25_000,
  maxTransitions: 1_000_000,
  maxInlineMapConcurrency: 40,
};

interface RefusedRequest {
  machine: StateMachine;
  executionName: string;
  express: boolean;
  startTime: number;
  tokens: TaskTokens;
}

/** A StartExecution request refused before any execution exists: FAILED with AWS's API error. */
function refusedStart(request: RefusedRequest, error: string, cause: string): ExecutionHandle {
  const { machine, executionName, express, tokens } = request;
  const [, partition = 'aws', , region = 'us-east-1', account = '123456789012'] = machine.stateMachineArn.split(':');
  const arn = executionArn(machine.name, executionName, { partition, region, account, ...(express ? { type: 'EXPRESS' as const } : {}) });
  const identity = { executionArn: arn, name: executionName, startDate: new Date(request.startTime) };
  const history: HistoryEvent[] = [];
  tokens.end('FAILED');
  return {
    result: Promise.resolve({ status: 'FAILED', error, cause, history, ...identity, stopDate: identity.startDate }),
    ...identity,
    abort: () => {},
    history,
    ...callbacksOf(tokens),
  };
}

/**
 * The handle's callback API, answered by the execution's task tokens. Bound methods, not
 * closures: every execution makes a handle, and a named closure costs a defineProperty under tsx.
 */
function callbacksOf(tokens: TaskTokens): TaskCallbacks {
  return {
    sendTaskSuccess: tokens.sendTaskSuccess.bind(tokens),
    sendTaskFailure: tokens.sendTaskFailure.bind(tokens),
    sendTaskHeartbeat: tokens.sendTaskHeartbeat.bind(tokens),
    waitForTask: tokens.waitForTask.bind(tokens),
    getActivityTask: tokens.getActivityTask.bind(tokens),
  };
}

/** A compiled state machine, ready to run any number of executions. */
export class StateMachine {
  readonly name: string;
  readonly stateMachineArn: string;
  private readonly options: StateMachineOptions;

  constructor(private readonly machine: CompiledMachine, options: StateMachineOptions = {}) {
    this.options = options;
    this.name = options.name ?? options.stateMachineArn?.split(':').pop() ?? 'StateMachine';
    this.stateMachineArn = options.stateMachineArn ?? `arn:aws:states:us-east-1:123456789012:stateMachine:${this.name}`;
  }

  execute(input?: unknown, options?: ExecuteOptions): Promise<ExecutionResult> {
    return this.start(input, options).result;
  }

  /** `inherited` is internal: what an execution started by another shares with it. */
  start(rawInput: unknown = {}, options: ExecuteOptions = {}, inherited?: InheritedRun): ExecutionHandle {
    const o = this.options;
    const stuckAfterMs = inherited !== undefined
      ? inherited.stuckAfterMs
      : o.clock === 'simulated' ? o.stuckAfterMs ?? DEFAULT_STUCK_AFTER_MS : undefined;
    const clock: Clock = inherited?.clock
      ?? (o.clock === 'simulated'
        ? new SimulatedClock({ stuckAfterMs: stuckAfterMs! })
        : o.clock === 'real' || o.clock === undefined ? new RealClock() : o.clock);
    const random = inherited?.random ?? o.random ?? Math.random;
    const tokens = inherited?.tokens ?? new TaskTokens();
    const children: ChildExecution[] = [];
    const executionName = options.name ?? uuid(random);
    const express = o.type === 'EXPRESS';
    const limits: Limits = {
      ...DEFAULT_LIMITS,
      ...(express ? { maxHistoryEvents: Number.POSITIVE_INFINITY } : {}),
      ...o.limits,
    };
    // The input is serialised as StartExecution's is: JSON data within the payload quota, or
    // the request is refused and no execution starts (an empty history).
    // https://docs.aws.amazon.com/step-functions/latest/apireference/API_StartExecution.html
    const startTime = clock.now();
    // A refused start has no execution; its result still names the one it would have been.
    const refused = { machine: this, executionName, express, startTime, tokens };
    let input: unknown;
    try {
      input = copyJson(rawInput);
    } catch (thrown) {
      const what = thrown instanceof NotJsonData ? thrown.message : 'a value that cannot be read';
      return refusedStart(refused, 'InvalidExecutionInput', `The provided JSON input data is not valid: ${what}.`);
    }
    if (payloadBytes(input, limits.maxPayloadBytes) > limits.maxPayloadBytes) {
      return refusedStart(
        refused,
        'ValidationException',
        `1 validation error detected: Value at 'input' failed to satisfy constraint: Member must have length less than or equal to ${limits.maxPayloadBytes}`,
      );
    }
    const history = new HistoryRecorder(() => clock.now(), limits.maxHistoryEvents, true, o.inspect);
    const context = createContextObject({
      stateMachineName: this.name,
      stateMachineArn: this.stateMachineArn,
      executionName,
      input,
      startTime,
      ...(express ? { type: 'EXPRESS' as const, expressExecutionId: uuid(random) } : {}),
      ...(o.roleArn !== undefined ? { roleArn: o.roleArn } : {}),
    });
    const roleArn = context.Execution.RoleArn;
    const region = this.stateMachineArn.split(':')[3] || 'us-east-1';
    const root = new AbortController();
    // Every in-flight task and timer of the top level listens to it (see linkedController).
    setMaxListeners(0, root.signal);
    const exec: Execution = {
      clock, now: () => clock.now(), random, handlers: o.handlers ?? {}, history, limits, context, region, stuckAfterMs,
      transitions: 0,
      invocations: new Map(),
      variableBytes: 0,
      tokens,
      startsExecutions: o.stateMachines !== undefined && Object.keys(o.stateMachines).length > 0,
      startExecution: (stateName, arn, childInput, childName) => {
        const child = startChild(o.stateMachines ?? {}, stateName, arn, childInput, childName, { clock, random, tokens, stuckAfterMs });
        children.push(child);
        return child;
      },
      runContainer,
    };
    const scope: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    const thread: Thread = {
      exec, scope, signal: root.signal, history, lastEventId: 0,
      enteredEventId: 0, enteredTime: startTime, branch: false,
      env: { context: undefined, variables: scope, random },
    };
    // AWS records the first state's entry with previousEventId 0, not 1.
    history.add('ExecutionStarted', 0, 'executionStartedEventDetails', { input, roleArn });

    const stop = (reason: ExecutionStop): void => {
      if (!root.signal.aborted) root.abort(reason);
    };
    const stopped = new Promise<never>((_, reject) => {
      root.signal.addEventListener('abort', () => reject(root.signal.reason), { once: true });
    });
    stopped.catch(() => {});
    const onUserAbort = (): void => stop(new ExecutionStop('ABORTED'));
    options.signal?.addEventListener('abort', onUserAbort, { once: true });
    if (options.signal?.aborted) onUserAbort();
    const timeoutSeconds = this.machine.definition.TimeoutSeconds;
    const timers = typeof timeoutSeconds === 'number' ? new AbortController() : undefined;
    if (timers !== undefined && typeof timeoutSeconds === 'number') {
      clock.sleep(timeoutSeconds * 1000, timers.signal).then(
        () => stop(new ExecutionStop('TIMED_OUT', 'States.Timeout')),
        () => {},
      );
    }

    const ended = (async (): Promise<Omit<ExecutionResult, 'executionArn' | 'name' | 'startDate' | 'stopDate'>> => {
      try {
        const output = await Promise.race([runContainer(this.machine.root, input, thread), stopped]);
        history.add('ExecutionSucceeded', thread.lastEventId, 'executionSucceededEventDetails', { output });
        return { status: 'SUCCEEDED', output, history: history.events };
      } catch (thrown) {
        const reason = root.signal.aborted ? root.signal.reason : thrown;
        if (reason instanceof ExecutionStop) {
          if (reason.status === 'TIMED_OUT') {
            history.add('ExecutionTimedOut', thread.lastEventId, 'executionTimedOutEventDetails', { error: 'States.Timeout' });
            return { status: 'TIMED_OUT', error: 'States.Timeout', history: history.events };
          }
          history.add('ExecutionAborted', thread.lastEventId, 'executionAbortedEventDetails', {});
          return { status: 'ABORTED', history: history.events };
        }
        if (reason instanceof FailStateFailure) {
          stop(new ExecutionStop('ABORTED'));
          const details: { error?: string; cause?: string } = {};
          if (reason.failError !== undefined) details.error = reason.failError;
          if (reason.failCause !== undefined) details.cause = reason.failCause;
          history.add('ExecutionFailed', thread.lastEventId, 'executionFailedEventDetails', details);
          return { status: 'FAILED', ...details, history: history.events };
        }
        // Anything still running (a handler that ignored its signal) is told to stop.
        stop(new ExecutionStop('ABORTED'));
        const failure = frameStateError(reason, '', 0);
        history.add('ExecutionFailed', thread.lastEventId, 'executionFailedEventDetails', { error: failure.error, cause: failure.cause });
        return { status: 'FAILED', error: failure.error, cause: failure.cause, history: history.events };
      } finally {
        timers?.abort(DONE);
        options.signal?.removeEventListener('abort', onUserAbort);
      }
    })();
    const identity = { executionArn: context.Execution.Id, name: executionName, startDate: new Date(startTime) };
    const result = ended.then((r): ExecutionResult => {
      // Only the execution the test started answers for the tokens; a child's end closes its own tasks.
      if (inherited === undefined) tokens.end(r.status);
      return { ...r, ...identity, stopDate: new Date(clock.now()), ...(children.length > 0 ? { childExecutions: children } : {}) };
    });
    return {
      result,
      ...identity,
      abort: () => stop(new ExecutionStop('ABORTED')),
      history: history.events,
      ...callbacksOf(tokens),
    };
  }
}

/** What an execution started by a `states:startExecution` task shares with its parent. */
export interface InheritedRun {
  clock: Clock;
  random: () => number;
  tokens: TaskTokens;
  stuckAfterMs: number | undefined;
}

/** The registered machine of `arn`: by key (ARN or name), by its own ARN, or by the ARN's machine name. */
function findStateMachine(registry: Readonly<Record<string, StateMachine>>, arn: string): StateMachine | undefined {
  if (Object.hasOwn(registry, arn)) return registry[arn];
  const name = /:stateMachine:([^:]+)/.exec(arn)?.[1];
  for (const [key, machine] of Object.entries(registry)) {
    if (machine.stateMachineArn === arn || (name !== undefined && key === name)) return machine;
  }
  return undefined;
}

function startChild(
  registry: Readonly<Record<string, StateMachine>>,
  stateName: string,
  arn: string,
  input: unknown,
  name: string | undefined,
  inherited: InheritedRun,
): ChildExecution {
  const machine = findStateMachine(registry, arn);
  if (machine === undefined) {
    const known = Object.keys(registry);
    throw new StateFailure(
      'StepFunctions.StateMachineDoesNotExistException',
      `State Machine Does Not Exist: '${arn}' (options.stateMachines registers ${known.length > 0 ? known.map((k) => `'${k}'`).join(', ') : 'none'})`,
    );
  }
  const handle = machine.start(input, name !== undefined ? { name } : {}, inherited);
  return {
    stateName,
    stateMachineArn: machine.stateMachineArn,
    executionArn: handle.executionArn,
    name: handle.name,
    startDate: handle.startDate,
    history: handle.history,
    result: handle.result,
    abort: () => handle.abort(),
  };
}
