import { escapePointerToken } from '../../definition/diagnostic.js';
import type { QueryLanguage, State, StateType } from '../../definition/types.js';
import type { HistoryEventType } from '../history.js';
import type { CompileContext, CompiledState } from '../runtime.js';
import { readsContext } from './common.js';

/** Entered, exited, and aborted (recorded for a state stopped inside a Parallel branch). */
const EVENTS: Record<StateType, [HistoryEventType, HistoryEventType | null, HistoryEventType | null]> = {
  Pass: ['PassStateEntered', 'PassStateExited', null],
  Task: ['TaskStateEntered', 'TaskStateExited', 'TaskStateAborted'],
  Choice: ['ChoiceStateEntered', 'ChoiceStateExited', null],
  Wait: ['WaitStateEntered', 'WaitStateExited', 'WaitStateAborted'],
  Succeed: ['SucceedStateEntered', 'SucceedStateExited', null],
  Fail: ['FailStateEntered', null, null],
  Parallel: ['ParallelStateEntered', 'ParallelStateExited', 'ParallelStateAborted'],
  Map: ['MapStateEntered', 'MapStateExited', 'MapStateAborted'],
};

/** Effective query language: the state's own, else the top level's, never an enclosing state's (https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html). */
export function queryLanguageOf(def: State, cc: CompileContext): QueryLanguage {
  return def.QueryLanguage ?? cc.topLevelQueryLanguage;
}

/**
 * The fields every compiled state has, in a fresh object. `contextProbe` is the part of the
 * definition that may read `$$`. Callers add their own with Object.assign, not a spread:
 * on Node 20 `{ ...base, run }` costs microseconds per state, Object.assign about 0.1.
 */
export function baseFields(
  name: string,
  def: State,
  cc: CompileContext,
  contextProbe: unknown = def,
): Omit<CompiledState, 'run'> {
  const [enteredType, exitedType, abortedType] = EVENTS[def.Type];
  const nextName = 'Next' in def ? (def.Next as string | undefined) : undefined;
  return {
    name,
    type: def.Type,
    queryLanguage: queryLanguageOf(def, cc),
    enteredType,
    exitedType,
    abortedType,
    usesContext: readsContext(contextProbe),
    nextName,
    next: null,
    targets: new Map(),
  };
}

export function pointerOf(cc: CompileContext, name: string): string {
  return `${cc.pointer}/${escapePointerToken(name)}`;
}
