import { StatesError, UNCATCHABLE_ERRORS } from '../definition/errors.js';

export { StatesError };

/**
 * A state's failure as the engine carries it: the ASL error name and cause, already
 * framed as AWS frames them, and whether Retry/Catch may see it. `terminal` is a property
 * of the failure, not of the name: an oversized task result is a catchable
 * States.DataLimitExceeded, an oversized state output is not (ASL-NOTES §10 #2).
 */
export class StateFailure extends StatesError {
  readonly terminal: boolean;
  /** Set when a missed heartbeat caused this States.Timeout (matched by States.HeartbeatTimeout). */
  readonly heartbeat: boolean;

  constructor(error: string, cause = '', options: { terminal?: boolean; heartbeat?: boolean } = {}) {
    // A failure is data about the workflow, not a bug in the engine: skip the costly stack capture.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(error, cause);
    Error.stackTraceLimit = limit;
    this.terminal = options.terminal ?? UNCATCHABLE_ERRORS.has(error);
    this.heartbeat = options.heartbeat ?? false;
  }
}

/** The `{ Error, Cause }` pair AWS records for anything a task handler throws (STYLE habit 6). */
export function toErrorOutput(thrown: unknown): { error: string; cause: string } {
  if (thrown instanceof StatesError) return { error: thrown.error, cause: thrown.cause };
  if (thrown instanceof Error) {
    return { error: thrown.name || 'Error', cause: thrown.message };
  }
  if (thrown !== null && typeof thrown === 'object') {
    const o = thrown as { name?: unknown; message?: unknown };
    const name = typeof o.name === 'string' && o.name ? o.name : 'Error';
    const message = typeof o.message === 'string' ? o.message : safeJson(thrown);
    return { error: name, cause: message };
  }
  return { error: 'Error', cause: thrown === undefined ? '' : String(thrown) };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return String(value);
  }
}

/** AWS's prefix for errors the service itself raises while running a state (ASL-NOTES §5.5). */
export function statePrefix(stateName: string, enteredEventId: number): string {
  return `An error occurred while executing the state '${stateName}' (entered at the event id #${enteredEventId}). `;
}

/**
 * Frames an error raised by the state's own processing (paths, templates, intrinsics,
 * JSONata, Wait values...). Failures already framed (handler errors, Fail states, a
 * branch's own error) pass through unchanged.
 */
export function frameStateError(thrown: unknown, stateName: string, enteredEventId: number): StateFailure {
  if (thrown instanceof StateFailure) return thrown;
  if (thrown instanceof StatesError) {
    return new StateFailure(thrown.error, statePrefix(stateName, enteredEventId) + thrown.cause);
  }
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return new StateFailure('States.Runtime', statePrefix(stateName, enteredEventId) + message);
}

/** Raised through signals when an execution is stopped from outside or by its own timeout. */
export class ExecutionStop extends Error {
  constructor(readonly status: 'ABORTED' | 'TIMED_OUT', readonly error?: string, readonly stopCause?: string) {
    super(status);
  }
}
