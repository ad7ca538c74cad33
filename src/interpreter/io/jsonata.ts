/**
 * The interpreter's binding to the JSONata expression layer (https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html): compile
 * helpers that report issues as CompileFailure, the `$states` bindings of a running state,
 * and the typed scalar fields (Seconds, TimeoutSeconds, MaxConcurrency...) that accept a
 * literal or one `{% %}` expression.
 */
import { StatesError } from '../../definition/errors.js';
import { compileJsonataTemplate, expectType, isJsonataString } from '../../expressions/jsonata/index.js';
import type { ExpectedType, JsonataBindings } from '../../expressions/jsonata/index.js';
import type { Thread } from '../runtime.js';
import { CompileFailure } from './expressions.js';
import { FALLBACK, fastExpression } from '../../expressions/jsonata/fast.js';
import type { FastEvaluator } from '../../expressions/jsonata/fast.js';

/** A compiled JSONata template; evaluate returns the value, or a promise of it when jsonata runs. */
export interface CompiledJsonataTemplate {
  /** The trimmed text when the whole value is one `{% %}` string (for expectType). */
  readonly expression: string | undefined;
  evaluate(b: JsonataBindings): unknown;
}

/**
 * The engine's composition of a template (jsonata's, with direct evaluators in front) by field
 * and JSON text. Its expressions are parsed and compiled once per process by the expression
 * layer; this keeps only the composition, immutable and re-entrant, so machines built from one
 * definition share it. Bounded: the oldest leaves first.
 */
const templates = new Map<string, CompiledJsonataTemplate | string>();
const TEMPLATE_CACHE_LIMIT = 10_000;

export function jsonataTemplate(value: unknown, field: string, pointer: string): CompiledJsonataTemplate {
  const key = `${field} ${JSON.stringify(value)}`;
  let compiled = templates.get(key);
  if (compiled === undefined) {
    if (templates.size >= TEMPLATE_CACHE_LIMIT) templates.delete(templates.keys().next().value as string);
    compiled = compileTemplate(value, field);
    templates.set(key, compiled);
  }
  if (typeof compiled === 'string') throw new CompileFailure(pointer, compiled);
  return compiled;
}

/** The template, or the message of its compile issues. */
function compileTemplate(value: unknown, field: string): CompiledJsonataTemplate | string {
  const result = compileJsonataTemplate(value, field);
  if (!result.ok) return result.issues.map((i) => i.message).join('; ');
  const slow = result.value;
  const fast = slow.isConstant ? undefined : fastTemplate(value);
  if (fast === undefined) return slow;
  return {
    expression: slow.expression,
    evaluate(b) {
      const v = fast(b);
      return v === FALLBACK ? slow.evaluate(b) : v;
    },
  };
}

/**
 * The template evaluated without jsonata when every expression in it has a direct evaluator
 * (see jsonata-fast.ts), building fresh objects and arrays as jsonata's template does;
 * FALLBACK from any expression sends the whole template to jsonata.
 */
function fastTemplate(value: unknown): FastEvaluator | undefined {
  if (isJsonataString(value)) return fastExpression(value);
  if (value === null || typeof value !== 'object') return () => value;
  const entries = Object.entries(value);
  const parts: FastEvaluator[] = [];
  for (const [key, item] of entries) {
    if (key === '__proto__') return undefined;
    const part = fastTemplate(item);
    if (part === undefined) return undefined;
    parts.push(part);
  }
  if (Array.isArray(value)) {
    return (b) => {
      const out: unknown[] = [];
      for (const part of parts) {
        const v = part(b);
        if (v === FALLBACK) return FALLBACK;
        out.push(v);
      }
      return out;
    };
  }
  const keys = entries.map(([key]) => key);
  return (b) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < parts.length; i++) {
      const v = parts[i]!(b);
      if (v === FALLBACK) return FALLBACK;
      out[keys[i]!] = v;
    }
    return out;
  };
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
  return { states, variables: t.scope, random: t.exec.random, now: t.exec.now };
}

/** `fn(value)`, after the value settles when it is a promise: keeps synchronous work synchronous. */
function andThen<T, R>(value: T | Promise<T>, fn: (v: T) => R): R | Promise<R> {
  return value instanceof Promise ? value.then(fn) : fn(value);
}

/** A field holding a literal of one JSON type or one `{% %}` expression yielding it. */
export interface TypedField {
  /** The value, or a promise of it when jsonata runs. */
  evaluate(b: JsonataBindings): unknown;
}

export function typedField(value: unknown, field: string, type: ExpectedType, pointer: string): TypedField | undefined {
  if (value === undefined) return undefined;
  if (!isJsonataString(value)) return { evaluate: () => value };
  const tpl = jsonataTemplate(value, field, pointer);
  const text = tpl.expression ?? String(value);
  const check = (v: unknown): unknown => {
    expectType(v, type, text, field);
    return v;
  };
  return { evaluate: (b) => andThen(tpl.evaluate(b), check) };
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
