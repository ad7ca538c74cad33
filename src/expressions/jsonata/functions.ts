/**
 * The functions a JSONata expression can call in Step Functions: jsonata 2.0.6's own library,
 * minus `$eval`, plus the six AWS adds ($partition, $range, $hash, $random, $uuid, $parse;
 * https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html). Signatures are jsonata's own notation, so one table drives both the runtime
 * registration (jsonata validates arguments against them) and the linter's arity checks.
 */
import jsonata from 'jsonata';
import { HASH_ALGORITHMS, hashHex, isHashAlgorithm } from '../hash.js';
import { JavaRandom, uuidV4 } from '../intrinsics/random.js';
import { callWithinDeadline } from './regex.js';

/** Per-evaluation state, reachable from a function through `this.environment` (see compile.ts). */
export interface EvaluationRun {
  readonly random: () => number;
  readonly now: (() => number) | undefined;
  /** Milliseconds since the epoch for `$now()`/`$millis()`, fixed on first use within one evaluation. */
  timestamp: number | undefined;
  readonly deadline: number;
  readonly maxDepth: number;
  depth: number;
  /** Date.now() of the last look at the heap (or of the start): see MEMORY_CHECK_MS. */
  heapCheckedAt: number;
}

/** The binding name that carries the `EvaluationRun`; a space keeps it out of reach of `$name` syntax. */
export const RUN_BINDING = 'aslkit run';

/** What jsonata passes as `this` to a registered function. */
interface Focus {
  readonly environment: { lookup(name: string): unknown };
}

function runOf(focus: Focus): EvaluationRun {
  return focus.environment.lookup(RUN_BINDING) as EvaluationRun;
}

/** A runtime failure inside one of AWS's functions, shaped like jsonata's own errors. */
export interface FunctionFailure {
  code?: string;
  message: string;
}

function fail(message: string): never {
  throw { message } satisfies FunctionFailure;
}

/** A jsonata sequence: an array flagged so that a single element collapses to a scalar. */
function sequence(values: unknown[]): unknown[] {
  return Object.assign(values, { sequence: true });
}

/** jsonata's range operator refuses more than this many elements (D2014); $range does the same. */
const MAX_RANGE_LENGTH = 10_000_000;

function partition(this: Focus, array: unknown[], size: number): unknown[][] {
  const chunk = Math.floor(size);
  if (!(chunk > 0)) fail(`The chunk size must be a positive integer, but was: ${size}`);
  const chunks: unknown[][] = [];
  for (let i = 0; i < array.length; i += chunk) chunks.push(array.slice(i, i + chunk));
  return chunks;
}

function range(this: Focus, first: number, last: number, step: number): unknown[] {
  if (step === 0) fail('The step must not be zero');
  const count = Math.floor((last - first) / step) + 1;
  if (count > MAX_RANGE_LENGTH) fail(`The range must not have more than ${MAX_RANGE_LENGTH} elements, but would have ${count}`);
  const values: number[] = [];
  for (let i = 0; i < count; i++) values.push(first + i * step);
  // AWS returns a sequence: `$range(1, 9, 9)` is `1`, not `[1]` (https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html).
  return sequence(values);
}

function hash(this: Focus, value: string, algorithm: string): string {
  if (!isHashAlgorithm(algorithm)) {
    fail(`The hash algorithm '${algorithm}' is not supported. Supported algorithms: ${HASH_ALGORITHMS.join(', ')}`);
  }
  return hashHex(algorithm, value);
}

/**
 * A seeded draw in [0, 1): java.util.Random(seed).nextDouble(), so a seed always gives the same
 * number across runs and platforms. AWS's exact numbers for a seed are not recorded.
 */
export function seededRandom(seed: number): number {
  return new JavaRandom(BigInt(Math.trunc(seed))).nextDouble();
}

function random(this: Focus, seed?: number): number {
  if (seed !== undefined) {
    if (!Number.isFinite(seed)) fail(`The seed must be a finite number, but was: ${seed}`);
    return seededRandom(seed);
  }
  return runOf(this).random();
}

function uuid(this: Focus): string {
  return uuidV4(runOf(this).random);
}

function parse(this: Focus, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return fail(`The string could not be parsed as JSON: ${text}`);
  }
}

function timestampOf(focus: Focus): number {
  const run = runOf(focus);
  run.timestamp ??= (run.now ?? Date.now)();
  return run.timestamp;
}

interface JsonataFunction {
  implementation: (...args: never[]) => unknown;
}

type DatetimeFunction = (this: Focus, ...args: unknown[]) => unknown;

/**
 * jsonata's own `$toMillis` and `$fromMillis`, reachable only by evaluating their names; at
 * load, because a jsonata() call resets the regex engine compile.ts sets before each evaluation.
 */
const datetime = jsonata('[$toMillis, $fromMillis]')
  .evaluate(undefined)
  .then((found) => {
    const [toMillis, fromMillis] = found as [JsonataFunction, JsonataFunction];
    return { toMillis: toMillis.implementation as DatetimeFunction, fromMillis: fromMillis.implementation as DatetimeFunction };
  });

/**
 * jsonata parses a date against a native RegExp it builds from the picture (`[Y][M][D][H][m]`
 * is five adjacent `[0-9]+`), which backtracks for minutes on a long run of digits, out of
 * reach of the evaluation budget; jsonata's functions run interrupted at the budget's end.
 */
async function toMillis(this: Focus, timestamp?: string, picture?: string): Promise<unknown> {
  const original = (await datetime).toMillis;
  return callWithinDeadline(runOf(this).deadline, () => original.call(this, timestamp, picture));
}

async function fromMillis(this: Focus, ms?: number, picture?: string, timezone?: string): Promise<unknown> {
  const original = (await datetime).fromMillis;
  return callWithinDeadline(runOf(this).deadline, () => original.call(this, ms, picture, timezone));
}

/** `$now()` and `$millis()` read the execution's clock when the interpreter supplies one. */
function now(this: Focus, picture?: string, timezone?: string): Promise<unknown> {
  return fromMillis.call(this, timestampOf(this), picture, timezone);
}

function millis(this: Focus): number {
  return timestampOf(this);
}

/** How many comparisons or elements a long-running function handles between budget checks. */
const BUDGET_CHECK_INTERVAL = 1024;

/** Thrown by a function that outlives the evaluation budget; compile.ts reports it as its timeout. */
export class BudgetExceeded extends Error {}

function checkDeadline(run: EvaluationRun): void {
  if (Date.now() > run.deadline) throw new BudgetExceeded();
}

type Comparator = (a: unknown, b: unknown) => unknown;

/**
 * `$sort` with jsonata's semantics (stable; the comparator answers whether its first argument
 * goes after its second; without one, all numbers or all strings, else D3070), but a bottom-up
 * merge sort: jsonata 2.0.6's own recurses once per merged element and copies the rest of the
 * array at each step, which exhausts the heap on a 200 KB array.
 */
async function sort(this: Focus, array: unknown[] | undefined, comparator?: Comparator): Promise<unknown[] | undefined> {
  if (array === undefined) return undefined;
  if (array.length <= 1) return array;
  let after: Comparator;
  if (comparator === undefined) {
    const allNumbers = array.every((v) => typeof v === 'number');
    if (!allNumbers && !array.every((v) => typeof v === 'string')) throw { code: 'D3070', index: 1 };
    after = (a, b) => (a as number) > (b as number);
  } else {
    after = comparator;
  }
  const run = runOf(this);
  let comparisons = 0;
  let source = array.slice();
  let target: unknown[] = new Array<unknown>(source.length);
  for (let width = 1; width < source.length; width *= 2) {
    for (let start = 0; start < source.length; start += 2 * width) {
      const middle = Math.min(start + width, source.length);
      const end = Math.min(start + 2 * width, source.length);
      let left = start;
      let right = middle;
      let out = start;
      while (left < middle && right < end) {
        if (++comparisons % BUDGET_CHECK_INTERVAL === 0) checkDeadline(run);
        if (await after(source[left], source[right])) target[out++] = source[right++];
        else target[out++] = source[left++];
      }
      while (left < middle) target[out++] = source[left++];
      while (right < end) target[out++] = source[right++];
    }
    [source, target] = [target, source];
  }
  return source;
}

/** Non-JSON values (functions) are equal only to themselves, as in jsonata's deep equality. */
const identities = new WeakMap<object, number>();
let nextIdentity = 0;

/** A string equal for two values exactly when jsonata's deep equality holds (object keys in any order). */
function equalityKey(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(equalityKey).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const keys = Object.getOwnPropertyNames(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${equalityKey((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  if (typeof value === 'function') {
    let id = identities.get(value);
    if (id === undefined) identities.set(value, (id = ++nextIdentity));
    return `f${id}`;
  }
  if (typeof value === 'string') return JSON.stringify(value);
  return `${(typeof value)[0]}${String(value)}`;
}

/**
 * `$distinct` with jsonata's semantics (first occurrences, in order, by deep equality), in linear
 * time: jsonata 2.0.6 compares every element with every kept one, which blocks the process for
 * minutes on a large array.
 */
function distinct(this: Focus, array: unknown): unknown {
  if (array === undefined) return undefined;
  if (!Array.isArray(array) || array.length <= 1) return array;
  const run = runOf(this);
  const seen = new Set<string>();
  const kept: unknown[] = [];
  for (let i = 0; i < array.length; i++) {
    if (i % BUDGET_CHECK_INTERVAL === 0) checkDeadline(run);
    const key = equalityKey(array[i]);
    if (!seen.has(key)) {
      seen.add(key);
      kept.push(array[i]);
    }
  }
  return (array as { sequence?: boolean }).sequence === true ? sequence(kept) : kept;
}

export interface RegisteredFunction {
  readonly name: string;
  readonly implementation: (this: Focus, ...args: never[]) => unknown;
  readonly signature: string;
}

/** Functions registered on every compiled expression, replacing jsonata's where the names meet. */
export const STEP_FUNCTIONS_FUNCTIONS: readonly RegisteredFunction[] = [
  { name: 'partition', implementation: partition, signature: '<an:a>' },
  { name: 'range', implementation: range, signature: '<nnn:a<n>>' },
  { name: 'hash', implementation: hash, signature: '<ss:s>' },
  { name: 'random', implementation: random, signature: '<n?:n>' },
  { name: 'uuid', implementation: uuid, signature: '<:s>' },
  { name: 'parse', implementation: parse, signature: '<s:j>' },
  { name: 'now', implementation: now, signature: '<s?s?:s>' },
  { name: 'toMillis', implementation: toMillis, signature: '<s-s?:n>' },
  { name: 'fromMillis', implementation: fromMillis, signature: '<n-s?s?:s>' },
  { name: 'millis', implementation: millis, signature: '<:n>' },
  { name: 'sort', implementation: sort, signature: '<af?:a>' },
  { name: 'distinct', implementation: distinct, signature: '<x:x>' },
];

/** Names that jsonata defines but Step Functions does not offer. */
export const UNAVAILABLE_FUNCTIONS: readonly string[] = ['eval'];

/** jsonata 2.0.6's function library with its signatures (jsonata.js, `staticFrame.bind`). */
const JSONATA_SIGNATURES: Readonly<Record<string, string>> = {
  sum: '<a<n>:n>',
  count: '<a:n>',
  max: '<a<n>:n>',
  min: '<a<n>:n>',
  average: '<a<n>:n>',
  string: '<x-b?:s>',
  substring: '<s-nn?:s>',
  substringBefore: '<s-s:s>',
  substringAfter: '<s-s:s>',
  lowercase: '<s-:s>',
  uppercase: '<s-:s>',
  length: '<s-:n>',
  trim: '<s-:s>',
  pad: '<s-ns?:s>',
  match: '<s-f<s:o>n?:a<o>>',
  contains: '<s-(sf):b>',
  replace: '<s-(sf)(sf)n?:s>',
  split: '<s-(sf)n?:a<s>>',
  join: '<a<s>s?:s>',
  formatNumber: '<n-so?:s>',
  formatBase: '<n-n?:s>',
  formatInteger: '<n-s:s>',
  parseInteger: '<s-s:n>',
  number: '<(nsb)-:n>',
  floor: '<n-:n>',
  ceil: '<n-:n>',
  round: '<n-n?:n>',
  abs: '<n-:n>',
  sqrt: '<n-:n>',
  power: '<n-n:n>',
  boolean: '<x-:b>',
  not: '<x-:b>',
  map: '<af>',
  zip: '<a+>',
  filter: '<af>',
  single: '<af?>',
  reduce: '<afj?:j>',
  sift: '<o-f?:o>',
  keys: '<x-:a<s>>',
  lookup: '<x-s:x>',
  append: '<xx:a>',
  exists: '<x:b>',
  spread: '<x-:a<o>>',
  merge: '<a<o>:o>',
  reverse: '<a:a>',
  each: '<o-f:a>',
  error: '<s?:x>',
  assert: '<bs?:x>',
  type: '<x:s>',
  sort: '<af?:a>',
  shuffle: '<a:a>',
  distinct: '<x:x>',
  base64encode: '<s-:s>',
  base64decode: '<s-:s>',
  encodeUrlComponent: '<s-:s>',
  encodeUrl: '<s-:s>',
  decodeUrlComponent: '<s-:s>',
  decodeUrl: '<s-:s>',
  toMillis: '<s-s?:n>',
  fromMillis: '<n-s?s?:s>',
  clone: '<(oa)-:o>',
};

/** How many arguments a function takes, read from its signature. */
export interface FunctionArity {
  /** Arguments that must be written, unless `contextual` and the call sits in a path step. */
  readonly min: number;
  /** `Infinity` for a variadic (`+`) parameter. */
  readonly max: number;
  /** The first parameter may come from the context item (`-` in the signature), as in `name.$uppercase()`. */
  readonly contextual: boolean;
}

/** Parses the parameter part of a jsonata signature (`<s-nn?:s>`) into an arity. */
export function arityOf(signature: string): FunctionArity {
  // The return type follows the first ':' outside a subtype (`f<s:o>` has one of its own).
  let end = signature.length - 1;
  for (let i = 1, level = 0; i < signature.length - 1; i++) {
    const c = signature[i];
    if (c === '<') level++;
    else if (c === '>') level--;
    else if (c === ':' && level === 0) {
      end = i;
      break;
    }
  }
  const params = signature.slice(1, end);
  let min = 0;
  let max = 0;
  let contextual = false;
  let i = 0;
  while (i < params.length) {
    const c = params[i];
    if (c === '(') {
      i = params.indexOf(')', i) + 1;
    } else if (c === '<') {
      let level = 1;
      i++;
      while (i < params.length && level > 0) {
        if (params[i] === '<') level++;
        else if (params[i] === '>') level--;
        i++;
      }
      continue;
    } else {
      i++;
    }
    if (c === '-' || c === '?' || c === '+') {
      if (c === '-' && max === 1) contextual = true;
      if (c === '?') min--;
      if (c === '+') max = Infinity;
      continue;
    }
    min++;
    max++;
  }
  return { min, max, contextual };
}

/** Every function name an expression may call, with its arity. */
export const KNOWN_FUNCTIONS: ReadonlyMap<string, FunctionArity> = new Map(
  [
    ...Object.entries(JSONATA_SIGNATURES).filter(([name]) => !UNAVAILABLE_FUNCTIONS.includes(name)),
    ...STEP_FUNCTIONS_FUNCTIONS.map((f): [string, string] => [f.name, f.signature]),
  ].map(([name, signature]) => [name, arityOf(signature)]),
);
