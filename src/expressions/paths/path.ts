/**
 * Paths and Reference Paths (https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-paths.html), compiled once. A definite path made of names
 * and indices becomes a list of keys walked by a loop (the fast path); an indefinite path
 * (wildcards, slices, unions, recursive descent, filters) goes through jsonpath-plus with
 * script evaluation off, see indefinite.ts.
 */
import type { CompileResult, EvaluationEnv } from '../types.js';
import { isJsonObject, MISSING, resolveKeys } from './filter.js';
import { compileSteps } from './indefinite.js';
import { parsePath, PathSyntaxError, renderKeys } from './parse.js';
import type { ParsedPath, PathFunctionName, PathKey, PathRoot, Segment } from './parse.js';

export type PathKind = 'Path' | 'ReferencePath';

export interface CompiledPath {
  readonly text: string;
  /** Single-node path: no wildcard, slice, index union, filter or recursive descent. */
  readonly definite: boolean;
  /** What `$` stands for: the state's data, the context object (`$$`) or a variable (`$name`). */
  readonly root: PathRoot;
  /** The variable name for `$name...` paths. */
  readonly variable: string | undefined;
  /** For paths made only of names and single indices (every Reference Path): the keys in order. */
  readonly keys: readonly PathKey[] | undefined;
  /**
   * `$...` reads input, `$$...` reads env.context, `$name...` reads env.variables[name].
   * Definite path that does not resolve: undefined. Indefinite path: array of matches.
   */
  evaluate(input: unknown, env: EvaluationEnv): unknown;
  /** Why a definite path found nothing, in AWS's words: `Missing property in path $['no']`. */
  explainMissing(input: unknown, env: EvaluationEnv): string;
}

const REFERENCE_PREFIX = 'Value is not a Reference Path: ';
const PATH_PREFIX = 'Value is not a valid JSONPath: ';

/**
 * The process's compiled paths, one map per kind: the linter and the engine ask for the same
 * texts (`$.input`, `$.result`) across states, rules and machines, and whichever asks first
 * compiles. A CompiledPath holds no per-evaluation state, so one value serves every caller.
 * Bounded (the oldest text leaves first) so hostile input cannot grow it.
 */
const compiledPaths = new Map<string, CompileResult<CompiledPath>>();
const compiledReferencePaths = new Map<string, CompileResult<CompiledPath>>();
export const PATH_CACHE_LIMIT = 20_000;

/** Compiles `text` as a Path or Reference Path; equal text and kind give the same (shared, immutable) result. */
export function compilePath(text: string, kind: PathKind = 'Path'): CompileResult<CompiledPath> {
  const cache = kind === 'ReferencePath' ? compiledReferencePaths : compiledPaths;
  let result = cache.get(text);
  if (result === undefined) {
    if (typeof text !== 'string') return compileUncached(text, kind);
    result = Object.freeze(compileUncached(text, kind));
    if (cache.size >= PATH_CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(text, result);
  }
  return result;
}

function compileUncached(text: string, kind: PathKind): CompileResult<CompiledPath> {
  const prefix = kind === 'ReferencePath' ? REFERENCE_PREFIX : PATH_PREFIX;
  if (typeof text !== 'string') return { ok: false, issues: [{ message: `${prefix}a path must be a string` }] };
  let parsed: ParsedPath;
  try {
    parsed = parsePath(text);
  } catch (error) {
    if (!(error instanceof PathSyntaxError)) throw error;
    const detail = kind === 'ReferencePath' && error.offset === 0 ? "Reference path didn't start with '$'" : error.message;
    return { ok: false, issues: [{ message: prefix + detail, offset: error.offset }] };
  }
  if (kind === 'ReferencePath') {
    const problem = referencePathProblem(text, parsed.segments);
    if (problem) return { ok: false, issues: [{ message: REFERENCE_PREFIX + problem.detail, offset: problem.offset }] };
  }
  return { ok: true, value: buildPath(text, parsed) };
}

/** A Reference Path identifies one node: only names and single indices (https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-paths.html). */
function referencePathProblem(text: string, segments: Segment[]): { detail: string; offset: number } | undefined {
  for (const segment of segments) {
    if (segment.type === 'property' || segment.type === 'index') continue;
    const offsets: Record<string, [string, string]> = {
      wildcard: ['*', "Reference path can't contain '*'"],
      descendant: ['..', "Reference path can't contain '..'"],
      function: ['(', "Reference path can't contain functions"],
      properties: [',', "Reference path can't contain ','"],
      indexes: [',', "Reference path can't contain ','"],
      slice: [':', "Reference path can't contain ':'"],
      filter: ['[?', "'[' must be followed by ' or a number"],
    };
    const [needle, detail] = offsets[segment.type] as [string, string];
    return { detail, offset: Math.max(0, text.indexOf(needle)) };
  }
  return undefined;
}

function rootText(parsed: ParsedPath): string {
  return parsed.root === 'variable' ? `$${parsed.variable}` : '$';
}

function buildPath(text: string, parsed: ParsedPath): CompiledPath {
  const { root, variable, segments } = parsed;
  const plain = segments.every((s) => s.type === 'property' || s.type === 'index');
  const keys = plain ? segments.map((s) => (s.type === 'property' ? s.name : (s as { index: number }).index)) : undefined;
  const last = segments[segments.length - 1];
  // Jayway treats a name union as the last step, or a trailing function, as one node.
  const leafSingle = last?.type === 'function' || last?.type === 'properties';
  const walkable = segments.slice(0, leafSingle ? -1 : undefined);
  const definite = walkable.every((s) => s.type === 'property' || s.type === 'index');
  const readRoot = rootReader(root, variable);

  const definiteKeys = definite ? walkable.map((s) => (s.type === 'property' ? s.name : (s as { index: number }).index)) : [];
  let evaluate: (input: unknown, env: EvaluationEnv) => unknown;
  if (keys) {
    evaluate = keys.length === 0 ? readRoot : definiteEvaluator(root, readRoot, keys);
  } else {
    const select = definite ? definiteMatches(definiteKeys) : compileSteps(walkable);
    evaluate = (input, env) => {
      const base = readRoot(input, env);
      if (base === undefined) return definite ? undefined : [];
      const matches = select(base);
      if (last?.type === 'function') {
        const target = definite ? matches[0] : matches;
        return target === undefined ? undefined : applyFunction(last.name, target);
      }
      if (last?.type === 'properties') {
        const merged = matches.filter(isJsonObject).map((node) => mergeProperties(node, last.names));
        return definite ? merged[0] : merged;
      }
      return matches;
    };
  }

  return {
    text,
    definite,
    root,
    variable,
    keys,
    evaluate,
    explainMissing: (input, env) => explainMissing(readRoot(input, env), rootText(parsed), definiteKeys, leafSingle),
  };
}

function rootReader(root: PathRoot, variable: string | undefined): (input: unknown, env: EvaluationEnv) => unknown {
  if (root === 'input') return (input) => input;
  if (root === 'context') return (_input, env) => env.context;
  const name = variable as string;
  return (_input, env) => (name in env.variables ? env.variables[name] : undefined);
}

/** The fast path: a loop over precomputed keys, no allocation. */
function definiteEvaluator(
  root: PathRoot,
  readRoot: (input: unknown, env: EvaluationEnv) => unknown,
  keys: readonly PathKey[],
): (input: unknown, env: EvaluationEnv) => unknown {
  if (root === 'input') return (input) => walkKeys(input, keys);
  return (input, env) => walkKeys(readRoot(input, env), keys);
}

function walkKeys(start: unknown, keys: readonly PathKey[]): unknown {
  let current = start;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as PathKey;
    if (typeof key === 'string') {
      if (typeof current !== 'object' || current === null || Array.isArray(current) || !Object.hasOwn(current, key)) {
        return undefined;
      }
      current = (current as Record<string, unknown>)[key];
    } else {
      if (!Array.isArray(current)) return undefined;
      const index = key < 0 ? current.length + key : key;
      if (index < 0 || index >= current.length) return undefined;
      current = current[index];
    }
  }
  return current;
}

/** A definite path ending in a function or a name union: its single node, or none. */
function definiteMatches(keys: readonly PathKey[]): (base: unknown) => unknown[] {
  return (base) => {
    const value = walkKeys(base, keys);
    return value === undefined ? [] : [value];
  };
}

function mergeProperties(node: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const name of names) if (Object.hasOwn(node, name)) setOwn(merged, name, node[name]);
  return merged;
}

/** Set a key as an own data property, even `__proto__`. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

function applyFunction(name: PathFunctionName, target: unknown): unknown {
  if (name === 'length') {
    if (Array.isArray(target) || typeof target === 'string') return target.length;
    return isJsonObject(target) ? Object.keys(target).length : undefined;
  }
  if (name === 'keys') return isJsonObject(target) ? Object.keys(target) : undefined;
  if (!Array.isArray(target) || target.length === 0) return undefined;
  if (name === 'first') return target[0];
  if (name === 'last') return target[target.length - 1];
  const numbers = target.filter((v): v is number => typeof v === 'number');
  if (numbers.length === 0) return undefined;
  const sum = numbers.reduce((a, b) => a + b, 0);
  const avg = sum / numbers.length;
  switch (name) {
    case 'min':
      return Math.min(...numbers);
    case 'max':
      return Math.max(...numbers);
    case 'sum':
      return sum;
    case 'avg':
      return avg;
    default:
      return Math.sqrt(numbers.reduce((a, b) => a + (b - avg) ** 2, 0) / numbers.length);
  }
}

function jsonTypeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'object' : typeof value;
}

/**
 * Jayway's PathNotFoundException texts: a missing last name gives `No results for path: <path>`,
 * a missing intermediate name `Missing property in path <prefix>`; other failures are worded
 * after Jayway's (AWS's exact text for them is not recorded).
 */
function explainMissing(base: unknown, rootString: string, keys: readonly PathKey[], leafSingle: boolean): string {
  const full = renderKeys(rootString, keys);
  if (base === undefined) return `No results for path: ${full}`;
  let current: unknown = base;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as PathKey;
    const here = renderKeys(rootString, keys.slice(0, i));
    const isLast = i === keys.length - 1 && !leafSingle;
    if (typeof key === 'string') {
      if (!isJsonObject(current)) {
        return `Expected to find an object with property ['${key}'] in path ${here} but found '${jsonTypeName(current)}'`;
      }
      if (!Object.hasOwn(current, key)) {
        return isLast ? `No results for path: ${full}` : `Missing property in path ${renderKeys(rootString, keys.slice(0, i + 1))}`;
      }
      current = current[key];
    } else {
      if (!Array.isArray(current)) {
        return `Expected to find an array with index [${key}] in path ${here} but found '${jsonTypeName(current)}'`;
      }
      const value = resolveKeys(current, [key]);
      if (value === MISSING) return `No results for path: ${full}`;
      current = value;
    }
  }
  return `No results for path: ${full}`;
}
