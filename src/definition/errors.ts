/**
 * An error raised while a state machine runs, named as ASL names it
 * (`States.Runtime`, `States.TaskFailed`, a task's own error name, ...).
 * `cause` is the text AWS would put in the execution's cause.
 * Defined at the lowest layer because expressions raise them too.
 */
export class StatesError extends Error {
  override readonly name = 'StatesError';
  readonly error: string;
  override readonly cause: string;

  constructor(error: string, cause = '') {
    super(cause ? `${error}: ${cause}` : error);
    this.error = error;
    this.cause = cause;
  }

  static is(value: unknown): value is StatesError {
    return value instanceof StatesError;
  }
}

/** Errors that neither Retry nor Catch may match (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html). */
export const UNCATCHABLE_ERRORS: ReadonlySet<string> = new Set(['States.Runtime', 'States.DataLimitExceeded']);
