/**
 * One `{% … %}` expression: parsed once with jsonata 2.0.6, evaluated many times against
 * `$states` and the workflow variables, inside a time and depth budget (https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html).
 */
import { getHeapStatistics } from 'node:v8';
import jsonata from 'jsonata';
import type { CompileResult } from '../types.js';
import { expressionBody, INVALID_JSONATA_EXPRESSION, isJsonataString, parseJsonataOnce } from './analyze.js';
import { BudgetExceeded, type EvaluationRun, RUN_BINDING, STEP_FUNCTIONS_FUNCTIONS, UNAVAILABLE_FUNCTIONS } from './functions.js';
import { BoundedRegExp, RegexTimeout, setRegexDeadline } from './regex.js';
import { returnedNothing, threwDuringEvaluation, toJson, UnsupportedResult, unsupportedResultType } from './result.js';

/** What an expression reads besides literals (https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html). */
export interface JsonataBindings {
  states: { input: unknown; context: unknown; result?: unknown; errorOutput?: unknown };
  /** Looked up with `in`, so a scope may inherit its parent's variables through its prototype. */
  variables: Readonly<Record<string, unknown>>;
  random: () => number;
  /** The execution's clock (ms since the epoch) for `$now()` and `$millis()`; the real clock if absent. */
  now?: () => number;
}

/** AWS stops an expression after one second of evaluation (https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html). */
export const EVALUATION_TIMEOUT_MS = 1000;
/**
 * Nested evaluation frames allowed before "Stack overflow error". AWS's own limit is not
 * published; this lets non-tail recursion go about 1,600 calls deep (each call nests several
 * frames) while tail calls, which jsonata runs in a loop, are bounded by time only.
 */
export const MAX_EVALUATION_DEPTH = 5000;

const TIMEOUT = { code: 'U1001', message: 'Expression evaluation timeout: Check for infinite loop' };
const OUT_OF_MEMORY = {
  message: 'Expression evaluation stopped: it used more memory than the interpreter allows (most of the JavaScript heap)',
};
const STACK_OVERFLOW = {
  code: 'U1001',
  message: 'Stack overflow error: Check for non-terminating recursive function. Consider rewriting as tail-recursive.',
};

/** Evaluation budget; AWS's values are the defaults, tests may shorten them. */
export interface JsonataLimits {
  timeoutMs?: number;
  maxDepth?: number;
}

export interface CompiledJsonata {
  /** The expression inside the braces, trimmed, as AWS quotes it in causes. */
  readonly text: string;
  /**
   * Evaluates to a JSON value. Throws `StatesError('States.QueryEvaluationError', ...)` with AWS's
   * cause when the result is undefined, is not JSON (a function), or jsonata raises an error;
   * `location` is the field path AWS names (`Output/result`, `Items`, `Assign/x[0]`).
   */
  evaluate(bindings: JsonataBindings, location: string): Promise<unknown>;
}

interface EnvironmentLike {
  lookup(name: string): unknown;
}

function runOf(environment: EnvironmentLike): EvaluationRun {
  return environment.lookup(RUN_BINDING) as EvaluationRun;
}

/**
 * Wall milliseconds of evaluation between two looks at the heap. A look costs about a
 * microsecond and allocates; by time rather than node count, an expression that ends within a
 * millisecond (nearly all) never looks, and one that runs on is checked once per millisecond,
 * far less than an evaluation can allocate in that time.
 */
const MEMORY_CHECK_MS = 1;
/**
 * The share of the JavaScript heap an evaluation may see in use. AWS's memory bound is not
 * published; this stops an expression (jsonata's order-by copies its input at each merge step)
 * before it takes the whole process down.
 */
const MAX_HEAP_SHARE = 0.75;

function checkBudget(run: EvaluationRun): void {
  if (run.depth > run.maxDepth) throw { ...STACK_OVERFLOW };
  const now = Date.now();
  if (now > run.deadline) throw { ...TIMEOUT };
  if (now - run.heapCheckedAt >= MEMORY_CHECK_MS) {
    run.heapCheckedAt = now;
    const heap = getHeapStatistics();
    if (heap.used_heap_size > heap.heap_size_limit * MAX_HEAP_SHARE) throw { ...OUT_OF_MEMORY };
  }
}

/**
 * jsonata calls these hooks on entering and leaving every node (the mechanism of its own test
 * suite's `timeboxExpression`). The counters live in the per-evaluation run binding, not in
 * the closure, because one compiled expression may be evaluated concurrently (Map iterations).
 */
function onEntry(_node: unknown, _input: unknown, environment: EnvironmentLike): void {
  const run = runOf(environment);
  run.depth++;
  setRegexDeadline(run.deadline);
  checkBudget(run);
}

function onExit(_node: unknown, _input: unknown, environment: EnvironmentLike): void {
  const run = runOf(environment);
  run.depth--;
  checkBudget(run);
}

function describeFailure(error: unknown): string {
  if (error instanceof RegexTimeout || error instanceof BudgetExceeded) return describeFailure(TIMEOUT);
  // A JavaScript engine error (a function handed undefined, a stack overflow) is no message
  // for a workflow's author: its text names our code, not their expression.
  if (error instanceof RangeError) return 'The evaluation exceeded the available stack or memory.';
  if (error instanceof TypeError || error instanceof ReferenceError) return 'A function was called with an argument it cannot use.';
  if (typeof error === 'object' && error !== null) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    const text = typeof message === 'string' ? message : String(error);
    return typeof code === 'string' && code !== '' ? `${code}: ${text}` : text;
  }
  return String(error);
}

/** Expressions whose environment already holds the bindings below. */
const prepared = new WeakSet<jsonata.Expression>();

/**
 * Binds the Step Functions functions the expression's text names, and the evaluation hooks, in
 * the expression's own environment, once per parsed expression. Registering parses a signature,
 * so only names the text contains as `$name` are bound: a plain search, not the scoped walk, so a
 * name a lambda reads before its block rebinds it is still found. The parse is shared
 * (analyze.ts), which is safe because these bindings are the same for every compile and every
 * evaluation; per-evaluation values (`$states`, variables, the run budget) go in the frame
 * passed to evaluate(), a child of that environment.
 */
function prepare(expression: jsonata.Expression, body: string): void {
  if (prepared.has(expression)) return;
  prepared.add(expression);
  for (const f of STEP_FUNCTIONS_FUNCTIONS) {
    if (body.includes(`$${f.name}`)) expression.registerFunction(f.name, f.implementation as (...args: unknown[]) => unknown, f.signature);
  }
  // Bound to undefined so that calling it fails as calling any non-function does (T1006).
  for (const name of UNAVAILABLE_FUNCTIONS) if (body.includes(`$${name}`)) expression.assign(name, undefined);
  expression.assign(Symbol.for('jsonata.__evaluate_entry') as unknown as string, onEntry);
  expression.assign(Symbol.for('jsonata.__evaluate_exit') as unknown as string, onExit);
}

class Compiled implements CompiledJsonata {
  constructor(
    readonly text: string,
    private readonly expression: jsonata.Expression,
    /** Free `$names` in the expression: only these are copied from the variable scope per evaluation. */
    private readonly referenced: readonly string[],
    private readonly limits: Required<JsonataLimits>,
  ) {}

  async evaluate(bindings: JsonataBindings, location: string): Promise<unknown> {
    // No prototype: a variable may be called `__proto__`, and jsonata copies the frame with for-in.
    const frame = Object.create(null) as Record<string, unknown>;
    const variables = bindings.variables;
    for (const name of this.referenced) {
      // Variables hold JSON; a function here is inherited from Object.prototype (`$toString`), not a variable.
      if (name in variables && typeof variables[name] !== 'function') frame[name] = variables[name];
    }
    frame.states = bindings.states;
    const started = Date.now();
    const run: EvaluationRun = {
      random: bindings.random,
      now: bindings.now,
      timestamp: undefined,
      deadline: started + this.limits.timeoutMs,
      maxDepth: this.limits.maxDepth,
      depth: 0,
      heapCheckedAt: started,
    };
    frame[RUN_BINDING] = run;
    // jsonata keeps the engine on its module, and any jsonata() call without the option resets it.
    (jsonata as unknown as { RegexEngine: unknown }).RegexEngine = BoundedRegExp;
    let result: unknown;
    try {
      result = await this.expression.evaluate(undefined, frame);
    } catch (error) {
      throw threwDuringEvaluation(this.text, location, describeFailure(error));
    }
    if (result === undefined) throw returnedNothing(this.text, location);
    try {
      return toJson(result);
    } catch (error) {
      if (error instanceof UnsupportedResult) throw unsupportedResultType(this.text, location);
      throw error;
    }
  }
}

/**
 * Compiled expressions by limits and text. A Compiled holds no per-evaluation state (each
 * evaluate() makes its own frame and run budget), so one serves every caller, concurrently too.
 * Each holds a parse (~15 KB, see analyze.ts), so the bound is as small as the parse cache's;
 * the oldest leaves first.
 */
const compiledExpressions = new Map<string, CompileResult<CompiledJsonata>>();
export const MAX_CACHED_EXPRESSIONS = 5_000;

/**
 * Compiles a whole `{% … %}` string. Parse failures come back as INVALID_JSONATA_EXPRESSION
 * issues with jsonata's message (no `Sxxxx` code, as AWS prints it) and an offset into `text`.
 * Equal text and limits give the same (shared, immutable) result.
 */
export function compileJsonata(text: string, limits: JsonataLimits = {}): CompileResult<CompiledJsonata> {
  if (!isJsonataString(text)) return compileUncached(text, limits);
  const { timeoutMs, maxDepth } = limits;
  const key = timeoutMs === undefined && maxDepth === undefined ? text : `${timeoutMs} ${maxDepth} ${text}`;
  let result = compiledExpressions.get(key);
  if (result === undefined) {
    if (compiledExpressions.size >= MAX_CACHED_EXPRESSIONS) compiledExpressions.delete(compiledExpressions.keys().next().value as string);
    result = Object.freeze(compileUncached(text, limits));
    compiledExpressions.set(key, result);
  }
  return result;
}

function compileUncached(text: string, limits: JsonataLimits): CompileResult<CompiledJsonata> {
  if (!isJsonataString(text)) {
    return {
      ok: false,
      issues: [{ message: 'A JSONata expression must start with {% and end with %}', offset: 0, code: INVALID_JSONATA_EXPRESSION }],
    };
  }
  const parsed = parseJsonataOnce(text);
  if (!parsed.ok) return { ok: false, issues: [parsed.issue] };
  const referenced = new Set(parsed.walk.variableRefs.map((r) => r.name));
  // A called name may be an ASL variable shadowing a function, as when variables are plain bindings.
  for (const call of parsed.walk.functions) referenced.add(call.name);
  prepare(parsed.expression, text);
  referenced.delete('states');
  return {
    ok: true,
    value: new Compiled(expressionBody(text).body.trim(), parsed.expression, [...referenced], {
      timeoutMs: limits.timeoutMs ?? EVALUATION_TIMEOUT_MS,
      maxDepth: limits.maxDepth ?? MAX_EVALUATION_DEPTH,
    }),
  };
}
