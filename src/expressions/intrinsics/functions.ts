/**
 * The 18 intrinsic functions as one table (https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html): name, arity, parameter types,
 * return type and implementation. Argument types are checked before `impl` runs, so each
 * `impl` sees the types its signature names. Behaviour follows recorded AWS results; where
 * AWS truncates or rounds a number, the helper used says which.
 */
import { StatesError } from '../../definition/errors.js';
import type { EvaluationEnv } from '../types.js';
import type { CallNode, IntrinsicIssue, IntrinsicNode, LiteralNode } from './ast.js';
import { HASH_ALGORITHMS, hashHex, isHashAlgorithm } from '../hash.js';
import { JavaRandom, uuidV4 } from './random.js';

/**
 * The error raised when an intrinsic fails at run time. The spec names
 * `States.IntrinsicFailure` (https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html, https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html), but AWS raises `States.Runtime`
 * with a cause starting `Invalid arguments in States.<Fn>`: recorded by suites run against
 * AWS (a MathAdd given a string fails the execution with States.Runtime; ArrayRange with a
 * string, a zero step or over 1000 elements; MathRandom with equal bounds). So the failure
 * is neither retried nor caught. Kept in one place so the choice can change.
 */
export const INTRINSIC_FAILURE_ERROR = 'States.Runtime';

export type ValueType = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object';
export type ArgumentType = ValueType | 'any';

export type IntrinsicImpl = (args: unknown[], env: EvaluationEnv) => unknown;

export interface IntrinsicFunction {
  readonly name: string;
  readonly minArgs: number;
  /** `Infinity` when any number of further arguments is allowed. */
  readonly maxArgs: number;
  /** One type per parameter; when `maxArgs` is `Infinity` the last one applies to the rest. */
  readonly parameters: readonly ArgumentType[];
  readonly returns: ArgumentType;
  readonly summary: string;
  readonly impl: IntrinsicImpl;
  /** Warnings that need the literal arguments (placeholder count, range size, ...): each is a sure run-time failure. */
  readonly checkLiterals?: (call: CallNode) => IntrinsicIssue[];
  /** A faster or more exact implementation when some arguments are literals. */
  readonly specialize?: (args: readonly IntrinsicNode[]) => IntrinsicImpl | undefined;
}

export const MAX_STRING_INPUT = 10_000;
export const MAX_RANGE_ELEMENTS = 1000;

export function parameterType(fn: IntrinsicFunction, index: number): ArgumentType {
  const last = fn.parameters.length - 1;
  return fn.parameters[fn.maxArgs === Infinity ? Math.min(index, last) : index] ?? 'any';
}

export function jsonTypeOf(value: unknown): ValueType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as ValueType;
}

const TYPE_WORDS: Readonly<Record<ArgumentType, string>> = {
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  null: 'null',
  array: 'an array',
  object: 'an object',
  any: 'any value',
};

export function describeType(type: ArgumentType): string {
  return TYPE_WORDS[type];
}

/** `takes 2 arguments but was given 1`, for a call whose argument count is outside the function's. */
export function arityMismatch(fn: IntrinsicFunction, given: number): string {
  let takes: string;
  if (fn.maxArgs === 0) takes = 'no arguments';
  else if (fn.maxArgs === Infinity) takes = `at least ${fn.minArgs} argument${fn.minArgs === 1 ? '' : 's'}`;
  else if (fn.minArgs === fn.maxArgs) takes = `${fn.minArgs} argument${fn.minArgs === 1 ? '' : 's'}`;
  else takes = `${fn.minArgs} or ${fn.maxArgs} arguments`;
  return `takes ${takes} but was given ${given}`;
}

export function invalidArguments(fn: string, reason: string): StatesError {
  return new StatesError(INTRINSIC_FAILURE_ERROR, `Invalid arguments in ${fn}: ${reason}`);
}

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

/** AWS reads integer parameters as Java ints, truncating decimals (2.6 gives 2). */
function toInt(fn: string, what: string, value: number): number {
  const n = Math.trunc(value) + 0;
  if (!(n >= INT_MIN && n <= INT_MAX)) throw invalidArguments(fn, `${what} ${value} is not a 32-bit integer`);
  return n;
}

/** States.MathAdd rounds like Java's Math.round (half up, toward +∞), which Math.round matches. */
function roundToInt(fn: string, what: string, value: number): number {
  const n = Math.round(value) + 0;
  if (!(n >= INT_MIN && n <= INT_MAX)) throw invalidArguments(fn, `${what} ${value} is not a 32-bit integer`);
  return n;
}

/** Java's `String.valueOf` of a JSON value, as States.Format renders it: maps as `{k=v, …}`. */
export function renderFormatValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `[${value.map(renderFormatValue).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value).map(([key, item]) => `${key}=${renderFormatValue(item)}`).join(', ')}}`;
  }
  return String(value);
}

/** `parts` is the template split at its placeholders; `args[i]` fills the i-th (args[0] is the template). */
function format(parts: readonly string[], args: readonly unknown[]): string {
  let text = parts[0] as string;
  for (let i = 1; i < parts.length; i++) text += renderFormatValue(args[i]) + (parts[i] as string);
  return text;
}

const LONE_BRACE = 'the template has an unescaped brace that is not part of a {} placeholder';

function placeholderMismatch(placeholders: number, values: number): string {
  return `the template has ${placeholders} placeholder${placeholders === 1 ? '' : 's'} {} but ${values} value${values === 1 ? ' was' : 's were'} given`;
}

/** A key that is equal for deep-equal JSON values, whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function rangeSize(start: number, end: number, step: number): number {
  if (step > 0 ? start > end : start < end) return 0;
  return Math.floor((end - start) / step) + 1;
}

function utf8ToBase64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

const BASE64_ALPHABET = /[A-Za-z0-9+/]/;
const utf8 = new TextDecoder('utf-8');

/**
 * Java's MIME decoder, as AWS uses it: characters outside the Base64 alphabet are ignored and
 * padding ends the data (recorded: `!!!invalid!!!`, `abc` and ` YWJjZA== ` all decode).
 */
function mimeBase64ToUtf8(fn: string, text: string): string {
  let data = '';
  for (const c of text) {
    if (c === '=') break;
    if (BASE64_ALPHABET.test(c)) data += c;
  }
  if (data.length % 4 === 1) throw invalidArguments(fn, 'the input is not valid Base64');
  const binary = atob(data + '='.repeat((4 - (data.length % 4)) % 4));
  return utf8.decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

function limitLength(fn: string, text: string): void {
  if (text.length > MAX_STRING_INPUT) {
    throw invalidArguments(fn, `the input has ${text.length} characters; at most ${MAX_STRING_INPUT} are allowed`);
  }
}

function literalAt(call: CallNode, index: number): LiteralNode | undefined {
  const node = call.args[index];
  return node?.kind === 'literal' ? node : undefined;
}

/** A literal check's finding: a warning, since AWS accepts the definition and fails the call at run time. */
function issue(message: string, offset: number, check: IntrinsicIssue['check']): IntrinsicIssue {
  return { message, offset, check };
}

export const INTRINSIC_FUNCTIONS: readonly IntrinsicFunction[] = [
  {
    name: 'States.Format',
    minArgs: 1,
    maxArgs: Infinity,
    parameters: ['string', 'any'],
    returns: 'string',
    summary: 'Renders the template, replacing each {} with the next argument.',
    impl(args) {
      const parts = (args[0] as string).split('{}');
      if (parts.length !== args.length) throw invalidArguments('States.Format', placeholderMismatch(parts.length - 1, args.length - 1));
      return format(parts, args);
    },
    specialize(args) {
      // A literal template is split once, at its unescaped placeholders only (`\{}` is text).
      const template = args[0]?.kind === 'literal' ? args[0].string : undefined;
      if (!template) return undefined;
      const { parts } = template;
      // Recorded on AWS: `'Hello {'`, `'}'` and `'Hello {{}}'` fail the call (States.Runtime).
      const reason = template.loneBraces.length > 0 ? LONE_BRACE : parts.length !== args.length ? placeholderMismatch(parts.length - 1, args.length - 1) : undefined;
      if (reason === undefined) return (values) => format(parts, values);
      const failure = invalidArguments('States.Format', reason);
      return () => {
        throw failure;
      };
    },
    checkLiterals(call) {
      const template = literalAt(call, 0);
      if (!template?.string) return [];
      const lone = template.string.loneBraces[0];
      if (lone !== undefined) return [issue(`States.Format: ${LONE_BRACE}; write \\{ or \\} for a literal brace`, lone, 'format-template')];
      const placeholders = template.string.parts.length - 1;
      if (placeholders === call.args.length - 1) return [];
      return [issue(`States.Format: ${placeholderMismatch(placeholders, call.args.length - 1)}`, template.offset, 'format-placeholders')];
    },
  },
  {
    name: 'States.StringToJson',
    minArgs: 1,
    maxArgs: 1,
    parameters: ['string'],
    returns: 'any',
    summary: 'Parses a JSON string; a blank string gives null.',
    impl([text]) {
      if ((text as string).trim() === '') return null;
      try {
        return JSON.parse(text as string, (_key, value: unknown) => (Object.is(value, -0) ? 0 : value));
      } catch {
        throw invalidArguments('States.StringToJson', 'the argument is not valid JSON');
      }
    },
  },
  {
    name: 'States.JsonToString',
    minArgs: 1,
    maxArgs: 1,
    parameters: ['any'],
    returns: 'string',
    summary: 'Serializes a value as compact JSON.',
    impl: ([value]) => JSON.stringify(value),
  },
  {
    name: 'States.Array',
    minArgs: 0,
    maxArgs: Infinity,
    parameters: ['any'],
    returns: 'array',
    summary: 'Returns its arguments as an array.',
    impl: (args) => args,
  },
  {
    name: 'States.ArrayPartition',
    minArgs: 2,
    maxArgs: 2,
    parameters: ['array', 'number'],
    returns: 'array',
    summary: 'Splits an array into chunks of the given size; the last may be shorter.',
    impl([array, size]) {
      const items = array as unknown[];
      const chunk = toInt('States.ArrayPartition', 'chunk size', size as number);
      if (chunk <= 0) throw invalidArguments('States.ArrayPartition', `chunk size ${size as number} must be greater than 0`);
      const chunks: unknown[][] = [];
      for (let i = 0; i < items.length; i += chunk) chunks.push(items.slice(i, i + chunk));
      return chunks;
    },
  },
  {
    name: 'States.ArrayContains',
    minArgs: 2,
    maxArgs: 2,
    parameters: ['array', 'any'],
    returns: 'boolean',
    summary: 'Whether the array holds a value deep-equal to the second argument.',
    impl([array, value]) {
      const key = canonical(value);
      return (array as unknown[]).some((item) => canonical(item) === key);
    },
  },
  {
    name: 'States.ArrayRange',
    minArgs: 3,
    maxArgs: 3,
    parameters: ['number', 'number', 'number'],
    returns: 'array',
    summary: `Integers from start to end inclusive by step (step may be negative); at most ${MAX_RANGE_ELEMENTS}.`,
    impl([first, last, by]) {
      const fn = 'States.ArrayRange';
      const start = toInt(fn, 'start', first as number);
      const end = toInt(fn, 'end', last as number);
      const step = toInt(fn, 'step', by as number);
      if (step === 0) throw invalidArguments(fn, 'step must not be 0');
      const size = rangeSize(start, end, step);
      if (size > MAX_RANGE_ELEMENTS) throw invalidArguments(fn, `the range has ${size} elements; at most ${MAX_RANGE_ELEMENTS} are allowed`);
      return Array.from({ length: size }, (_, i) => start + i * step);
    },
    checkLiterals(call) {
      const values = [0, 1, 2].map((i) => literalAt(call, i)?.value);
      if (!values.every((value): value is number => typeof value === 'number')) return [];
      const [start, end, step] = values.map(Math.trunc) as [number, number, number];
      const stepNode = call.args[2] as IntrinsicNode;
      if (step === 0) return [issue('States.ArrayRange: step must not be 0', stepNode.offset, 'array-range')];
      const size = rangeSize(start, end, step);
      if (size <= MAX_RANGE_ELEMENTS) return [];
      return [issue(`States.ArrayRange: the range has ${size} elements; at most ${MAX_RANGE_ELEMENTS} are allowed`, call.offset, 'array-range')];
    },
  },
  {
    name: 'States.ArrayGetItem',
    minArgs: 2,
    maxArgs: 2,
    parameters: ['array', 'number'],
    returns: 'any',
    summary: 'The element at a 0-based index.',
    impl([array, at]) {
      const items = array as unknown[];
      const index = toInt('States.ArrayGetItem', 'index', at as number);
      // Recorded on AWS: any index into an empty array gives null rather than an error.
      if (items.length === 0) return null;
      if (index < 0 || index >= items.length) throw invalidArguments('States.ArrayGetItem', `index ${index} is out of bounds`);
      return items[index];
    },
  },
  {
    name: 'States.ArrayLength',
    minArgs: 1,
    maxArgs: 1,
    parameters: ['array'],
    returns: 'number',
    summary: 'The number of elements.',
    impl: ([array]) => (array as unknown[]).length,
  },
  {
    name: 'States.ArrayUnique',
    minArgs: 1,
    maxArgs: 1,
    parameters: ['array'],
    returns: 'array',
    summary: 'Removes deep-equal duplicates, keeping first occurrences in order.',
    impl([array]) {
      const seen = new Set<string>();
      return (array as unknown[]).filter((item) => {
        const key = canonical(item);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    },
  },
  {
    name: 'States.Base64Encode',
    minArgs: 1,
    maxArgs: 1,
    parameters: ['string'],
    returns: 'string',
    summary: `Base64 of the UTF-8 bytes of a string of at most ${MAX_STRING_INPUT} characters.`,
    impl([text]) {
      limitLength('States.Base64Encode', text as string);
      return utf8ToBase64(text as string);
    },
  },
  {
    name: 'States.Base64Decode',
    minArgs: 1,
    maxArgs: 1,
    parameters: ['string'],
    returns: 'string',
    summary: `Decodes Base64 (at most ${MAX_STRING_INPUT} characters) to a UTF-8 string.`,
    impl([text]) {
      limitLength('States.Base64Decode', text as string);
      return mimeBase64ToUtf8('States.Base64Decode', text as string);
    },
  },
  {
    name: 'States.Hash',
    minArgs: 2,
    maxArgs: 2,
    parameters: ['string', 'string'],
    returns: 'string',
    summary: `Lowercase hex digest with ${HASH_ALGORITHMS.join(', ')}; input of at most ${MAX_STRING_INPUT} characters.`,
    impl([data, algorithm]) {
      if (!isHashAlgorithm(algorithm)) throw invalidArguments('States.Hash', `unsupported algorithm '${String(algorithm)}'; use one of ${HASH_ALGORITHMS.join(', ')}`);
      limitLength('States.Hash', data as string);
      return hashHex(algorithm, data as string);
    },
    checkLiterals(call) {
      const algorithm = literalAt(call, 1);
      const name = algorithm?.value;
      if (typeof name !== 'string' || isHashAlgorithm(name)) return [];
      const loose = (text: string) => text.replace('-', '').toLowerCase();
      const near = HASH_ALGORITHMS.find((known) => loose(known) === loose(name));
      const hint = near ? `; did you mean '${near}'?` : `; use one of ${HASH_ALGORITHMS.join(', ')}`;
      return [issue(`States.Hash: unsupported algorithm '${name}'${hint}`, (algorithm as LiteralNode).offset, 'hash-algorithm')];
    },
  },
  {
    name: 'States.JsonMerge',
    minArgs: 3,
    maxArgs: 3,
    parameters: ['object', 'object', 'boolean'],
    returns: 'object',
    summary: "Shallow merge: the second object's keys win. The third argument must be false.",
    impl([left, right, deep]) {
      if (deep) throw invalidArguments('States.JsonMerge', 'deep merging is not supported; the third argument must be false');
      return { ...(left as object), ...(right as object) };
    },
    checkLiterals(call) {
      const deep = literalAt(call, 2);
      if (deep?.value !== true) return [];
      return [issue('States.JsonMerge: deep merging is not supported; the third argument must be false', deep.offset, 'json-merge-deep')];
    },
  },
  {
    name: 'States.MathRandom',
    minArgs: 2,
    maxArgs: 3,
    parameters: ['number', 'number', 'number'],
    returns: 'number',
    summary: 'A random integer n with start <= n < end; a seed makes it repeatable (java.util.Random).',
    impl([first, last, seed], env) {
      const fn = 'States.MathRandom';
      const start = toInt(fn, 'start', first as number);
      const end = toInt(fn, 'end', last as number);
      if (start >= end) throw invalidArguments(fn, `start ${start} must be less than end ${end}`);
      const span = end - start;
      if (seed === undefined) return start + Math.floor(env.random() * span);
      if (span > INT_MAX) throw invalidArguments(fn, `the range from ${start} to ${end} is wider than ${INT_MAX}`);
      return start + new JavaRandom(BigInt(Math.trunc(seed as number))).nextInt(span);
    },
  },
  {
    name: 'States.MathAdd',
    minArgs: 2,
    maxArgs: 2,
    parameters: ['number', 'number'],
    returns: 'number',
    summary: 'Adds two numbers after rounding each half up; the sum must be a 32-bit integer.',
    impl([a, b]) {
      const sum = roundToInt('States.MathAdd', 'operand', a as number) + roundToInt('States.MathAdd', 'operand', b as number);
      if (sum < INT_MIN || sum > INT_MAX) throw invalidArguments('States.MathAdd', `the sum ${sum} is not a 32-bit integer`);
      return sum;
    },
  },
  {
    name: 'States.StringSplit',
    minArgs: 2,
    maxArgs: 2,
    parameters: ['string', 'string'],
    returns: 'array',
    summary: 'Splits on every character of the delimiter string, dropping empty tokens.',
    impl([text, delimiters]) {
      const separators = new Set(delimiters as string);
      const tokens: string[] = [];
      let current = '';
      for (const c of text as string) {
        if (!separators.has(c)) current += c;
        else if (current) {
          tokens.push(current);
          current = '';
        }
      }
      if (current) tokens.push(current);
      return tokens;
    },
  },
  {
    name: 'States.UUID',
    minArgs: 0,
    maxArgs: 0,
    parameters: [],
    returns: 'string',
    summary: 'A version 4 UUID drawn from the injected random source.',
    impl: (_args, env) => uuidV4(env.random),
  },
];

export const INTRINSIC_FUNCTIONS_BY_NAME: ReadonlyMap<string, IntrinsicFunction> = new Map(INTRINSIC_FUNCTIONS.map((fn) => [fn.name, fn]));
