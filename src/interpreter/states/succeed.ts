import type { SucceedState } from '../../definition/types.js';
import { inputPath, optionalPath, outputPath } from '../io/expressions.js';
import type { CompileContext, CompiledState, Step, Thread } from '../runtime.js';
import { bindings, optionalJsonataTemplate } from '../io/jsonata.js';
import { baseFields, pointerOf, queryLanguageOf } from './base.js';
import { prepareEnv } from './common.js';

/** Succeed: InputPath -> OutputPath, then the container ends. */
export function compileSucceed(name: string, def: SucceedState, cc: CompileContext): CompiledState {
  const at = pointerOf(cc, name);
  if (queryLanguageOf(def, cc) === 'JSONata') {
    const out = optionalJsonataTemplate(def.Output, 'Output', `${at}/Output`);
    const jsonataState: CompiledState = Object.assign(baseFields(name, def, cc), {
      run(t: Thread, raw: unknown): Step | Promise<Step> {
        prepareEnv(t, jsonataState);
        if (out === undefined) return { output: raw, next: null, assigned: undefined };
        const value = out.evaluate(bindings(t, raw));
        if (value instanceof Promise) return value.then((v) => ({ output: v, next: null, assigned: undefined }));
        return { output: value, next: null, assigned: undefined };
      },
    });
    return jsonataState;
  }
  const input = optionalPath(def.InputPath, 'Path', `${at}/InputPath`);
  const output = optionalPath(def.OutputPath, 'Path', `${at}/OutputPath`);
  const state: CompiledState = Object.assign(baseFields(name, def, cc), {
    run(t: Thread, raw: unknown): Step {
      prepareEnv(t, state);
      return { output: outputPath(output, inputPath(input, raw, t.env), t.env), next: null, assigned: undefined };
    },
  });
  return state;
}
