import { isObject, type WalkedState } from '../definition/walk.js';

/** Predefined error names (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html). */
export const PREDEFINED_ERRORS: ReadonlySet<string> = new Set([
  'States.ALL',
  'States.Timeout',
  'States.HeartbeatTimeout',
  'States.TaskFailed',
  'States.Permissions',
  'States.ResultPathMatchFailure',
  'States.ParameterPathFailure',
  'States.BranchFailed',
  'States.NoChoiceMatched',
  'States.IntrinsicFailure',
  'States.ExceedToleratedFailureThreshold',
  'States.ItemReaderFailed',
  'States.ResultWriterFailed',
  'States.QueryEvaluationError',
  'States.DataLimitExceeded',
  'States.Runtime',
]);

export interface ErrorHandler {
  field: 'Retry' | 'Catch';
  index: number;
  /** The retrier or catcher object. */
  entry: Readonly<Record<string, unknown>>;
  pointer: string;
  /** The string entries of ErrorEquals, when ErrorEquals is an array. */
  errorEquals: string[] | undefined;
}

/** The retriers and then the catchers of a state, skipping entries that are not objects. */
export function errorHandlers(walked: WalkedState, field: 'Retry' | 'Catch'): ErrorHandler[] {
  const list = walked.state[field];
  if (!Array.isArray(list)) return [];
  const out: ErrorHandler[] = [];
  list.forEach((entry: unknown, index) => {
    if (!isObject(entry)) return;
    const names = entry['ErrorEquals'];
    out.push({
      field,
      index,
      entry,
      // Neither token needs escaping: no joinPointer (regexes) for every handler of every lint.
      pointer: `${walked.pointer}/${field}/${index}`,
      errorEquals: Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : undefined,
    });
  });
  return out;
}

/** One name in an ErrorEquals, with its own pointer (…/Retry/0/ErrorEquals/1). */
export interface ErrorName {
  name: string;
  pointer: string;
}

/** Every string in the ErrorEquals of a state's retriers and then of its catchers, in document order. */
export function errorNames(walked: WalkedState): ErrorName[] {
  const out: ErrorName[] = [];
  for (const field of ['Retry', 'Catch'] as const) {
    for (const handler of errorHandlers(walked, field)) {
      const list = handler.entry['ErrorEquals'];
      if (!Array.isArray(list)) continue;
      list.forEach((name: unknown, i) => {
        if (typeof name === 'string') out.push({ name, pointer: `${handler.pointer}/ErrorEquals/${i}` });
      });
    }
  }
  return out;
}
