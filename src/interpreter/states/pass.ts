import type { PassState } from '../../definition/types.js';
import { inputPath, optionalPath, optionalTemplate, outputPath, resultPath } from '../io/expressions.js';
import type { CompileContext, CompiledState, Step, Thread } from '../runtime.js';
import type { JsonataBindings } from '../../expressions/jsonata/index.js';
import { bindings, optionalJsonataTemplate } from '../io/jsonata.js';
import { baseFields, pointerOf, queryLanguageOf } from './base.js';
import { prepareEnv } from './common.js';

/** Pass: InputPath -> Parameters -> (Result or the effective input) -> ResultPath -> OutputPath. */
export function compilePass(name: string, def: PassState, cc: CompileContext): CompiledState {
  const at = pointerOf(cc, name);
  if (queryLanguageOf(def, cc) === 'JSONata') return compileJsonataPass(name, def, cc, at);
  const input = optionalPath(def.InputPath, 'Path', `${at}/InputPath`);
  const parameters = optionalTemplate(def.Parameters, 'Parameters', `${at}/Parameters`);
  const result = def.Result;
  const hasResult = 'Result' in def;
  const resultAt = optionalPath(def.ResultPath, 'ReferencePath', `${at}/ResultPath`);
  const output = optionalPath(def.OutputPath, 'Path', `${at}/OutputPath`);
  const assign = optionalTemplate(def.Assign, 'Assign', `${at}/Assign`);
  const state: CompiledState = Object.assign(baseFields(name, def, cc), {
    run(t: Thread, raw: unknown): Step {
      prepareEnv(t, state);
      const env = t.env;
      let value = inputPath(input, raw, env);
      if (parameters !== undefined) value = parameters.evaluate(value, env);
      const r = hasResult ? result : value;
      const assigned = assign !== undefined ? (assign.evaluate(r, env) as Record<string, unknown>) : undefined;
      return { output: outputPath(output, resultPath(resultAt, raw, r), env), next: state.next, assigned };
    },
  });
  return state;
}

/** JSONata Pass: Output (default: the input, or a legacy Result) and Assign over `$states.input`. */
function compileJsonataPass(name: string, def: PassState, cc: CompileContext, at: string): CompiledState {
  const output = optionalJsonataTemplate(def.Output, 'Output', `${at}/Output`);
  const assign = optionalJsonataTemplate(def.Assign, 'Assign', `${at}/Assign`);
  const hasResult = 'Result' in def;
  /** The step once Assign is known; Output is evaluated after it, as before. */
  const finish = (b: JsonataBindings, raw: unknown, assigned: Record<string, unknown> | undefined): Step | Promise<Step> => {
    if (output === undefined) return { output: hasResult ? def.Result : raw, next: state.next, assigned };
    const value = output.evaluate(b);
    if (value instanceof Promise) return value.then((v) => ({ output: v, next: state.next, assigned }));
    return { output: value, next: state.next, assigned };
  };
  const state: CompiledState = Object.assign(baseFields(name, def, cc), {
    // Synchronous while the expressions are (no closure per run); continues when jsonata runs.
    run(t: Thread, raw: unknown): Step | Promise<Step> {
      prepareEnv(t, state);
      const b = bindings(t, raw);
      if (assign === undefined) return finish(b, raw, undefined);
      const assigned = assign.evaluate(b);
      if (assigned instanceof Promise) return assigned.then((value) => finish(b, raw, value as Record<string, unknown>));
      return finish(b, raw, assigned as Record<string, unknown>);
    },
  });
  return state;
}
