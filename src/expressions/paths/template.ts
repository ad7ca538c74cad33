/**
 * JSONPath payload templates (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-inputpath-params.html): Parameters, ResultSelector, ItemSelector,
 * Assign values, Credentials, ItemReader/ResultWriter Parameters, ItemBatcher BatchInput.
 * Keys ending in `.$` are evaluated (path, `$$` context path, `$name` variable path or
 * intrinsic call), at any depth through objects and arrays; every other key is literal.
 * Compiled once into closures; each evaluation builds fresh objects and arrays, while values
 * selected from the input are shared with it (values are treated as immutable).
 */
import { StatesError } from '../../definition/errors.js';
import { compileIntrinsic, invalidIntrinsicFieldMessage, isIntrinsicCall } from '../intrinsics/index.js';
import type { EvaluationEnv, ExpressionIssue } from '../types.js';
import { compilePath, setOwn } from './path.js';
import type { CompiledPath } from './path.js';

export interface CompiledTemplate {
  evaluate(input: unknown, env: EvaluationEnv): unknown;
}

/** A template compile problem, with where it is inside the template (object keys and array indices). */
export interface TemplateIssue extends ExpressionIssue {
  /** Location inside the template, prefixed by `options.field` when given. */
  path: (string | number)[];
  /** The path or intrinsic parser's own explanation, when there is one. */
  detail?: string;
}

export interface TemplateOptions {
  /** The field holding the template (`Parameters`, `Assign`, ...): the first element of each issue's path. */
  field?: string;
}

type Evaluator = (input: unknown, env: EvaluationEnv) => unknown;

const SUFFIX = '.$';

/** A CompileResult whose issues carry their place in the template. */
export type TemplateCompileResult = { ok: true; value: CompiledTemplate } | { ok: false; issues: TemplateIssue[] };

/**
 * Compiled templates by field and JSON text: equal text compiles to the same closures, which
 * keep no per-evaluation state, so machines built from one definition share them. Bounded
 * (the oldest leaves first); a value JSON cannot write (a cycle, a BigInt, a function) is compiled uncached.
 */
const compiledTemplates = new Map<string, TemplateCompileResult>();
export const TEMPLATE_CACHE_LIMIT = 10_000;

/** Compiles a payload template; equal JSON text and field give the same (shared, immutable) result. */
export function compilePayloadTemplate(template: unknown, options: TemplateOptions = {}): TemplateCompileResult {
  let json: string | undefined;
  try {
    json = JSON.stringify(template);
  } catch {
    return compileUncached(template, options);
  }
  if (json === undefined) return compileUncached(template, options);
  // The length prefix keeps `field` and the JSON apart whatever characters the field holds.
  const key = options.field === undefined ? json : `${options.field.length}:${options.field}${json}`;
  let result = compiledTemplates.get(key);
  if (result === undefined) {
    result = Object.freeze(compileUncached(template, options));
    if (compiledTemplates.size >= TEMPLATE_CACHE_LIMIT) compiledTemplates.delete(compiledTemplates.keys().next().value as string);
    compiledTemplates.set(key, result);
  }
  return result;
}

function compileUncached(template: unknown, options: TemplateOptions): TemplateCompileResult {
  const issues: TemplateIssue[] = [];
  const evaluate = compileNode(template, options.field === undefined ? [] : [options.field], issues);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { evaluate } };
}

function compileNode(node: unknown, at: (string | number)[], issues: TemplateIssue[]): Evaluator {
  if (Array.isArray(node)) {
    const items = node.map((item, i) => compileNode(item, [...at, i], issues));
    return (input, env) => {
      const out = new Array<unknown>(items.length);
      for (let i = 0; i < items.length; i++) out[i] = (items[i] as Evaluator)(input, env);
      return out;
    };
  }
  if (typeof node === 'object' && node !== null) return compileObject(node as Record<string, unknown>, at, issues);
  return () => node;
}

function compileObject(node: Record<string, unknown>, at: (string | number)[], issues: TemplateIssue[]): Evaluator {
  const keys: string[] = [];
  const values: Evaluator[] = [];
  const seen = new Map<string, string>();
  for (const [key, value] of Object.entries(node)) {
    const dynamic = key.endsWith(SUFFIX);
    const outKey = dynamic ? key.slice(0, -SUFFIX.length) : key;
    const earlier = seen.get(outKey);
    if (earlier !== undefined) {
      issues.push({
        message: `The field '${outKey}' is duplicated (as '${earlier}' and '${key}')`,
        code: 'DUPLICATE_FIELD_NAME',
        path: [...at, key],
      });
      continue;
    }
    seen.set(outKey, key);
    keys.push(outKey);
    values.push(dynamic ? compileDynamic(key, value, [...at, key], issues) : compileNode(value, [...at, key], issues));
  }
  const count = keys.length;
  return (input, env) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < count; i++) setOwn(out, keys[i] as string, (values[i] as Evaluator)(input, env));
    return out;
  };
}

/**
 * Evaluate a path held by a named field (`value.$`, `ErrorPath`, `CausePath`); a definite path
 * that finds nothing is `States.Runtime` with AWS's text (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-input-output-filtering.html).
 */
export function evaluatePathField(path: CompiledPath, input: unknown, env: EvaluationEnv, field: string): unknown {
  const result = path.evaluate(input, env);
  if (result === undefined) {
    throw new StatesError(
      'States.Runtime',
      `The JSONPath '${path.text}' specified for the field '${field}' could not be found in the input '${JSON.stringify(input)}'`,
    );
  }
  return result;
}

function invalidValue(key: string, at: (string | number)[], detail?: string, offset?: number): TemplateIssue {
  const issue: TemplateIssue = {
    message: invalidIntrinsicFieldMessage(key),
    code: 'SCHEMA_VALIDATION_FAILED',
    path: at,
  };
  if (detail !== undefined) issue.detail = detail;
  if (offset !== undefined) issue.offset = offset;
  return issue;
}

function compileDynamic(key: string, value: unknown, at: (string | number)[], issues: TemplateIssue[]): Evaluator {
  // Stands in for a field with an issue: a template with issues is never returned, so never run.
  const unreachable: Evaluator = () => undefined;
  if (typeof value !== 'string') {
    issues.push(invalidValue(key, at, `The value is a ${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value}, not a string`));
    return unreachable;
  }
  if (value.startsWith('$')) {
    const compiled = compilePath(value, 'Path');
    if (!compiled.ok) {
      const first = compiled.issues[0];
      issues.push(invalidValue(key, at, first?.message, first?.offset));
      return unreachable;
    }
    const path = compiled.value;
    if (!path.definite) return path.evaluate;
    return (input, env) => evaluatePathField(path, input, env, key);
  }
  if (isIntrinsicCall(value)) {
    const compiled = compileIntrinsic(value);
    if (!compiled.ok) {
      const first = compiled.issues[0];
      issues.push(invalidValue(key, at, first?.message, first?.offset));
      return unreachable;
    }
    const intrinsic = compiled.value;
    return (input, env) => intrinsic.evaluate(input, env, key);
  }
  issues.push(invalidValue(key, at, "The value must start with '$' or be an intrinsic function call such as States.Format(...)"));
  return unreachable;
}
