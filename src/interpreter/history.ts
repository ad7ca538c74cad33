/**
 * Execution history in the shape of AWS's GetExecutionHistory: a closed
 * union of AWS's own event names. Detail objects carry JSON *values* for input/output
 * (AWS sends JSON text; values are cheaper to build and easier to assert on).
 */

export type HistoryEventType =
  | 'ExecutionStarted' | 'ExecutionSucceeded' | 'ExecutionFailed' | 'ExecutionTimedOut' | 'ExecutionAborted'
  | 'PassStateEntered' | 'PassStateExited'
  | 'TaskStateEntered' | 'TaskStateExited' | 'TaskStateAborted'
  | 'TaskScheduled' | 'TaskStarted' | 'TaskSubmitted' | 'TaskSucceeded' | 'TaskFailed' | 'TaskTimedOut'
  | 'LambdaFunctionScheduled' | 'LambdaFunctionStarted' | 'LambdaFunctionSucceeded' | 'LambdaFunctionFailed'
  | 'LambdaFunctionTimedOut'
  | 'ActivityScheduled' | 'ActivityStarted' | 'ActivitySucceeded' | 'ActivityFailed' | 'ActivityTimedOut'
  | 'ChoiceStateEntered' | 'ChoiceStateExited'
  | 'WaitStateEntered' | 'WaitStateExited' | 'WaitStateAborted'
  | 'SucceedStateEntered' | 'SucceedStateExited'
  | 'FailStateEntered'
  | 'ParallelStateEntered' | 'ParallelStateStarted' | 'ParallelStateSucceeded' | 'ParallelStateFailed'
  | 'ParallelStateAborted' | 'ParallelStateExited'
  | 'MapStateEntered' | 'MapStateStarted' | 'MapStateSucceeded' | 'MapStateFailed' | 'MapStateAborted'
  | 'MapStateExited'
  | 'MapRunStarted' | 'MapRunSucceeded' | 'MapRunFailed'
  | 'MapIterationStarted' | 'MapIterationSucceeded' | 'MapIterationFailed' | 'MapIterationAborted'
  | 'EvaluationFailed';

export interface StateEnteredEventDetails { name: string; input: unknown }
export interface StateExitedEventDetails {
  name: string;
  output: unknown;
  assignedVariables?: Record<string, string>;
  assignedVariablesDetails?: { truncated: boolean };
}
export interface ErrorEventDetails { error?: string; cause?: string }

/** One history event. Exactly one `…EventDetails` field is set, named as AWS names it. */
export interface HistoryEvent {
  id: number;
  previousEventId: number;
  timestamp: Date;
  type: HistoryEventType;
  executionStartedEventDetails?: { input: unknown; roleArn: string };
  executionSucceededEventDetails?: { output: unknown };
  executionFailedEventDetails?: ErrorEventDetails;
  executionTimedOutEventDetails?: ErrorEventDetails;
  executionAbortedEventDetails?: ErrorEventDetails;
  stateEnteredEventDetails?: StateEnteredEventDetails;
  stateExitedEventDetails?: StateExitedEventDetails;
  taskScheduledEventDetails?: {
    resourceType: string; resource: string; region: string; parameters: unknown;
    timeoutInSeconds?: number; heartbeatInSeconds?: number;
  };
  taskStartedEventDetails?: { resourceType: string; resource: string };
  taskSubmittedEventDetails?: { resourceType: string; resource: string };
  taskSucceededEventDetails?: { resourceType: string; resource: string; output: unknown };
  taskFailedEventDetails?: { resourceType: string; resource: string } & ErrorEventDetails;
  taskTimedOutEventDetails?: { resourceType: string; resource: string } & ErrorEventDetails;
  lambdaFunctionScheduledEventDetails?: { resource: string; input: unknown; timeoutInSeconds?: number };
  lambdaFunctionSucceededEventDetails?: { output: unknown };
  lambdaFunctionFailedEventDetails?: ErrorEventDetails;
  lambdaFunctionTimedOutEventDetails?: ErrorEventDetails;
  activityScheduledEventDetails?: { resource: string; input: unknown; timeoutInSeconds?: number; heartbeatInSeconds?: number };
  activityStartedEventDetails?: { workerName?: string };
  activitySucceededEventDetails?: { output: unknown };
  activityFailedEventDetails?: ErrorEventDetails;
  activityTimedOutEventDetails?: ErrorEventDetails;
  mapStateStartedEventDetails?: { length: number };
  mapRunStartedEventDetails?: { mapRunArn: string };
  mapIterationStartedEventDetails?: { name: string; index: number };
  mapIterationSucceededEventDetails?: { name: string; index: number };
  mapIterationFailedEventDetails?: { name: string; index: number };
  mapIterationAbortedEventDetails?: { name: string; index: number };
  evaluationFailedEventDetails?: { error: string; cause: string; location?: string; state: string };
}

/**
 * A recorded event. The timestamp is kept as epoch milliseconds and turned into a Date
 * on read, so a long history does not hold one Date object per event.
 */
class RecordedEvent {
  constructor(
    readonly id: number,
    readonly previousEventId: number,
    readonly type: HistoryEventType,
    private readonly time: number,
  ) {}

  get timestamp(): Date {
    return new Date(this.time);
  }

  toJSON(): Record<string, unknown> {
    const { time: _time, ...rest } = this as unknown as Record<string, unknown>;
    return { ...rest, timestamp: this.timestamp };
  }
}

/** Builds a history, numbering events and applying the 25,000-event quota. */
export class HistoryRecorder {
  readonly events: HistoryEvent[] = [];
  private lastId = 0;

  constructor(
    private readonly now: () => number,
    private readonly maxEvents: number,
    private readonly record: boolean,
    private readonly inspect: ((event: HistoryEvent) => void) | undefined,
  ) {}

  get count(): number {
    return this.lastId;
  }

  /** Whether one more event would exceed the quota. */
  get full(): boolean {
    return this.lastId >= this.maxEvents;
  }

  add(type: HistoryEventType, previousEventId: number, detailsKey: keyof HistoryEvent | undefined, details: unknown): number {
    const id = ++this.lastId;
    if (!this.record && !this.inspect) return id;
    const event = new RecordedEvent(id, previousEventId, type, this.now()) as unknown as HistoryEvent;
    if (detailsKey) (event as unknown as Record<string, unknown>)[detailsKey] = details;
    if (this.record) this.events.push(event);
    this.inspect?.(event);
    return id;
  }
}
