import { StatesError, UNCATCHABLE_ERRORS } from '../definition/errors.js';

export { StatesError };

/**
 * A state's failure as the engine carries it: the ASL error name and cause, already
 * framed as AWS frames them, and whether Retry/Catch may see it. `terminal` is a property
 * of the failure, not of the name: an oversized task result is a catchable
 * States.DataLimitExceeded, an oversized state output is not (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html).
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

/**
 * The `{ Error, Cause }` pair AWS records for anything a task handler throws.
 * Total: a thrown value is user code's, so any read of it may throw (a getter, a Proxy trap)
 * or give something that is not a string (a Symbol name); each read falls back on its own.
 */
export function toErrorOutput(thrown: unknown): { error: string; cause: string } {
  try {
    if (isInstance(thrown, StatesError)) return { error: textOr(thrown.error, 'Error'), cause: textOr(thrown.cause, '') };
    if (thrown !== null && typeof thrown === 'object') {
      const error = textOr(read(thrown, 'name'), 'Error') || 'Error';
      const message = read(thrown, 'message');
      if (typeof message === 'string') return { error, cause: message };
      return { error, cause: thrown instanceof Error ? '' : safeJson(thrown) };
    }
    if (thrown === undefined) return { error: 'Error', cause: '' };
    return { error: 'Error', cause: typeof thrown === 'symbol' ? thrown.toString() : String(thrown) };
  } catch {
    return { error: 'Error', cause: UNREADABLE };
  }
}

/** `instanceof` that a Proxy's getPrototypeOf trap cannot make throw. */
export function isInstance<T>(value: unknown, type: abstract new (...args: never[]) => T): value is T {
  try {
    return value instanceof type;
  } catch {
    return false;
  }
}

const UNREADABLE = 'The task handler threw a value that cannot be read.';

function read(value: object, key: string): unknown {
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

function textOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? UNREADABLE;
  } catch {
    return UNREADABLE;
  }
}

/** AWS's prefix for errors the service itself raises while running a state (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html). */
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
