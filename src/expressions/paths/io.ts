/**
 * The JSONPath I/O steps that take a path (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-input-output-filtering.html): InputPath, OutputPath, ResultPath.
 * Failures throw StatesError with AWS's cause text; the engine adds the
 * "An error occurred while executing the state ..." prefix.
 */
import { StatesError } from '../../definition/errors.js';
import type { EvaluationEnv } from '../types.js';
import { isJsonObject } from './filter.js';
import { setOwn } from './path.js';
import type { CompiledPath } from './path.js';
import { renderKeys } from './parse.js';
import type { PathKey } from './parse.js';

/** InputPath: absent keeps the input, `null` gives `{}`, a definite path that finds nothing is `States.Runtime`. */
export function applyInputPath(path: CompiledPath | null | undefined, rawInput: unknown, env: EvaluationEnv): unknown {
  if (path === undefined) return rawInput;
  if (path === null) return {};
  const value = path.evaluate(rawInput, env);
  if (value === undefined) {
    throw new StatesError('States.Runtime', `Invalid path '${path.text}' : ${path.explainMissing(rawInput, env)}`);
  }
  return value;
}

/** OutputPath follows the same rules as InputPath. */
export const applyOutputPath: typeof applyInputPath = applyInputPath;

/**
 * ResultPath: `null` keeps the raw input, absent or `$` gives the result, `$.a.b` gives the raw input
 * with `a.b` set, creating missing objects. Objects along the path are copied; the raw input is
 * never mutated and the rest of it is shared (values are treated as immutable).
 */
export function applyResultPath(path: CompiledPath | null | undefined, rawInput: unknown, result: unknown): unknown {
  if (path === null) return rawInput;
  if (path === undefined) return result;
  const keys = path.keys;
  if (keys === undefined || path.root !== 'input') {
    throw new StatesError(
      'States.ResultPathMatchFailure',
      `ResultPath '${path.text}' is not a reference path into the state input`,
    );
  }
  if (keys.length === 0) return result;
  return setAt(rawInput, keys, 0, result, path.text, rawInput);
}

function setAt(node: unknown, keys: readonly PathKey[], i: number, value: unknown, text: string, rawInput: unknown): unknown {
  if (i === keys.length) return value;
  const key = keys[i] as PathKey;
  if (typeof key === 'string') {
    const base = node === undefined ? {} : node;
    if (!isJsonObject(base)) throw matchFailure(text, rawInput, keys, i, base);
    const copy: Record<string, unknown> = { ...base };
    setOwn(copy, key, setAt(Object.hasOwn(base, key) ? base[key] : undefined, keys, i + 1, value, text, rawInput));
    return copy;
  }
  if (!Array.isArray(node)) throw matchFailure(text, rawInput, keys, i, node);
  const index = key < 0 ? node.length + key : key;
  if (index < 0 || index >= node.length) {
    throw new StatesError(
      'States.ResultPathMatchFailure',
      `Unable to apply ResultPath '${text}' to input '${JSON.stringify(rawInput)}': index ${key} is out of bounds`,
    );
  }
  const copy = node.slice();
  copy[index] = setAt(node[index], keys, i + 1, value, text, rawInput);
  return copy;
}

function matchFailure(text: string, rawInput: unknown, keys: readonly PathKey[], i: number, found: unknown): StatesError {
  const where = renderKeys('$', keys.slice(0, i));
  const expected = typeof keys[i] === 'number' ? 'an array' : 'an object';
  return new StatesError(
    'States.ResultPathMatchFailure',
    `Unable to apply ResultPath '${text}' to input '${JSON.stringify(rawInput)}': expected ${expected} at ${where} but found ${found === undefined ? 'nothing' : JSON.stringify(found)}`,
  );
}
