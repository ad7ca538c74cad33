/**
 * The end of a Task, Parallel or Map visit, once its work has a result, written once for the
 * three. JSONPath: Assign over the result, then ResultSelector -> ResultPath -> OutputPath;
 * JSONata: Assign and Output over `$states.result` (the output defaults to the result).
 * https://docs.aws.amazon.com/step-functions/latest/dg/concepts-input-output-filtering.html
 * https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html
 */
import type { QueryLanguage } from '../../definition/types.js';
import { optionalPath, optionalTemplate, outputPath, resultPath } from '../io/expressions.js';
import { bindings, optionalJsonataTemplate } from '../io/jsonata.js';
import type { CompiledState, Step, Thread } from '../runtime.js';

/** The step of a visit whose work returned `result`; `raw` is the state's input. */
export type ResultTail = (t: Thread, raw: unknown, result: unknown, next: CompiledState | null) => Step | Promise<Step>;

export interface ResultFields {
  ResultSelector?: unknown;
  ResultPath?: string | null;
  OutputPath?: string | null;
  Assign?: unknown;
  Output?: unknown;
}

export function compileResultTail(def: ResultFields, at: string, queryLanguage: QueryLanguage): ResultTail {
  if (queryLanguage === 'JSONata') {
    const output = optionalJsonataTemplate(def.Output, 'Output', `${at}/Output`);
    const assign = optionalJsonataTemplate(def.Assign, 'Assign', `${at}/Assign`);
    return async (t, raw, result, next) => {
      const b = bindings(t, raw, { result });
      const assigned = assign !== undefined ? ((await assign.evaluate(b)) as Record<string, unknown>) : undefined;
      return { output: output !== undefined ? await output.evaluate(b) : result, next, assigned };
    };
  }
  const selector = optionalTemplate(def.ResultSelector, 'ResultSelector', `${at}/ResultSelector`);
  const resultAt = optionalPath(def.ResultPath, 'ReferencePath', `${at}/ResultPath`);
  const output = optionalPath(def.OutputPath, 'Path', `${at}/OutputPath`);
  const assign = optionalTemplate(def.Assign, 'Assign', `${at}/Assign`);
  return (t, raw, result, next) => {
    const env = t.env;
    const assigned = assign !== undefined ? (assign.evaluate(result, env) as Record<string, unknown>) : undefined;
    const selected = selector !== undefined ? selector.evaluate(result, env) : result;
    return { output: outputPath(output, resultPath(resultAt, raw, selected), env), next, assigned };
  };
}
