import type { QueryLanguage, State, StateType } from '../../definition/types.js';
import type { HistoryEventType } from '../history.js';
import type { CompileContext, CompiledState } from '../runtime.js';
import { readsContext } from './common.js';

const EVENTS: Record<StateType, [HistoryEventType, HistoryEventType | null]> = {
  Pass: ['PassStateEntered', 'PassStateExited'],
  Task: ['TaskStateEntered', 'TaskStateExited'],
  Choice: ['ChoiceStateEntered', 'ChoiceStateExited'],
  Wait: ['WaitStateEntered', 'WaitStateExited'],
  Succeed: ['SucceedStateEntered', 'SucceedStateExited'],
  Fail: ['FailStateEntered', null],
  Parallel: ['ParallelStateEntered', 'ParallelStateExited'],
  Map: ['MapStateEntered', 'MapStateExited'],
};

/** Effective query language: the state's own, else the top level's, never an enclosing state's (§13.9). */
export function queryLanguageOf(def: State, cc: CompileContext): QueryLanguage {
  return def.QueryLanguage ?? cc.topLevelQueryLanguage;
}

/** The fields every compiled state has. `contextProbe` is the part of the definition that may read `$$`. */
export function baseFields(
  name: string,
  def: State,
  cc: CompileContext,
  contextProbe: unknown = def,
): Omit<CompiledState, 'run'> {
  const [enteredType, exitedType] = EVENTS[def.Type];
  const nextName = 'Next' in def ? (def.Next as string | undefined) : undefined;
  return {
    name,
    type: def.Type,
    queryLanguage: queryLanguageOf(def, cc),
    enteredType,
    exitedType,
    usesContext: readsContext(contextProbe),
    nextName,
    next: null,
    targets: new Map(),
  };
}

export function pointerOf(cc: CompileContext, name: string): string {
  return `${cc.pointer}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}
