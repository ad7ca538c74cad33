import type { MapState, ParallelState } from '../../definition/types.js';
import { bindings, optionalJsonataTemplate } from '../io/jsonata.js';
import { inputPath, optionalPath, optionalTemplate, outputPath, resultPath } from '../io/expressions.js';
import type { CompileContext, CompiledContainer, Thread } from '../runtime.js';
import { baseFields, pointerOf, queryLanguageOf } from './base.js';
import {
  childThread,
      emit,
  linkedController,
  prepareEnv,
  compileRetryingState,
} from './common.js';
import type { RetryingState } from './common.js';

/** Raised in sibling branches when another branch has failed. */
export class BranchCancelled extends Error {
  constructor() {
    super('Branch cancelled because another branch failed');
    this.name = 'BranchCancelled';
  }
}

/**
 * Parallel (ASL-NOTES §6.1): every branch gets its own copy of the effective input; results
 * come back in branch order; the first failing branch cancels its siblings through their
 * signal and the Parallel fails with that branch's own error.
 */
/** The query-language half of a Parallel (or Map): the effective input and the output. */
export interface BlockIo {
  prepare(t: Thread, raw: unknown): unknown;
  finish(t: Thread, raw: unknown, results: unknown): unknown;
}

function jsonPathIo(def: ParallelState, at: string): BlockIo {
  const input = optionalPath(def.InputPath, 'Path', `${at}/InputPath`);
  const parameters = optionalTemplate(def.Parameters, 'Parameters', `${at}/Parameters`);
  const finish = jsonPathFinish(def, at);
  return {
    prepare(t, raw) {
      const filtered = inputPath(input, raw, t.env);
      return parameters !== undefined ? parameters.evaluate(filtered, t.env) : filtered;
    },
    finish,
  };
}

/** ResultSelector -> ResultPath -> OutputPath, with Assign over the raw results. */
export function jsonPathFinish(def: ParallelState | MapState, at: string): BlockIo['finish'] {
  const selector = optionalTemplate(def.ResultSelector, 'ResultSelector', `${at}/ResultSelector`);
  const resultAt = optionalPath(def.ResultPath, 'ReferencePath', `${at}/ResultPath`);
  const output = optionalPath(def.OutputPath, 'Path', `${at}/OutputPath`);
  const assign = optionalTemplate(def.Assign, 'Assign', `${at}/Assign`);
  return (t, raw, results) => {
    const env = t.env;
    if (assign !== undefined) t.assigned = assign.evaluate(results, env) as Record<string, unknown>;
    const selected = selector !== undefined ? selector.evaluate(results, env) : results;
    return outputPath(output, resultPath(resultAt, raw, selected), env);
  };
}

/** Assign and Output over `$states.result` (default output: the results). */
export function jsonataFinish(def: ParallelState | MapState, at: string): BlockIo['finish'] {
  const output = optionalJsonataTemplate(def.Output, 'Output', `${at}/Output`);
  const assign = optionalJsonataTemplate(def.Assign, 'Assign', `${at}/Assign`);
  return async (t, raw, results) => {
    const b = bindings(t, raw, { result: results });
    if (assign !== undefined) t.assigned = (await assign.evaluate(b)) as Record<string, unknown>;
    return output !== undefined ? output.evaluate(b) : results;
  };
}

function jsonataIo(def: ParallelState, at: string): BlockIo {
  const args = optionalJsonataTemplate(def.Arguments, 'Arguments', `${at}/Arguments`);
  return {
    prepare: (t, raw) => (args !== undefined ? args.evaluate(bindings(t, raw)) : raw),
    finish: jsonataFinish(def, at),
  };
}

export function compileParallel(name: string, def: ParallelState, cc: CompileContext): RetryingState {
  const at = pointerOf(cc, name);
  const queryLanguage = queryLanguageOf(def, cc);
  const io = queryLanguage === 'JSONata' ? jsonataIo(def, at) : jsonPathIo(def, at);
  const branches: CompiledContainer[] = def.Branches.map((b, i) =>
    cc.compileContainer(b as unknown as { StartAt: string; States: Record<string, unknown> }, `${at}/Branches/${i}/States`),
  );
  const { Branches: _branches, ...own } = def;
  const base = baseFields(name, def, cc, own);

  async function attempt(t: Thread, raw: unknown, retryCount: number): Promise<unknown> {
    prepareEnv(t, state, { retryCount });
    const prepared = io.prepare(t, raw);
    const effective = prepared instanceof Promise ? await prepared : prepared;
    emit(t, 'ParallelStateStarted');
    const results = await runBranches(t, branches, effective);
    t.next = state.next;
    return io.finish(t, raw, results);
  }

  const state = compileRetryingState(base, def, at, 'ParallelStateFailed', attempt);
  return state;
}

function runBranches(t: Thread, branches: readonly CompiledContainer[], input: unknown): Promise<unknown[]> {
  const { controller, release } = linkedController(t.signal);
  const results = new Array<unknown>(branches.length);
  let remaining = branches.length;
  let lastEventId = t.lastEventId;
  if (branches.length === 0) {
    release();
    return Promise.resolve(results);
  }
  return new Promise<unknown[]>((resolve, reject) => {
    let failed = false;
    branches.forEach((branch, i) => {
      const child = childThread(t, controller.signal, branch.assigns ? 'own' : 'shared', t.history, true);
      t.exec.runContainer(branch, structuredClone(input), child).then(
        (output) => {
          results[i] = output;
          lastEventId = Math.max(lastEventId, child.lastEventId);
          if (--remaining === 0) {
            release();
            t.lastEventId = lastEventId;
            resolve(results);
          }
        },
        (error: unknown) => {
          if (failed) return;
          failed = true;
          t.lastEventId = Math.max(lastEventId, child.lastEventId);
          if (!controller.signal.aborted) controller.abort(new BranchCancelled());
          release();
          reject(t.signal.aborted ? t.signal.reason : error);
        },
      );
    });
  });
}
