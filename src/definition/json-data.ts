import { escapePointerToken, type Diagnostic } from './diagnostic.js';

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
  keys: string[] | undefined;
  index: number;
  /** Characters of compact JSON written so far for this value. */
  size: number;
}

/**
 * The first reason `value` is not JSON data lint can walk, or undefined. Sizes are about
 * JSON.stringify's length (escapes are not counted), checked against `maxSize`.
 */
export function jsonDataProblem(value: unknown, maxSize: number): JsonDataProblem | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  // Nearly every object is within the limits: one quick pass says so, and the full search (which
  // names the problem) runs only when it cannot. No visited set: a cycle is nesting without end.
  return writtenSize(value, 1, maxSize) === -1 ? firstProblem(value, maxSize) : undefined;
}

/**
 * About JSON.stringify's length of `value`, shared objects written each time; -1 when that is
 * over `maxSize` or nested deeper than MAX_NESTING. Bounded by both, whatever the sharing.
 */
function writtenSize(value: object, depth: number, maxSize: number): number {
  if (depth > MAX_NESTING) return -1;
  let size = 1;
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) {
      const inner = item !== null && typeof item === 'object' ? writtenSize(item, depth + 1, maxSize) : scalarSize(item);
      if (inner === -1) return -1;
      size += inner + 1;
    }
  } else {
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      const item = (value as Record<string, unknown>)[key];
      const inner = item !== null && typeof item === 'object' ? writtenSize(item, depth + 1, maxSize) : scalarSize(item);
      if (inner === -1) return -1;
      size += key.length + 4 + inner;
    }
  }
  size = Math.max(size, 2);
  return size > maxSize ? -1 : size;
}

/**
 * Iterative, and linear in the distinct objects: a shared object is measured once (its size is
 * remembered), so a DAG with heavy sharing costs no more than its distinct objects.
 */
function firstProblem(value: object, maxSize: number): JsonDataProblem | undefined {
  const sizes = new Map<object, number>();
  const onPath = new Set<object>([value]);
  const stack: Frame[] = [frameOf(value)];
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
        if (onPath.has(child)) {
          const target = stack.findIndex((f) => f.value === child);
          return { kind: 'circular', pointer: pointerOf(stack, stack.length), target: pointerOf(stack, target) };
        }
        if (stack.length >= MAX_NESTING) return { kind: 'deep', pointer: pointerOf(stack, stack.length) };
        onPath.add(child);
        stack.push(frameOf(child));
      }
    }
    if (frame.size > maxSize) return { kind: 'large', limit: maxSize };
  }
  return undefined;
}

function frameOf(value: object): Frame {
  return { value, keys: Array.isArray(value) ? undefined : Object.keys(value), index: 0, size: 0 };
}

/** The pointer of the value the first `depth` frames lead to (each frame is at its current member). */
function pointerOf(stack: readonly Frame[], depth: number): string {
  let pointer = '';
  for (const { keys, index } of stack.slice(0, depth)) {
    pointer += `/${keys === undefined ? index - 1 : escapePointerToken(keys[index - 1] as string)}`;
  }
  return pointer;
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

/**
 * Larger than this as compact JSON, an object is not walked, nor a text (in characters) parsed:
 * AWS accepts definitions and CloudFormation templates of 1 MB, and the margin leaves room for
 * indentation and comments while bounding the work before any is done.
 */
export const MAX_SOURCE_SIZE = 4 * 1024 * 1024;

/**
 * An object that no later walk can take safely (a cycle, nesting deeper than the loaders
 * accept, shared objects that write out to far over AWS's limit) is reported alone, whatever
 * the rules settings: nothing else can be said about it.
 */
export function notJsonData(source: unknown, file: string | undefined): Diagnostic | undefined {
  let problem: JsonDataProblem | undefined;
  try {
    problem = jsonDataProblem(source, MAX_SOURCE_SIZE);
  } catch {
    // A getter that throws: the rules engine reports the definition as unreadable.
    return undefined;
  }
  if (problem === undefined) return undefined;
  let diagnostic: Diagnostic;
  switch (problem.kind) {
    case 'circular': {
      const target = problem.target === '' ? 'the root' : problem.target;
      diagnostic = {
        ruleId: 'max-definition-size',
        severity: 'error',
        message: `The definition is not JSON data (${problem.pointer} refers back to ${target}, a circular structure), so it cannot be sent to AWS`,
        // As the rule reports a definition JSON.stringify refuses: about the whole definition.
        pointer: '',
        code: 'SCHEMA_VALIDATION_FAILED',
      };
      break;
    }
    case 'large':
      diagnostic = {
        ruleId: 'max-definition-size',
        severity: 'error',
        message: `The definition is more than ${problem.limit} bytes as compact JSON (its shared objects written out where each appears); AWS accepts at most 1048576 bytes (1 MB)`,
        pointer: '',
        code: 'SCHEMA_VALIDATION_FAILED',
      };
      break;
    case 'deep':
      diagnostic = {
        ruleId: 'parse',
        severity: 'error',
        message: `The definition nests deeper than ${MAX_NESTING} levels`,
        pointer: problem.pointer,
        code: 'INVALID_JSON_DESCRIPTION',
      };
      break;
  }
  if (file !== undefined) diagnostic.file = file;
  return diagnostic;
}
