import { StatesError } from '../../definition/errors.js';
import type { MapState } from '../../definition/types.js';
import { StateFailure } from '../errors.js';
import { HistoryRecorder } from '../history.js';
import {
  inputPath,
  optionalPath,
  optionalTemplate,
  outputPath,
  requiredPath,
  resultPath,
} from '../io/expressions.js';
import type { CompiledPath } from '../io/expressions.js';
import type { CompileContext, CompiledContainer, Thread } from '../runtime.js';
import { baseFields, pointerOf } from './base.js';
import {
  childThread,
  compileCatchers,
  compileRetriers,
  emit,
  linkedController,
  prepareEnv,
  stateContext,
  withRetryAndCatch,
} from './common.js';
import type { RetryingState } from './common.js';
import { BranchCancelled } from './parallel.js';

function shown(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** `…Path` numeric fields accept numbers and numeric strings (ASL-NOTES §6.4). */
function numberAt(
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

interface Tolerance {
  count: number | undefined;
  percentage: number | undefined;
}

/**
 * Map (ASL-NOTES §6.2-6.5): items from ItemsPath (arrays, and JSON objects as AWS now
 * allows), ItemSelector per item with `$$.Map.Item`, iterations under a real concurrency
 * limit, results in item order. Inline: the first failing iteration fails the Map with its
 * own error and stops the others. Distributed: child runs keep their own history and
 * failures count against the tolerated thresholds.
 */
export function compileMap(name: string, def: MapState, cc: CompileContext): RetryingState {
  const at = pointerOf(cc, name);
  const input = optionalPath(def.InputPath, 'Path', `${at}/InputPath`);
  const itemsPath = optionalPath(def.ItemsPath, 'ReferencePath', `${at}/ItemsPath`);
  const selectorDef = def.ItemSelector ?? def.Parameters;
  const itemSelector = optionalTemplate(selectorDef, def.ItemSelector !== undefined ? 'ItemSelector' : 'Parameters', `${at}/${def.ItemSelector !== undefined ? 'ItemSelector' : 'Parameters'}`);
  const selector = optionalTemplate(def.ResultSelector, 'ResultSelector', `${at}/ResultSelector`);
  const resultAt = optionalPath(def.ResultPath, 'ReferencePath', `${at}/ResultPath`);
  const output = optionalPath(def.OutputPath, 'Path', `${at}/OutputPath`);
  const assign = optionalTemplate(def.Assign, 'Assign', `${at}/Assign`);
  const processorDef = def.ItemProcessor ?? def.Iterator;
  const processorKey = def.ItemProcessor ? 'ItemProcessor' : 'Iterator';
  const processor: CompiledContainer = cc.compileContainer(
    processorDef as unknown as { StartAt: string; States: Record<string, unknown> },
    `${at}/${processorKey}/States`,
  );
  const distributed = processorDef?.ProcessorConfig?.Mode === 'DISTRIBUTED';
  const maxConcurrencyPath = def.MaxConcurrencyPath !== undefined
    ? requiredPath(def.MaxConcurrencyPath, 'ReferencePath', `${at}/MaxConcurrencyPath`) : undefined;
  const countPath = def.ToleratedFailureCountPath !== undefined
    ? requiredPath(def.ToleratedFailureCountPath, 'ReferencePath', `${at}/ToleratedFailureCountPath`) : undefined;
  const percentagePath = def.ToleratedFailurePercentagePath !== undefined
    ? requiredPath(def.ToleratedFailurePercentagePath, 'ReferencePath', `${at}/ToleratedFailurePercentagePath`) : undefined;
  const catchers = compileCatchers(def.Catch, at);
  const { ItemProcessor: _p, Iterator: _i, ...own } = def;
  const base = baseFields(name, def, cc, own);
  for (const c of catchers) base.targets.set(c.nextName, null);
  const selectorReadsContext = selectorDef !== undefined;

  function tolerance(effective: unknown, t: Thread): Tolerance {
    let count = typeof def.ToleratedFailureCount === 'number' ? def.ToleratedFailureCount : undefined;
    let percentage = typeof def.ToleratedFailurePercentage === 'number' ? def.ToleratedFailurePercentage : undefined;
    if (countPath) {
      count = numberAt(countPath, effective, t, 'ToleratedFailureCountPath', 'integer');
      if (count < 0) throw new StatesError('States.Runtime', 'ToleratedFailureCount cannot be negative.');
    }
    if (percentagePath) {
      percentage = numberAt(percentagePath, effective, t, 'ToleratedFailurePercentagePath', 'float');
      if (percentage < 0 || percentage > 100) {
        throw new StatesError('States.Runtime', 'ToleratedFailurePercentage must be between 0 and 100.');
      }
    }
    return { count, percentage };
  }

  async function attempt(t: Thread, raw: unknown, retryCount: number): Promise<unknown> {
    prepareEnv(t, state, { retryCount });
    const env = t.env;
    const effective = inputPath(input, raw, env);
    const collection = itemsPath === undefined ? effective : inputPath(itemsPath, effective, env);
    let values: unknown[];
    let keys: string[] | undefined;
    if (Array.isArray(collection)) values = collection;
    else if (collection !== null && typeof collection === 'object') {
      keys = Object.keys(collection);
      values = Object.values(collection);
    } else {
      throw new StatesError(
        'States.Runtime',
        `Map state input must be an array or an object, but was: ${JSON.stringify(collection)}`,
      );
    }
    let limit = typeof def.MaxConcurrency === 'number' ? def.MaxConcurrency : 0;
    if (maxConcurrencyPath) {
      limit = numberAt(maxConcurrencyPath, effective, t, 'MaxConcurrencyPath', 'integer');
      if (limit < 0) throw new StatesError('States.Runtime', `The MaxConcurrencyPath field refers to value "${limit}" which is not a valid integer: ${maxConcurrencyPath.text}`);
    }
    if (limit === 0) limit = distributed ? 10_000 : t.exec.limits.maxInlineMapConcurrency;

    // Items are selected up front, in order, as AWS evaluates ItemSelector before the iterations.
    const inputs = new Array<unknown>(values.length);
    if (itemSelector !== undefined) {
      const itemEnv = { context: undefined as unknown, variables: t.scope, random: t.exec.random };
      for (let i = 0; i < values.length; i++) {
        const item: { Index: number; Value: unknown; Key?: string } = { Index: i, Value: values[i] };
        if (keys) item.Key = keys[i]!;
        if (selectorReadsContext) itemEnv.context = stateContext(t, name, { retryCount, mapItem: item });
        inputs[i] = itemSelector.evaluate(effective, itemEnv);
      }
    } else {
      for (let i = 0; i < values.length; i++) inputs[i] = values[i];
    }

    emit(t, 'MapStateStarted', 'mapStateStartedEventDetails', { length: values.length });
    const tolerated = distributed ? tolerance(effective, t) : undefined;
    if (distributed) emit(t, 'MapRunStarted');
    const results = await runIterations(t, name, processor, inputs, limit, tolerated);
    if (distributed) emit(t, 'MapRunSucceeded');
    emit(t, 'MapStateSucceeded');
    if (assign !== undefined) t.assigned = assign.evaluate(results, env) as Record<string, unknown>;
    const selected = selector !== undefined ? selector.evaluate(results, env) : results;
    t.next = state.next;
    return outputPath(output, resultPath(resultAt, raw, selected), env);
  }

  const state: RetryingState = {
    ...base,
    retriers: compileRetriers(def.Retry),
    catchers,
    failedType: 'MapStateFailed',
    run(t: Thread, raw: unknown): Promise<unknown> {
      return withRetryAndCatch(t, state, raw, (retryCount) => attempt(t, raw, retryCount));
    },
  };
  return state;
}

/**
 * Runs the iterations with at most `limit` in flight. Inline (no tolerance): the first
 * failure aborts the rest. Distributed: failures are counted; the run fails with
 * States.ExceedToleratedFailureThreshold when the count or percentage goes strictly over.
 */
function runIterations(
  t: Thread,
  name: string,
  processor: CompiledContainer,
  inputs: readonly unknown[],
  limit: number,
  tolerated: Tolerance | undefined,
): Promise<unknown[]> {
  const n = inputs.length;
  const results = new Array<unknown>(n);
  if (n === 0) return Promise.resolve(results);
  const { controller, release } = linkedController(t.signal);
  const childHistory = tolerated
    ? new HistoryRecorder(() => t.exec.clock.now(), Number.POSITIVE_INFINITY, false, undefined)
    : t.history;
  let nextIndex = 0;
  let done = 0;
  let failures = 0;
  let stopped = false;
  return new Promise<unknown[]>((resolve, reject) => {
    const finish = (error?: unknown): void => {
      if (stopped) return;
      stopped = true;
      release();
      if (error === undefined) resolve(results);
      else reject(error);
    };
    const exceeded = (): boolean => {
      const count = tolerated!.count ?? 0;
      const percentage = tolerated!.percentage ?? 0;
      return failures > count || (failures * 100) / n > percentage;
    };
    const startNext = (): void => {
      if (stopped || nextIndex >= n) return;
      const index = nextIndex++;
      const child = childThread(t, controller.signal, childHistory);
      if (!tolerated) emit(child, 'MapIterationStarted', 'mapIterationStartedEventDetails', { index, name });
      t.exec.runContainer(processor, inputs[index], child).then(
        (output) => {
          results[index] = output;
          if (stopped) return;
          if (!tolerated) {
            emit(child, 'MapIterationSucceeded', 'mapIterationSucceededEventDetails', { index, name });
            t.lastEventId = child.lastEventId;
          }
          if (++done === n) finish();
          else startNext();
        },
        (error: unknown) => {
          if (stopped) return;
          if (t.signal.aborted) return finish(t.signal.reason);
          if (tolerated) {
            failures++;
            results[index] = null;
            if (exceeded()) {
              controller.abort(new BranchCancelled());
              emit(t, 'MapRunFailed');
              return finish(new StateFailure('States.ExceedToleratedFailureThreshold', 'The specified tolerated failure threshold was exceeded'));
            }
            if (++done === n) finish();
            else startNext();
            return;
          }
          emit(child, 'MapIterationFailed', 'mapIterationFailedEventDetails', { index, name });
          t.lastEventId = child.lastEventId;
          controller.abort(new BranchCancelled());
          finish(error);
        },
      );
    };
    for (let i = 0; i < Math.min(limit, n); i++) startNext();
  });
}
