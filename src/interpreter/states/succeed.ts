import type { SucceedState } from '../../definition/types.js';
import { inputPath, optionalPath, outputPath } from '../io/expressions.js';
import type { CompileContext, CompiledState, Thread } from '../runtime.js';
import { baseFields, pointerOf } from './base.js';
import { prepareEnv } from './common.js';

/** Succeed: InputPath -> OutputPath, then the container ends. */
export function compileSucceed(name: string, def: SucceedState, cc: CompileContext): CompiledState {
  const at = pointerOf(cc, name);
  const input = optionalPath(def.InputPath, 'Path', `${at}/InputPath`);
  const output = optionalPath(def.OutputPath, 'Path', `${at}/OutputPath`);
  const state: CompiledState = {
    ...baseFields(name, def, cc),
    run(t: Thread, raw: unknown): unknown {
      prepareEnv(t, state);
      t.next = null;
      return outputPath(output, inputPath(input, raw, t.env), t.env);
    },
  };
  return state;
}
