/**
 * The interpreter's binding to the JSONata expression layer (ASL-NOTES §2.6): compile
 * helpers that report issues as CompileFailure, the `$states` bindings of a running state,
 * and the typed scalar fields (Seconds, TimeoutSeconds, MaxConcurrency...) that accept a
 * literal or one `{% %}` expression.
 */
import { StatesError } from '../../definition/errors.js';
import { compileJsonataTemplate, expectType, isJsonataString } from '../../expressions/jsonata/index.js';
import type { CompiledJsonataTemplate, ExpectedType, JsonataBindings } from '../../expressions/jsonata/index.js';
import type { Thread } from '../runtime.js';
import { CompileFailure } from './expressions.js';

export type { CompiledJsonataTemplate };

export function jsonataTemplate(value: unknown, field: string, pointer: string): CompiledJsonataTemplate {
  const result = compileJsonataTemplate(value, field);
  if (result.ok) return result.value;
  throw new CompileFailure(pointer, result.issues.map((i) => i.message).join('; '));
}

export function optionalJsonataTemplate(value: unknown, field: string, pointer: string): CompiledJsonataTemplate | undefined {
  return value === undefined ? undefined : jsonataTemplate(value, field, pointer);
}

export function bindings(
  t: Thread,
  input: unknown,
  extra?: { result?: unknown; errorOutput?: unknown },
): JsonataBindings {
  const states: JsonataBindings['states'] = { input, context: t.env.context };
  if (extra && 'result' in extra) states.result = extra.result;
  if (extra && 'errorOutput' in extra) states.errorOutput = extra.errorOutput;
  const clock = t.exec.clock;
  return { states, variables: t.scope, random: t.exec.random, now: () => clock.now() };
}

/** A field holding a literal of one JSON type or one `{% %}` expression yielding it. */
export interface TypedField {
  evaluate(b: JsonataBindings): Promise<unknown>;
}

export function typedField(value: unknown, field: string, type: ExpectedType, pointer: string): TypedField | undefined {
  if (value === undefined) return undefined;
  if (!isJsonataString(value)) return { evaluate: () => Promise.resolve(value) };
  const tpl = jsonataTemplate(value, field, pointer);
  const text = tpl.expression ?? String(value);
  return {
    async evaluate(b) {
      const v = await tpl.evaluate(b);
      expectType(v, type, text, field);
      return v;
    },
  };
}

/** A non-negative integer field: the value, or States.QueryEvaluationError naming the field. */
export async function integerField(field: TypedField | undefined, b: JsonataBindings, name: string, min: number): Promise<number | undefined> {
  if (field === undefined) return undefined;
  const v = (await field.evaluate(b)) as number;
  if (v < min) {
    throw new StatesError(
      'States.QueryEvaluationError',
      `The value of the field '${name}' must be ${min === 0 ? 'a non-negative' : 'a positive'} integer, but was: ${v}`,
    );
  }
  return v;
}
