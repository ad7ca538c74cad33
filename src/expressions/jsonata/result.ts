/**
 * Turning what jsonata returns into a JSON value, and AWS's `States.QueryEvaluationError` causes
 * (https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html).
 */
import { StatesError } from '../../definition/errors.js';

export const QUERY_EVALUATION_ERROR = 'States.QueryEvaluationError';

function prefix(expr: string, location: string): string {
  return `The JSONata expression '${expr}' specified for the field '${location}'`;
}

export function returnedNothing(expr: string, location: string): StatesError {
  return new StatesError(QUERY_EVALUATION_ERROR, `${prefix(expr, location)} returned nothing (undefined).`);
}

export function unsupportedResultType(expr: string, location: string): StatesError {
  return new StatesError(QUERY_EVALUATION_ERROR, `${prefix(expr, location)} returned an unsupported result type.`);
}

/** `detail` is `<CODE>: <message>` for jsonata's coded errors, the bare message otherwise. */
export function threwDuringEvaluation(expr: string, location: string, detail: string): StatesError {
  return new StatesError(QUERY_EVALUATION_ERROR, `${prefix(expr, location)} threw an error during evaluation. ${detail}`);
}

export type ExpectedType = 'array' | 'number' | 'integer' | 'string' | 'boolean' | 'object';

/** The JSON type name AWS prints after "but was". */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function hasType(value: unknown, expected: ExpectedType): boolean {
  switch (expected) {
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    default:
      return typeof value === expected;
  }
}

/**
 * Throws AWS's type error for a field whose expression must yield one JSON type, e.g.
 * `... returned an unexpected result type. Expected 'array', but was 'number' for value: 1`.
 */
export function expectType(value: unknown, expected: ExpectedType, expr: string, location: string): void {
  if (hasType(value, expected)) return;
  throw new StatesError(
    QUERY_EVALUATION_ERROR,
    `${prefix(expr, location)} returned an unexpected result type. Expected '${expected}', but was '${jsonTypeOf(value)}' for value: ${JSON.stringify(value)}`,
  );
}

/** Thrown by `toJson` when a value has no JSON form (a function, a regex). */
export class UnsupportedResult extends Error {}

function isJsonataFunction(value: object): boolean {
  const flags = value as { _jsonata_function?: unknown; _jsonata_lambda?: unknown };
  return flags._jsonata_function === true || flags._jsonata_lambda === true || value instanceof RegExp;
}

function isPlainArray(array: unknown[]): boolean {
  // jsonata marks sequences with extra own properties (sequence, keepSingleton, outerWrapper...).
  return Object.keys(array).length === array.length;
}

/**
 * The JSON value of a jsonata result: sequences become plain arrays, keys holding `undefined`
 * are dropped (as JSON serialization would), and functions anywhere raise `UnsupportedResult`.
 * Unchanged sub-trees are returned as they are, so a large input passed through costs one walk.
 */
export function toJson(value: unknown): unknown {
  if (typeof value === 'function') throw new UnsupportedResult();
  if (typeof value !== 'object' || value === null) return value;
  if (isJsonataFunction(value)) throw new UnsupportedResult();
  if (Array.isArray(value)) {
    let changed = !isPlainArray(value);
    const items: unknown[] = [];
    for (const item of value as unknown[]) {
      if (item === undefined) {
        changed = true;
        continue;
      }
      const converted = toJson(item);
      if (converted !== item) changed = true;
      items.push(converted);
    }
    return changed ? items : value;
  }
  let copy: Record<string, unknown> | undefined;
  const source = value as Record<string, unknown>;
  for (const key of Object.keys(source)) {
    const item = source[key];
    const converted = item === undefined ? undefined : toJson(item);
    if (converted !== item || item === undefined) {
      copy ??= { ...source };
      if (converted === undefined) delete copy[key];
      else copy[key] = converted;
    }
  }
  return copy ?? value;
}
