/**
 * The one place the interpreter binds to the JSONPath expression layer: compile helpers
 * that turn compile issues into a CompileFailure naming the field, and the path
 * applications of the JSONPath pipeline (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-input-output-filtering.html). Compiles are cached by text in
 * the expression layer, shared with the linter, so none is cached here.
 */
import {
  applyInputPath,
  applyOutputPath,
  applyResultPath,
  compilePath,
  compilePayloadTemplate,
} from '../../expressions/paths/index.js';
import type { CompiledPath, CompiledTemplate } from '../../expressions/paths/index.js';
import type { CompileResult, EvaluationEnv } from '../../expressions/types.js';

export type { CompiledPath, CompiledTemplate };

/** A definition the engine cannot compile; `pointer` is a JSON pointer into the definition. */
export class CompileFailure extends Error {
  constructor(readonly pointer: string, message: string) {
    super(`${message} at ${pointer}`);
    this.name = 'CompileFailure';
  }
}

function unwrap<T>(result: CompileResult<T>, pointer: string): T {
  if (result.ok) return result.value;
  throw new CompileFailure(pointer, result.issues.map((i) => i.message).join('; '));
}

/**
 * Compiles an InputPath / OutputPath / ResultPath value. `undefined` stays undefined (the
 * default `$`), `null` stays null, and `"$"` is folded to undefined so the hot path skips it.
 */
export function optionalPath(
  text: string | null | undefined,
  kind: 'Path' | 'ReferencePath',
  pointer: string,
): CompiledPath | null | undefined {
  if (text === undefined || text === '$') return undefined;
  if (text === null) return null;
  return requiredPath(text, kind, pointer);
}

export function requiredPath(text: string, kind: 'Path' | 'ReferencePath', pointer: string): CompiledPath {
  return unwrap(compilePath(text, kind), pointer);
}

export function template(value: unknown, field: string, pointer: string): CompiledTemplate {
  return unwrap(compilePayloadTemplate(value, { field }), pointer);
}

export function optionalTemplate(value: unknown, field: string, pointer: string): CompiledTemplate | undefined {
  return value === undefined ? undefined : template(value, field, pointer);
}

export function inputPath(path: CompiledPath | null | undefined, raw: unknown, env: EvaluationEnv): unknown {
  return path === undefined ? raw : applyInputPath(path, raw, env);
}

export function outputPath(path: CompiledPath | null | undefined, value: unknown, env: EvaluationEnv): unknown {
  return path === undefined ? value : applyOutputPath(path, value, env);
}

export function resultPath(path: CompiledPath | null | undefined, raw: unknown, result: unknown): unknown {
  return path === undefined ? result : applyResultPath(path, raw, result);
}

/** Evaluates a reference path, with `undefined` when it resolves to nothing. */
export function readPath(path: CompiledPath, input: unknown, env: EvaluationEnv): unknown {
  return path.evaluate(input, env);
}
