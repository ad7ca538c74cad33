/**
 * Helpers every state module shares: history emission on a thread, the context object
 * for the running state, variable commits, and the Retry/Catch loop of Task, Parallel
 * and Map (decisions from retry-catch.ts; the sleep here is the only effect).
 */
import { setMaxListeners } from 'node:events';
import { StatesError } from '../../definition/errors.js';
import type { Catcher, QueryLanguage, Retrier } from '../../definition/types.js';
import { ExecutionStop, StateFailure, frameStateError } from '../errors.js';
import type { HistoryEvent, HistoryEventType } from '../history.js';
import { enterState, withMapItem, withTaskToken } from '../../expressions/context.js';
import type { ContextObject } from '../../expressions/context.js';
import { inputPath, optionalPath, optionalTemplate, resultPath } from '../io/expressions.js';
import type { CompiledPath } from '../io/expressions.js';
import { bindings, optionalJsonataTemplate } from '../io/jsonata.js';
import { compileRetrier, decideRetry, findCatcher } from '../retry-catch.js';
import type { CompiledRetrier } from '../retry-catch.js';
import type { CompiledState, Step, Thread } from '../runtime.js';

export function emit(t: Thread, type: HistoryEventType, key?: keyof HistoryEvent, details?: unknown): number {
  const history = t.history;
  if (history.full) {
    throw new StateFailure(
      'States.Runtime',
      `The execution history reached its limit of ${history.count} events.`,
      { terminal: true },
    );
  }
  const id = history.add(type, t.lastEventId, key, details);
  t.lastEventId = id;
  return id;
}

/**
 * A thread for a Parallel branch or Map iteration: `own`, a variable scope over the parent's;
 * `shared`, the parent's own when the sub-machine never assigns (reads only); `isolated`, an
 * empty scope (a Distributed Map's child workflows cannot read outer variables, https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html).
 */
export function childThread(
  parent: Thread,
  signal: AbortSignal,
  scoping: 'own' | 'shared' | 'isolated',
  history = parent.history,
  branch = false,
): Thread {
  const scope = scoping === 'shared'
    ? parent.scope
    : (Object.create(scoping === 'own' ? parent.scope : null) as Record<string, unknown>);
  return {
    exec: parent.exec,
    scope,
    signal,
    history,
    lastEventId: parent.lastEventId,
    enteredEventId: 0,
    enteredTime: 0,
    branch,
    env: { context: undefined, variables: scope, random: parent.exec.random },
  };
}

/**
 * An AbortController that also aborts when `parent` does; call `release()` when done. Its
 * signal is shared by every thread under a Parallel or Map, each in-flight task or timer of
 * which listens to it: up to the Map's concurrency at once, each removed as it ends. That is
 * no leak, so Node's warning past ten listeners is turned off for it (one controller per
 * iteration instead would cost microseconds per item).
 */
export function linkedController(parent: AbortSignal): { controller: AbortController; release(): void } {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  const forward = (): void => controller.abort(parent.reason);
  if (parent.aborted) forward();
  else parent.addEventListener('abort', forward, { once: true });
  return { controller, release: () => parent.removeEventListener('abort', forward) };
}

/**
 * Frames an error raised while running a state; a JSONata evaluation failure is also
 * recorded as an EvaluationFailed event, as AWS records it.
 */
export function failState(t: Thread, state: CompiledState, thrown: unknown): StateFailure {
  const failure = frameStateError(thrown, state.name, t.enteredEventId);
  if (thrown instanceof StatesError && !(thrown instanceof StateFailure) && thrown.error === 'States.QueryEvaluationError') {
    const location = /specified for the field '([^']*)'/.exec(thrown.cause)?.[1];
    const details: Record<string, string> = { error: failure.error, cause: failure.cause, state: state.name };
    if (location !== undefined) details['location'] = location;
    emit(t, 'EvaluationFailed', 'evaluationFailedEventDetails', details);
  }
  return failure;
}

export interface ContextExtras {
  retryCount?: number;
  taskToken?: string;
  mapItem?: { index: number; value: unknown; key?: string; source?: string };
}

/** The context object (`$$`) as the running state sees it (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-contextobject.html). */
export function stateContext(t: Thread, stateName: string, extras?: ContextExtras): ContextObject {
  let context = enterState(t.exec.context, {
    name: stateName,
    enteredTime: t.enteredTime,
    ...(extras?.retryCount !== undefined ? { retryCount: extras.retryCount } : {}),
  });
  if (extras?.taskToken !== undefined) context = withTaskToken(context, extras.taskToken);
  if (extras?.mapItem !== undefined) context = withMapItem(context, extras.mapItem);
  return context;
}

/** Points the thread's env at this state's context object when the state can read it. */
export function prepareEnv(t: Thread, state: CompiledState, extras?: ContextExtras): void {
  if (state.usesContext) t.env.context = stateContext(t, state.name, extras);
}

/**
 * Whether a piece of a definition may read the context object: a string in it (a key or a
 * value) that holds `$$`, or `$states` other than `$states.input`, `.result` and `.errorOutput`.
 * A walk, not a search of its JSON text: this runs once per state of every compile.
 */
export function readsContext(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('$') && (value.includes('$$') || CONTEXT_READ.test(value));
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (readsContext(item)) return true;
    return false;
  }
  for (const key in value) {
    if (Object.hasOwn(value, key) && (readsContext(key) || readsContext((value as Record<string, unknown>)[key]))) return true;
  }
  return false;
}

const CONTEXT_READ = /\$states(?!\.(?:input|result|errorOutput)\b)/;

export interface CompiledCatcher {
  errorEquals: readonly string[];
  nextName: string;
  /** The state's step when this catcher takes over: its output, its Next and its own Assign only. */
  apply(t: Thread, state: CompiledState, raw: unknown, errorOutput: { Error: string; Cause: string }): Step | Promise<Step>;
}

function compileCatchers(
  catchers: readonly Catcher[] | undefined,
  pointer: string,
  queryLanguage: QueryLanguage,
): CompiledCatcher[] {
  return (catchers ?? []).map((c, i): CompiledCatcher => {
    const at = `${pointer}/Catch/${i}`;
    if (queryLanguage === 'JSONata') {
      const assign = optionalJsonataTemplate(c.Assign, 'Assign', `${at}/Assign`);
      const output = optionalJsonataTemplate(c.Output, 'Output', `${at}/Output`);
      return {
        errorEquals: c.ErrorEquals,
        nextName: c.Next,
        async apply(t, state, raw, errorOutput) {
          prepareEnv(t, state);
          const b = bindings(t, raw, { errorOutput });
          const assigned = assign !== undefined ? ((await assign.evaluate(b)) as Record<string, unknown>) : undefined;
          const next = state.targets.get(c.Next) ?? null;
          return { output: output === undefined ? errorOutput : await output.evaluate(b), next, assigned };
        },
      };
    }
    const resultAt = optionalPath(c.ResultPath, 'ReferencePath', `${at}/ResultPath`);
    const assign = optionalTemplate(c.Assign, 'Assign', `${at}/Assign`);
    return {
      errorEquals: c.ErrorEquals,
      nextName: c.Next,
      apply(t, state, raw, errorOutput) {
        prepareEnv(t, state);
        const assigned = assign !== undefined ? (assign.evaluate(errorOutput, t.env) as Record<string, unknown>) : undefined;
        return { output: resultPath(resultAt, raw, errorOutput), next: state.targets.get(c.Next) ?? null, assigned };
      },
    };
  });
}

function compileRetriers(retriers: readonly Retrier[] | undefined): CompiledRetrier[] {
  return (retriers ?? []).map(compileRetrier);
}

/**
 * A Task, Parallel or Map: its catchers (linked as jump targets), retriers, and a run() that
 * repeats `attempt` under Retry and Catch. `base` (fresh from baseFields) becomes the state.
 */
export function compileRetryingState(
  base: Omit<CompiledState, 'run'>,
  def: { Retry?: readonly Retrier[]; Catch?: readonly Catcher[] },
  at: string,
  failedType: HistoryEventType | null,
  attempt: (t: Thread, raw: unknown, retryCount: number) => Promise<Step>,
): RetryingState {
  const catchers = compileCatchers(def.Catch, at, base.queryLanguage);
  for (const c of catchers) base.targets.set(c.nextName, null);
  const state: RetryingState = Object.assign(base, {
    retriers: compileRetriers(def.Retry),
    catchers,
    failedType,
    // A method, not an arrow: under tsx (keepNames) a named arrow costs a defineProperty per state.
    run(t: Thread, raw: unknown): Promise<Step> {
      return withRetryAndCatch(t, state, raw, (retryCount) => attempt(t, raw, retryCount));
    },
  });
  return state;
}

export interface RetryingState extends CompiledState {
  readonly retriers: readonly CompiledRetrier[];
  readonly catchers: readonly CompiledCatcher[];
  /** Emitted once retries are over and the state has failed (ParallelStateFailed, MapStateFailed). */
  readonly failedType: HistoryEventType | null;
}

/**
 * Runs one visit of a Task, Parallel or Map: attempts, retries on the clock, and on final
 * failure either the first matching catcher (bypassing the state's own output processing,
 * https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html) or the failure itself.
 */
export async function withRetryAndCatch(
  t: Thread,
  state: RetryingState,
  raw: unknown,
  attempt: (retryCount: number) => Promise<Step>,
): Promise<Step> {
  const counters = state.retriers.length > 0 ? new Array<number>(state.retriers.length).fill(0) : [];
  let retryCount = 0;
  for (;;) {
    let failure: StateFailure;
    try {
      return await attempt(retryCount);
    } catch (thrown) {
      if (t.signal.aborted || thrown instanceof ExecutionStop) throw t.signal.aborted ? t.signal.reason : thrown;
      failure = failState(t, state, thrown);
    }
    if (failure.terminal) throw failure;
    const decision = decideRetry(state.retriers, counters, failure, t.exec.random);
    if (decision.retry) {
      counters[decision.retrier]!++;
      retryCount++;
      await t.exec.clock.sleep(decision.delayMs, t.signal);
      continue;
    }
    if (state.failedType) emit(t, state.failedType, undefined, undefined);
    const index = findCatcher(state.catchers, failure);
    if (index < 0) throw failure;
    const catcher = state.catchers[index]!;
    const errorOutput = { Error: failure.error, Cause: failure.cause };
    try {
      return await catcher.apply(t, state, raw, errorOutput);
    } catch (thrown) {
      throw failState(t, state, thrown);
    }
  }
}

function shown(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A `…Path` numeric field's value (numbers and numeric strings), or AWS's States.Runtime. */
export function numberAt(
  path: CompiledPath,
  input: unknown,
  t: Thread,
  field: string,
  kind: 'integer' | 'float',
): number {
  const value = inputPath(path, input, t.env);
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n) || (kind === 'integer' && !Number.isInteger(n))) {
    throw new StatesError(
      'States.Runtime',
      `The ${field} field refers to value "${shown(value)}" which is not a valid ${kind}: ${path.text}`,
    );
  }
  return n;
}
