import { escapePointerToken } from './diagnostic.js';

/**
 * lint() also takes objects, which need not be JSON data: a cycle, nesting deeper than any
 * text loader accepts, or objects shared so often that the JSON written out would be huge.
 * Every later walk (schema, rules, intrinsic functions) may recurse or expand shared objects,
 * so this one check runs first, once, and is the only walk that must be safe on any object.
 */

/** As the JSON and YAML loaders: deeper nesting is refused, not walked. */
export const MAX_NESTING = 1000;

export type JsonDataProblem =
  /** `pointer` holds an object that is also its own ancestor at `target`. */
  | { kind: 'circular'; pointer: string; target: string }
  /** `pointer` is the first place nested deeper than MAX_NESTING. */
  | { kind: 'deep'; pointer: string }
  /** The compact JSON text would have more than `limit` characters (shared objects written each time). */
  | { kind: 'large'; limit: number };

interface Frame {
  value: object;
  pointer: string;
  keys: string[] | undefined;
  index: number;
  /** Characters of compact JSON written so far for this value. */
  size: number;
}

/**
 * The first reason `value` is not JSON data lint can walk, or undefined. Iterative, and
 * linear in the distinct objects: a shared object is measured once (its size is remembered),
 * so a DAG with heavy sharing costs no more than its distinct objects. Sizes are a lower
 * bound of JSON.stringify's length (escapes are not counted), checked against `maxSize`.
 */
export function jsonDataProblem(value: unknown, maxSize: number): JsonDataProblem | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const sizes = new Map<object, number>();
  const onPath = new Map<object, string>();
  const stack: Frame[] = [frameOf(value, '')];
  onPath.set(value, '');
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    const { keys } = frame;
    const length = keys === undefined ? (frame.value as unknown[]).length : keys.length;
    if (frame.index === length) {
      stack.pop();
      onPath.delete(frame.value);
      const size = frame.size + 2;
      if (size > maxSize) return { kind: 'large', limit: maxSize };
      sizes.set(frame.value, size);
      const parent = stack[stack.length - 1];
      if (parent !== undefined) parent.size += size;
      continue;
    }
    const index = frame.index++;
    const key = keys === undefined ? String(index) : (keys[index] as string);
    if (index > 0) frame.size += 1;
    if (keys !== undefined) frame.size += key.length + 3;
    const child: unknown = (frame.value as Record<string, unknown>)[key];
    if (child === null || typeof child !== 'object') {
      frame.size += scalarSize(child);
    } else {
      const known = sizes.get(child);
      if (known !== undefined) frame.size += known;
      else {
        const pointer = `${frame.pointer}/${escapePointerToken(key)}`;
        const target = onPath.get(child);
        if (target !== undefined) return { kind: 'circular', pointer, target };
        if (stack.length >= MAX_NESTING) return { kind: 'deep', pointer };
        onPath.set(child, pointer);
        stack.push(frameOf(child, pointer));
      }
    }
    if (frame.size > maxSize) return { kind: 'large', limit: maxSize };
  }
  return undefined;
}

function frameOf(value: object, pointer: string): Frame {
  return { value, pointer, keys: Array.isArray(value) ? undefined : Object.keys(value), index: 0, size: 0 };
}

function scalarSize(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return value.length + 2;
    case 'number':
      return Number.isFinite(value) ? String(value).length : 4;
    case 'boolean':
      return value ? 4 : 5;
    default:
      // null; undefined and functions are left out of objects (and null in arrays).
      return value === null ? 4 : 0;
  }
}
