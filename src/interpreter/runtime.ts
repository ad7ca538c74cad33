/**
 * Shapes shared by the engine and the per-state modules: a compiled state, the running
 * execution and a thread (the execution's top level, one Parallel branch or one Map
 * iteration). Per-state code reads compiled data only; the engine owns effects.
 */
import type { QueryLanguage, StateType } from '../definition/types.js';
import type { ContextObject } from '../expressions/context.js';
import type { EvaluationEnv } from '../expressions/types.js';
import type { TaskTokens } from './callbacks.js';
import type { Clock } from './clock.js';
import type { ExecutionResult } from './engine.js';
import type { HistoryEvent, HistoryEventType, HistoryRecorder } from './history.js';

export interface TaskContext {
  stateName: string;
  resource: string;
  /** 0 on the first try, +1 per retry. */
  attempt: number;
  /**
   * How many times this state was invoked before in this execution (0 the first time),
   * counting retries, loops, Parallel branches and Map iterations alike: the response index
   * of Step Functions Local's mock files.
   */
  invocation: number;
  /** Set when the resource ends in `.waitForTaskToken` or `.sync` (AWS hands both a token). */
  taskToken?: string;
  /**
   * Aborted when the task times out, misses a heartbeat, or the execution stops. Under a
   * SimulatedClock, a handler that listens to it is taken to wait for the clock (time may
   * move on), so wait with `clock.sleep(ms, signal)`; other pending work holds time still.
   */
  signal: AbortSignal;
  /** The context object as `$$` sees it in this state. */
  context: unknown;
  /** Resets the HeartbeatSeconds timer. */
  heartbeat(): void;
}

export type TaskHandler = (input: unknown, context: TaskContext) => unknown;

export interface Limits {
  /** Payload quota in UTF-8 bytes (default 262,144). */
  maxPayloadBytes: number;
  /** History quota (default 25,000 for STANDARD, unlimited for EXPRESS). */
  maxHistoryEvents: number;
  /** Guard against runaway loops (default 1,000,000 state transitions). */
  maxTransitions: number;
  /** Inline Map concurrency when MaxConcurrency is 0 (default 40, as AWS). */
  maxInlineMapConcurrency: number;
}

export interface Execution {
  readonly clock: Clock;
  /** `clock.now`, bound once (JSONata's `$now()` and `$millis()`). */
  readonly now: () => number;
  readonly random: () => number;
  readonly handlers: Readonly<Record<string, TaskHandler>>;
  readonly history: HistoryRecorder;
  readonly limits: Limits;
  /** The context object's execution-wide part (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-contextobject.html). */
  readonly context: ContextObject;
  readonly region: string;
  /** The simulated clock's stuck bound, when the engine made the clock (for the cause). */
  readonly stuckAfterMs: number | undefined;
  transitions: number;
  /** Task invocations so far, by state name (TaskContext.invocation). */
  readonly invocations: Map<string, number>;
  /** UTF-8 bytes of the variables stored in live scopes (the 10 MiB quota). */
  variableBytes: number;
  /** Runs a sub-machine (Parallel branch, Map iteration) on a new thread. */
  runContainer(container: CompiledContainer, input: unknown, thread: Thread): Promise<unknown>;
  /** Task tokens of this execution and of the executions it started (callbacks, activities). */
  readonly tokens: TaskTokens;
  /** Whether `stateMachines` registers machines that startExecution tasks can start. */
  readonly startsExecutions: boolean;
  /**
   * Starts the registered machine `stateMachineArn` (by ARN or name) on this execution's
   * clock; fails with StepFunctions.StateMachineDoesNotExistException when none is registered.
   */
  startExecution(stateName: string, stateMachineArn: string, input: unknown, name: string | undefined): ChildExecution;
}

/** An execution started by a `states:startExecution` task (ExecutionResult.childExecutions). */
export interface ChildExecution {
  /** The parent's Task state that started it. */
  readonly stateName: string;
  readonly stateMachineArn: string;
  readonly executionArn: string;
  readonly name: string;
  readonly startDate: Date;
  /** The child's history, growing while it runs. */
  readonly history: readonly HistoryEvent[];
  /** Settles when the child ends (already settled for `.sync` tasks once they finished). */
  readonly result: Promise<ExecutionResult>;
  /** Stops the child (status ABORTED). */
  abort(): void;
}

export interface Thread {
  readonly exec: Execution;
  /** Variables visible to this thread; inner scopes inherit outer ones through the prototype. */
  readonly scope: Record<string, unknown>;
  readonly signal: AbortSignal;
  /** Where this thread records (a Distributed Map's child executions keep their own). */
  readonly history: HistoryRecorder;
  /** The id of this thread's last history event (AWS's previousEventId). */
  lastEventId: number;
  /** The entered event id of the running state (for AWS's error prefix). */
  enteredEventId: number;
  enteredTime: number;
  /** A Parallel branch: a state that fails or is cancelled in it is recorded as aborted. */
  readonly branch: boolean;
  /** Reused for every expression evaluation of this thread. */
  readonly env: EvaluationEnv & { context: unknown };
}

export interface CompiledState {
  readonly name: string;
  readonly type: StateType;
  readonly queryLanguage: QueryLanguage;
  readonly enteredType: HistoryEventType;
  /** Null for states that never exit normally (Fail). */
  readonly exitedType: HistoryEventType | null;
  /** Recorded when the state fails or is cancelled inside a Parallel branch; null where AWS has none. */
  readonly abortedType: HistoryEventType | null;
  /** Whether any expression of the state may read the context object. */
  readonly usesContext: boolean;
  readonly nextName: string | undefined;
  next: CompiledState | null;
  /** Other states this one may jump to (Choice rules, catchers), linked after compile. */
  readonly targets: Map<string, CompiledState | null>;
  /** One visit of the state: its step, or a thrown failure. The engine alone commits the step. */
  run(thread: Thread, input: unknown): Step | Promise<Step>;
}

/**
 * What one visit of a state decides: its output, where the container goes next and the
 * variables it assigns. A state returns it and the engine commits it (records the exit,
 * stores the variables, moves on), so a visit that fails commits nothing of its own.
 */
export interface Step {
  readonly output: unknown;
  /** The state to go to next, or null to end the container. */
  readonly next: CompiledState | null;
  /** The variables to store when the state exits; undefined when it assigns none. */
  readonly assigned: Record<string, unknown> | undefined;
}

export interface CompiledContainer {
  readonly start: CompiledState;
  readonly states: ReadonlyMap<string, CompiledState>;
  /** Whether any state inside assigns variables (else a run can share its parent's scope). */
  readonly assigns: boolean;
}

export interface CompileContext {
  readonly topLevelQueryLanguage: QueryLanguage;
  /** JSON pointer of the containing `States` object, without the state name. */
  readonly pointer: string;
  compileContainer(def: { StartAt: string; States: Record<string, unknown> }, pointer: string): CompiledContainer;
}

export type { HistoryEvent };

/** The 0-based invocation count of `key` (a state name) in this execution, counting this one. */
export function nextInvocation(exec: Execution, key: string): number {
  const invocation = exec.invocations.get(key) ?? 0;
  exec.invocations.set(key, invocation + 1);
  return invocation;
}

/** A version-4 UUID drawn from the injected random source (execution names, Map Run ids). */
export { uuidV4 as uuid } from '../expressions/intrinsics/random.js';
