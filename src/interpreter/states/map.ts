import { StatesError } from '../../definition/errors.js';
import type { MapState } from '../../definition/types.js';
import { expectType } from '../../expressions/jsonata/index.js';
import { bindings, integerField, optionalJsonataTemplate, typedField } from '../io/jsonata.js';
import { StateFailure, toErrorOutput } from '../errors.js';
import { HistoryRecorder } from '../history.js';
import {
  inputPath,
  optionalPath,
  optionalTemplate,
  requiredPath,
} from '../io/expressions.js';
import type { CompiledPath } from '../io/expressions.js';
import { uuid } from '../runtime.js';
import type { CompileContext, CompiledContainer, Step, Thread } from '../runtime.js';
import { baseFields, pointerOf, queryLanguageOf } from './base.js';
import {
  childThread,
  emit,
  linkedController,
  prepareEnv,
  stateContext,
  compileRetryingState,
  numberAt,
} from './common.js';
import type { RetryingState } from './common.js';
import { compileItemBatcher } from './item-batcher.js';
import { compileItemReader } from './item-reader.js';
import { compileResultWriter } from './result-writer.js';
import { BranchCancelled } from './parallel.js';
import { compileResultTail } from './result.js';

interface Tolerance {
  count: number | undefined;
  percentage: number | undefined;
}

interface MapIo {
  /** The effective input and the collection to iterate. */
  collect(t: Thread, raw: unknown, hasReader: boolean): { effective: unknown; collection: unknown } | Promise<{ effective: unknown; collection: unknown }>;
  maxConcurrency(t: Thread, raw: unknown, effective: unknown): number | Promise<number>;
  tolerance(t: Thread, raw: unknown, effective: unknown): Tolerance | Promise<Tolerance>;
  /** The iteration inputs: ItemSelector per item (with `Map.Item` in the context), else the items. */
  select(t: Thread, raw: unknown, effective: unknown, items: MapItem[], retryCount: number): unknown[] | Promise<unknown[]>;
}

interface MapItem {
  Index: number;
  Value: unknown;
  Key?: string;
}

function itemContext(t: Thread, name: string, retryCount: number, item: MapItem): unknown {
  return stateContext(t, name, { retryCount, mapItem: { index: item.Index, value: item.Value, ...(item.Key !== undefined ? { key: item.Key } : {}) } });
}

function jsonPathIo(name: string, def: MapState, at: string): MapIo {
  const input = optionalPath(def.InputPath, 'Path', `${at}/InputPath`);
  const itemsPath = optionalPath(def.ItemsPath, 'ReferencePath', `${at}/ItemsPath`);
  const selectorField = def.ItemSelector !== undefined ? 'ItemSelector' : 'Parameters';
  const itemSelector = optionalTemplate(def.ItemSelector ?? def.Parameters, selectorField, `${at}/${selectorField}`);
  const maxConcurrencyPath = def.MaxConcurrencyPath !== undefined
    ? requiredPath(def.MaxConcurrencyPath, 'ReferencePath', `${at}/MaxConcurrencyPath`) : undefined;
  const countPath = def.ToleratedFailureCountPath !== undefined
    ? requiredPath(def.ToleratedFailureCountPath, 'ReferencePath', `${at}/ToleratedFailureCountPath`) : undefined;
  const percentagePath = def.ToleratedFailurePercentagePath !== undefined
    ? requiredPath(def.ToleratedFailurePercentagePath, 'ReferencePath', `${at}/ToleratedFailurePercentagePath`) : undefined;
  return {
    collect(t, raw, hasReader) {
      const effective = inputPath(input, raw, t.env);
      if (hasReader || itemsPath === undefined) return { effective, collection: effective };
      return { effective, collection: inputPath(itemsPath, effective, t.env) };
    },
    maxConcurrency(t, _raw, effective) {
      if (maxConcurrencyPath === undefined) return typeof def.MaxConcurrency === 'number' ? def.MaxConcurrency : 0;
      const limit = numberAt(maxConcurrencyPath, effective, t, 'MaxConcurrencyPath', 'integer');
      if (limit < 0) {
        throw new StatesError('States.Runtime', `The MaxConcurrencyPath field refers to value "${limit}" which is not a valid integer: ${maxConcurrencyPath.text}`);
      }
      return limit;
    },
    tolerance(t, _raw, effective) {
      let count = typeof def.ToleratedFailureCount === 'number' ? def.ToleratedFailureCount : undefined;
      let percentage = typeof def.ToleratedFailurePercentage === 'number' ? def.ToleratedFailurePercentage : undefined;
      if (countPath) count = numberAt(countPath, effective, t, 'ToleratedFailureCountPath', 'integer');
      if (percentagePath) percentage = numberAt(percentagePath, effective, t, 'ToleratedFailurePercentagePath', 'float');
      return checkedTolerance(count, percentage);
    },
    select(t, _raw, effective, items, retryCount) {
      if (itemSelector === undefined) return items.map((item) => item.Value);
      const env = { context: undefined as unknown, variables: t.scope, random: t.exec.random };
      return items.map((item) => {
        env.context = itemContext(t, name, retryCount, item);
        return itemSelector.evaluate(effective, env);
      });
    },
  };
}

function jsonataIo(name: string, def: MapState, at: string): MapIo {
  const items = optionalJsonataTemplate(def.Items, 'Items', `${at}/Items`);
  const itemSelector = optionalJsonataTemplate(def.ItemSelector, 'ItemSelector', `${at}/ItemSelector`);
  const maxConcurrency = typedField(def.MaxConcurrency, 'MaxConcurrency', 'integer', `${at}/MaxConcurrency`);
  const count = typedField(def.ToleratedFailureCount, 'ToleratedFailureCount', 'integer', `${at}/ToleratedFailureCount`);
  const percentage = typedField(def.ToleratedFailurePercentage, 'ToleratedFailurePercentage', 'number', `${at}/ToleratedFailurePercentage`);
  return {
    async collect(t, raw, hasReader) {
      if (hasReader) return { effective: raw, collection: raw };
      if (items === undefined) {
        if (!Array.isArray(raw) && (raw === null || typeof raw !== 'object')) {
          throw new StatesError('States.QueryEvaluationError', `Map state input must be an array but was: ${JSON.stringify(raw)}`);
        }
        return { effective: raw, collection: raw };
      }
      const collection = await items.evaluate(bindings(t, raw));
      // JSONata's Items must give an array (a JSON object is refused too, unlike ItemsPath).
      // https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemsmap.html
      if (!Array.isArray(collection)) expectType(collection, 'array', items.expression ?? JSON.stringify(def.Items), 'Items');
      return { effective: raw, collection };
    },
    async maxConcurrency(t, raw) {
      return (await integerField(maxConcurrency, bindings(t, raw), 'MaxConcurrency', 0)) ?? 0;
    },
    async tolerance(t, raw) {
      const b = bindings(t, raw);
      return checkedTolerance(await integerField(count, b, 'ToleratedFailureCount', 0), (await percentage?.evaluate(b)) as number | undefined);
    },
    async select(t, raw, _effective, list, retryCount) {
      if (itemSelector === undefined) return list.map((item) => item.Value);
      const out: unknown[] = [];
      const saved = t.env.context;
      for (const item of list) {
        t.env.context = itemContext(t, name, retryCount, item);
        out.push(await itemSelector.evaluate(bindings(t, raw)));
      }
      t.env.context = saved;
      return out;
    },
  };
}

function checkedTolerance(count: number | undefined, percentage: number | undefined): Tolerance {
  if (count !== undefined && count < 0) throw new StatesError('States.Runtime', 'ToleratedFailureCount cannot be negative.');
  if (percentage !== undefined && (percentage < 0 || percentage > 100)) {
    throw new StatesError('States.Runtime', 'ToleratedFailurePercentage must be between 0 and 100.');
  }
  return { count, percentage };
}

async function settle<T>(value: T | Promise<T>): Promise<T> {
  return value;
}

function toMapItems(collection: unknown): MapItem[] {
  if (Array.isArray(collection)) return collection.map((Value, Index) => ({ Index, Value }));
  if (collection !== null && typeof collection === 'object') {
    return Object.entries(collection).map(([Key, Value], Index) => ({ Index, Value, Key }));
  }
  throw new StatesError('States.Runtime', `Map state input must be an array or an object, but was: ${JSON.stringify(collection)}`);
}

/**
 * Map (https://docs.aws.amazon.com/step-functions/latest/dg/state-map.html): items from ItemsPath / Items (arrays, and JSON objects as AWS
 * now allows), ItemSelector per item with `$$.Map.Item`, iterations under a real
 * concurrency limit, results in item order. Inline: the first failing iteration fails the
 * Map with its own error and stops the others. Distributed: child runs keep their own
 * history and failures count against the tolerated thresholds.
 */
export function compileMap(name: string, def: MapState, cc: CompileContext): RetryingState {
  const at = pointerOf(cc, name);
  const queryLanguage = queryLanguageOf(def, cc);
  const io = queryLanguage === 'JSONata' ? jsonataIo(name, def, at) : jsonPathIo(name, def, at);
  const tail = compileResultTail(def, at, queryLanguage);
  const processorDef = def.ItemProcessor ?? def.Iterator;
  const processorKey = def.ItemProcessor ? 'ItemProcessor' : 'Iterator';
  const processor: CompiledContainer = cc.compileContainer(
    processorDef as unknown as { StartAt: string; States: Record<string, unknown> },
    `${at}/${processorKey}/States`,
  );
  const distributed = processorDef?.ProcessorConfig?.Mode === 'DISTRIBUTED';
  const hasSelector = def.ItemSelector !== undefined || (queryLanguage === 'JSONPath' && def.Parameters !== undefined);
  const reader = def.ItemReader !== undefined ? compileItemReader(def.ItemReader, at, queryLanguage, name) : undefined;
  const batcher = def.ItemBatcher !== undefined ? compileItemBatcher(def.ItemBatcher, at, queryLanguage) : undefined;
  const writer = distributed && def.ResultWriter !== undefined ? compileResultWriter(def.ResultWriter, at, queryLanguage, name) : undefined;
  const label = typeof def.Label === 'string' ? def.Label : name;
  const { ItemProcessor: _p, Iterator: _i, ...own } = def;
  const base = baseFields(name, def, cc, own);

  async function attempt(t: Thread, raw: unknown, retryCount: number): Promise<Step> {
    prepareEnv(t, state, { retryCount });
    const { effective, collection } = await settle(io.collect(t, raw, reader !== undefined));
    let limit = await settle(io.maxConcurrency(t, raw, effective));
    if (limit === 0) limit = distributed ? 10_000 : t.exec.limits.maxInlineMapConcurrency;
    let items: MapItem[];
    let inputs: unknown[];
    let tolerated: Tolerance | undefined;
    let mapRunArn: string | undefined;
    if (reader !== undefined) {
      // With an ItemReader, ItemsPath is ignored and the items arrive once the run has started.
      emit(t, 'MapStateStarted', 'mapStateStartedEventDetails', { length: 0 });
      tolerated = distributed ? await settle(io.tolerance(t, raw, effective)) : undefined;
      if (distributed) emit(t, 'MapRunStarted', 'mapRunStartedEventDetails', { mapRunArn: mapRunArn ??= newMapRunArn(t, label) });
      try {
        items = (await reader(t, raw, effective)).map((Value, Index) => ({ Index, Value }));
        inputs = await settle(io.select(t, raw, effective, items, retryCount));
        if (batcher !== undefined) inputs = await batcher(t, raw, effective, inputs);
      } catch (thrown) {
        if (distributed && !t.signal.aborted) emit(t, 'MapRunFailed');
        throw thrown;
      }
    } else {
      if (Array.isArray(collection) && !hasSelector) {
        // The common case: the items themselves are the iteration inputs.
        inputs = collection;
      } else {
        items = toMapItems(collection);
        // Items are selected up front, in order, as AWS evaluates ItemSelector before the iterations.
        inputs = await settle(io.select(t, raw, effective, items, retryCount));
      }
      emit(t, 'MapStateStarted', 'mapStateStartedEventDetails', { length: inputs.length });
      tolerated = distributed ? await settle(io.tolerance(t, raw, effective)) : undefined;
      if (distributed) emit(t, 'MapRunStarted', 'mapRunStartedEventDetails', { mapRunArn: mapRunArn ??= newMapRunArn(t, label) });
      if (batcher !== undefined) inputs = await batcher(t, raw, effective, inputs);
    }
    const failures = new Map<number, { Error: string; Cause: string }>();
    const results = await runIterations(t, name, processor, inputs, limit, tolerated, failures);
    const result = writer !== undefined
      ? await writer(t, raw, effective, { mapRunArn: mapRunArn!, inputs, results, failures })
      : results;
    if (distributed) emit(t, 'MapRunSucceeded');
    emit(t, 'MapStateSucceeded');
    return tail(t, raw, result, state.next);
  }

  const state = compileRetryingState(base, def, at, 'MapStateFailed', attempt);
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
  failures: Map<number, { Error: string; Cause: string }>,
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
  let failed = 0;
  let stopped = false;
  return new Promise<unknown[]>((resolve, reject) => {
    const finish = (error?: unknown): void => {
      if (stopped) return;
      stopped = true;
      release();
      if (error === undefined) resolve(results);
      else reject(error);
    };
    // Each threshold given applies on its own; with neither, any failure fails the run.
    const exceeded = (): boolean => {
      const { count, percentage } = tolerated!;
      if (count === undefined && percentage === undefined) return true;
      return (count !== undefined && failed > count) || (percentage !== undefined && (failed * 100) / n > percentage);
    };
    // An error of the engine's own (the history quota reached while recording an iteration's
    // events) stops the other iterations and fails the Map: nothing may reject unhandled.
    const fail = (error: unknown): void => {
      if (!controller.signal.aborted) controller.abort(new BranchCancelled());
      finish(error);
    };
    const succeeded = (index: number, child: Thread, output: unknown): void => {
      results[index] = output;
      if (stopped) return;
      if (!tolerated) {
        emit(child, 'MapIterationSucceeded', 'mapIterationSucceededEventDetails', { index, name });
        t.lastEventId = child.lastEventId;
      }
      if (++done === n) finish();
      else startNext();
    };
    const failedWith = (index: number, child: Thread, error: unknown): void => {
      if (stopped) return;
      if (t.signal.aborted) return finish(t.signal.reason);
      if (tolerated) {
        failed++;
        results[index] = null;
        const { error: Error, cause: Cause } = toErrorOutput(error);
        failures.set(index, { Error, Cause });
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
      fail(error);
    };
    const startNext = (): void => {
      if (stopped || nextIndex >= n) return;
      const index = nextIndex++;
      const child = childThread(t, controller.signal, tolerated ? 'isolated' : processor.assigns ? 'own' : 'shared', childHistory);
      try {
        if (!tolerated) emit(child, 'MapIterationStarted', 'mapIterationStartedEventDetails', { index, name });
      } catch (error) {
        return fail(error);
      }
      t.exec.runContainer(processor, inputs[index], child).then(
        (output) => {
          try {
            succeeded(index, child, output);
          } catch (error) {
            fail(error);
          }
        },
        (error: unknown) => {
          try {
            failedWith(index, child, error);
          } catch (thrown) {
            fail(thrown);
          }
        },
      );
    };
    for (let i = 0; i < Math.min(limit, n); i++) startNext();
  });
}

/** `arn:<partition>:states:<region>:<account>:mapRun:<machine name>/<label>:<run id>`. */
function newMapRunArn(t: Thread, label: string): string {
  const machine = t.exec.context.StateMachine;
  const prefix = machine.Id.split(':').slice(0, 5).join(':');
  return `${prefix}:mapRun:${machine.Name}/${label}:${uuid(t.exec.random)}`;
}
