/**
 * Our own evaluator for the filter expressions parse.ts accepts (jsonpath-plus calls it through
 * indefinite.ts's eval callback): comparisons of `@`/`$`
 * paths with JSON literals, existence tests, `&&`, `||`. Jayway's semantics (https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-paths.html):
 * `[?(@.keep)]` is an existence test (true for `false` and `null` values), values of
 * different JSON types are never equal or ordered, and a missing operand makes every
 * comparison false except `!=`.
 */
import type { FilterExpression, FilterOperand, PathKey } from './parse.js';
import { isObject } from '../../definition/walk.js';

const MISSING = Symbol('missing');

export function resolveKeys(value: unknown, keys: readonly PathKey[]): unknown {
  let current = value;
  for (const key of keys) {
    if (typeof key === 'string') {
      if (!isJsonObject(current) || !Object.hasOwn(current, key)) return MISSING;
      current = current[key];
    } else {
      if (!Array.isArray(current)) return MISSING;
      const index = key < 0 ? current.length + key : key;
      if (index < 0 || index >= current.length) return MISSING;
      current = current[index];
    }
  }
  return current;
}

/** A JSON object (not an array, not null): the one `isObject`, under the name this layer uses. */
export const isJsonObject = isObject as (value: unknown) => value is Record<string, unknown>;

function operandValue(operand: FilterOperand, current: unknown, root: unknown): unknown {
  if (operand.type === 'literal') return operand.value;
  return resolveKeys(operand.from === 'current' ? current : root, operand.keys);
}

export function jsonEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEquals(item, b[i]));
  }
  if (isJsonObject(a) && isJsonObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && jsonEquals(a[k], b[k]));
  }
  return false;
}

function compare(operator: string, left: unknown, right: unknown): boolean {
  if (left === MISSING || right === MISSING) return operator === '!=';
  if (operator === '==') return jsonEquals(left, right);
  if (operator === '!=') return !jsonEquals(left, right);
  const bothNumbers = typeof left === 'number' && typeof right === 'number';
  const bothStrings = typeof left === 'string' && typeof right === 'string';
  if (!bothNumbers && !bothStrings) return false;
  const l = left as number | string;
  const r = right as number | string;
  switch (operator) {
    case '<':
      return l < r;
    case '<=':
      return l <= r;
    case '>':
      return l > r;
    default:
      return l >= r;
  }
}

export function testFilter(expression: FilterExpression, current: unknown, root: unknown): boolean {
  switch (expression.type) {
    case 'or':
      return testFilter(expression.left, current, root) || testFilter(expression.right, current, root);
    case 'and':
      return testFilter(expression.left, current, root) && testFilter(expression.right, current, root);
    case 'exists':
      return operandValue(expression.operand, current, root) !== MISSING;
    case 'compare':
      return compare(
        expression.operator,
        operandValue(expression.left, current, root),
        operandValue(expression.right, current, root),
      );
  }
}

export { MISSING };
