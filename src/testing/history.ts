/**
 * Reading an execution's history as a test asks about it: the states visited, the event
 * types, and each task call of a state with its outcome. Events are tied to their state by
 * AWS's previousEventId chain (a TaskScheduled points at its TaskStateEntered, a retried
 * one at the failure before it), which stays right inside Parallel branches and Map
 * iterations where events of several states interleave.
 */
import type { HistoryEvent, HistoryEventType } from '../interpreter/history.js';

/** An ExecutionResult, or anything else carrying its history (an ExecutionHandle), or the events. */
export type HistorySource = { readonly history: readonly HistoryEvent[] } | readonly HistoryEvent[];

export function eventsOf(source: HistorySource): readonly HistoryEvent[] {
  return Array.isArray(source) ? source : (source as { history: readonly HistoryEvent[] }).history;
}

/** The name of every state entered, in the order entered (Parallel branches and Map iterations included). */
export function visitedStates(source: HistorySource): string[] {
  const names: string[] = [];
  for (const event of eventsOf(source)) {
    const name = event.stateEnteredEventDetails?.name;
    if (name !== undefined) names.push(name);
  }
  return names;
}

/** Every event's type, in order. */
export function historyTypes(source: HistorySource): HistoryEventType[] {
  return eventsOf(source).map((event) => event.type);
}

/** One call of a state's task (one attempt) as the history records it. */
export interface TaskCall {
  /** What was sent: TaskScheduled `parameters`, or the Lambda/activity `input`. */
  input: unknown;
  /** 0 for the first attempt of an entry into the state, +1 per retry. */
  attempt: number;
  status: 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'PENDING';
  output?: unknown;
  error?: string;
  cause?: string;
}

const SCHEDULED = new Set<HistoryEventType>(['TaskScheduled', 'LambdaFunctionScheduled', 'ActivityScheduled']);
const SUCCEEDED = new Set<HistoryEventType>(['TaskSucceeded', 'LambdaFunctionSucceeded', 'ActivitySucceeded']);
const FAILED = new Set<HistoryEventType>(['TaskFailed', 'LambdaFunctionFailed', 'ActivityFailed']);
const TIMED_OUT = new Set<HistoryEventType>(['TaskTimedOut', 'LambdaFunctionTimedOut', 'ActivityTimedOut']);

/** The outcome events of a task attempt (failures include timeouts). */
export function isTaskFailure(type: HistoryEventType): boolean {
  return FAILED.has(type) || TIMED_OUT.has(type);
}

/** The `…EventDetails` object of an event, whichever it is. */
export function detailsOf(event: HistoryEvent): Record<string, unknown> | undefined {
  for (const key of Object.keys(event)) {
    if (key.endsWith('EventDetails')) return (event as unknown as Record<string, Record<string, unknown>>)[key];
  }
  return undefined;
}

/** Ties each event to the state it belongs to (undefined for execution-level events). */
export class HistoryIndex {
  readonly events: readonly HistoryEvent[];
  private readonly byId = new Map<number, HistoryEvent>();
  private readonly states = new Map<number, string | undefined>();

  constructor(source: HistorySource) {
    this.events = eventsOf(source);
    for (const event of this.events) this.byId.set(event.id, event);
  }

  previous(event: HistoryEvent): HistoryEvent | undefined {
    return this.byId.get(event.previousEventId);
  }

  stateOf(event: HistoryEvent): string | undefined {
    if (this.states.has(event.id)) return this.states.get(event.id);
    const chain: HistoryEvent[] = [];
    let at: HistoryEvent | undefined = event;
    let name: string | undefined;
    while (at !== undefined) {
      if (this.states.has(at.id)) {
        name = this.states.get(at.id);
        break;
      }
      const named = at.stateEnteredEventDetails?.name ?? at.stateExitedEventDetails?.name;
      if (named !== undefined) {
        name = named;
        break;
      }
      chain.push(at);
      at = at.previousEventId === 0 ? undefined : this.previous(at);
    }
    if (at !== undefined) this.states.set(at.id, name);
    for (const visited of chain) this.states.set(visited.id, name);
    return name;
  }

  /** The task attempts of a state, in the order they were scheduled. */
  taskCalls(state: string): TaskCall[] {
    const calls = new Map<number, TaskCall>();
    for (const event of this.events) {
      if (SCHEDULED.has(event.type) && this.stateOf(event) === state) {
        const details = detailsOf(event) ?? {};
        const before = this.previous(event);
        const retryOf = before !== undefined && isTaskFailure(before.type) ? this.scheduledOf(before) : undefined;
        const attempt = retryOf !== undefined ? (calls.get(retryOf.id)?.attempt ?? 0) + 1 : 0;
        calls.set(event.id, { input: 'parameters' in details ? details['parameters'] : details['input'], attempt, status: 'PENDING' });
        continue;
      }
      const status = SUCCEEDED.has(event.type) ? 'SUCCEEDED' : FAILED.has(event.type) ? 'FAILED' : TIMED_OUT.has(event.type) ? 'TIMED_OUT' : undefined;
      if (status === undefined) continue;
      const scheduled = this.scheduledOf(event);
      const call = scheduled !== undefined ? calls.get(scheduled.id) : undefined;
      if (call === undefined) continue;
      const details = detailsOf(event) ?? {};
      call.status = status;
      if (status === 'SUCCEEDED') call.output = details['output'];
      if (typeof details['error'] === 'string') call.error = details['error'];
      if (typeof details['cause'] === 'string') call.cause = details['cause'];
    }
    return [...calls.values()];
  }

  /** The TaskScheduled (or Lambda/activity equivalent) an outcome event answers. */
  private scheduledOf(event: HistoryEvent): HistoryEvent | undefined {
    let at = this.previous(event);
    while (at !== undefined && !SCHEDULED.has(at.type)) {
      if (at.stateEnteredEventDetails !== undefined) return undefined;
      at = this.previous(at);
    }
    return at;
  }

  /** How many times the state's tasks were retried: attempts scheduled right after a failure. */
  retries(state: string): number {
    return this.taskCalls(state).filter((call) => call.attempt > 0).length;
  }

  /**
   * The errors a catcher of the state took over: a StateExited of the state right after one
   * of its failures (a Task's TaskFailed, a Parallel's or Map's …StateFailed).
   */
  caught(state: string): { error?: string; cause?: string }[] {
    const caught: { error?: string; cause?: string }[] = [];
    for (const event of this.events) {
      if (event.stateExitedEventDetails?.name !== state) continue;
      const before = this.previous(event);
      if (before === undefined) continue;
      if (isTaskFailure(before.type) || before.type === 'ParallelStateFailed' || before.type === 'MapStateFailed' || before.type === 'MapRunFailed') {
        const details = detailsOf(before) ?? {};
        const out: { error?: string; cause?: string } = {};
        const error = details['error'] ?? caughtOutput(event)?.Error;
        const cause = details['cause'] ?? caughtOutput(event)?.Cause;
        if (typeof error === 'string') out.error = error;
        if (typeof cause === 'string') out.cause = cause;
        caught.push(out);
      }
    }
    return caught;
  }
}

/** A catcher's output with the error at its root (no ResultPath), when it is one. */
function caughtOutput(event: HistoryEvent): { Error?: unknown; Cause?: unknown } | undefined {
  const output = event.stateExitedEventDetails?.output;
  return output !== null && typeof output === 'object' && 'Error' in output ? (output as { Error?: unknown; Cause?: unknown }) : undefined;
}

/** The task attempts of one state: what each was sent and how it ended. */
export function taskCalls(source: HistorySource, state: string): TaskCall[] {
  return new HistoryIndex(source).taskCalls(state);
}
