import type { ParallelState } from '../../definition/types.js';
import { bindings, optionalJsonataTemplate } from '../io/jsonata.js';
import { inputPath, optionalPath, optionalTemplate } from '../io/expressions.js';
import type { CompileContext, CompiledContainer, Step, Thread } from '../runtime.js';
import { baseFields, pointerOf, queryLanguageOf } from './base.js';
import {
  childThread,
  emit,
  linkedController,
  prepareEnv,
  compileRetryingState,
} from './common.js';
import type { RetryingState } from './common.js';
import { compileResultTail } from './result.js';

/** Raised in sibling branches when another branch has failed. */
export class BranchCancelled extends Error {
  constructor() {
    super('Branch cancelled because another branch failed');
    this.name = 'BranchCancelled';
  }
}

/**
 * Parallel (https://docs.aws.amazon.com/step-functions/latest/dg/state-parallel.html): every branch gets its own copy of the effective input; results
 * come back in branch order; the first failing branch cancels its siblings through their
 * signal and the Parallel fails with that branch's own error.
 */
/** The query-language half of a Parallel before its branches run: the effective input. */
type Prepare = (t: Thread, raw: unknown) => unknown;

function jsonPathPrepare(def: ParallelState, at: string): Prepare {
  const input = optionalPath(def.InputPath, 'Path', `${at}/InputPath`);
  const parameters = optionalTemplate(def.Parameters, 'Parameters', `${at}/Parameters`);
  return (t, raw) => {
    const filtered = inputPath(input, raw, t.env);
    return parameters !== undefined ? parameters.evaluate(filtered, t.env) : filtered;
  };
}

function jsonataPrepare(def: ParallelState, at: string): Prepare {
  const args = optionalJsonataTemplate(def.Arguments, 'Arguments', `${at}/Arguments`);
  return (t, raw) => (args !== undefined ? args.evaluate(bindings(t, raw)) : raw);
}

export function compileParallel(name: string, def: ParallelState, cc: CompileContext): RetryingState {
  const at = pointerOf(cc, name);
  const queryLanguage = queryLanguageOf(def, cc);
  const prepare = queryLanguage === 'JSONata' ? jsonataPrepare(def, at) : jsonPathPrepare(def, at);
  const tail = compileResultTail(def, at, queryLanguage);
  const branches: CompiledContainer[] = def.Branches.map((b, i) =>
    cc.compileContainer(b as unknown as { StartAt: string; States: Record<string, unknown> }, `${at}/Branches/${i}/States`),
  );
  const { Branches: _branches, ...own } = def;
  const base = baseFields(name, def, cc, own);

  async function attempt(t: Thread, raw: unknown, retryCount: number): Promise<Step> {
    prepareEnv(t, state, { retryCount });
    const prepared = prepare(t, raw);
    const effective = prepared instanceof Promise ? await prepared : prepared;
    emit(t, 'ParallelStateStarted');
    const results = await runBranches(t, branches, effective);
    return tail(t, raw, results, state.next);
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
