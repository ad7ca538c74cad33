import type { SucceedState } from '../../definition/types.js';
import { inputPath, optionalPath, outputPath } from '../io/expressions.js';
import type { CompileContext, CompiledState, Thread } from '../runtime.js';
import { bindings, optionalJsonataTemplate } from '../io/jsonata.js';
import { baseFields, pointerOf, queryLanguageOf } from './base.js';
import { prepareEnv } from './common.js';

/** Succeed: InputPath -> OutputPath, then the container ends. */
export function compileSucceed(name: string, def: SucceedState, cc: CompileContext): CompiledState {
  const at = pointerOf(cc, name);
  if (queryLanguageOf(def, cc) === 'JSONata') {
    const out = optionalJsonataTemplate(def.Output, 'Output', `${at}/Output`);
    const jsonataState: CompiledState = Object.assign(baseFields(name, def, cc), {
      run(t: Thread, raw: unknown): unknown {
        prepareEnv(t, jsonataState);
        t.next = null;
        return out === undefined ? raw : out.evaluate(bindings(t, raw));
      },
    });
    return jsonataState;
  }
  const input = optionalPath(def.InputPath, 'Path', `${at}/InputPath`);
  const output = optionalPath(def.OutputPath, 'Path', `${at}/OutputPath`);
  const state: CompiledState = Object.assign(baseFields(name, def, cc), {
    run(t: Thread, raw: unknown): unknown {
      prepareEnv(t, state);
      t.next = null;
      return outputPath(output, inputPath(input, raw, t.env), t.env);
    },
  });
  return state;
}
