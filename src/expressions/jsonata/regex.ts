/**
 * The regular-expression engine jsonata uses for `/…/` literals (`$match`, `$contains`,
 * `$split`, `$replace`, `~>`), so that a pattern from a definition cannot block the process:
 * JavaScript's RegExp backtracks, and `/^(a+)+$/` on 30 characters runs for seconds with no
 * chance for the evaluation budget to stop it.
 *
 * Patterns RE2 accepts run on re2js, a pure-JavaScript port of RE2 whose matching is linear in
 * the input (https://github.com/google/re2/wiki/WhyRE2). The few it refuses (backreferences,
 * lookahead) keep JavaScript's semantics, as AWS accepts them, and run in a `node:vm` context
 * whose timeout is the evaluation's remaining budget, so a catastrophic one is interrupted.
 */
import vm from 'node:vm';
import { RE2JS } from 're2js';

/** The evaluation budget's deadline (ms since the epoch), set by compile.ts as each node is entered. */
let activeDeadline = 0;
export function setRegexDeadline(deadline: number): void {
  activeDeadline = deadline;
}

/** Thrown when a backtracking pattern outlives the budget; compile.ts reports it as its timeout. */
export class RegexTimeout extends Error {}

/** The fixed script that runs a native `exec`; the pattern and text are context values, never code. */
const NATIVE_EXEC = new vm.Script('pattern.exec(text)');
const nativeContext = vm.createContext(Object.create(null) as object) as { pattern: RegExp | undefined; text: string | undefined };

/** The fixed script that calls a host function; the timeout interrupts the whole call, native RegExps included. */
const CALL = new vm.Script('call()');
const callContext = vm.createContext(Object.create(null) as object) as { call: (() => unknown) | undefined };

/**
 * Runs a synchronous function that may build a backtracking RegExp of its own (jsonata's date
 * pictures), interrupted at `deadline` (ms since the epoch) with a RegexTimeout.
 */
export function callWithinDeadline<T>(deadline: number, call: () => T): T {
  callContext.call = call;
  try {
    return CALL.runInContext(callContext, { timeout: Math.max(1, deadline - Date.now()) }) as T;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new RegexTimeout();
    throw error;
  } finally {
    callContext.call = undefined;
  }
}

const linear = new WeakMap<RegExp, RE2JS | null>();

function linearPattern(source: RegExp): RE2JS | null {
  let pattern = linear.get(source);
  if (pattern === undefined) {
    try {
      pattern = RE2JS.compile(RE2JS.translateRegExp(source), RE2JS.LOOKBEHINDS);
    } catch {
      pattern = null;
    }
    linear.set(source, pattern);
  }
  return pattern;
}

/**
 * The subset of RegExp jsonata's evaluator uses (`lastIndex`, `exec`), constructed from the
 * RegExp jsonata's parser built (always with the `g` flag).
 */
export class BoundedRegExp {
  lastIndex = 0;
  private readonly pattern: RE2JS | null;

  constructor(private readonly source: RegExp) {
    this.pattern = linearPattern(source);
  }

  exec(text: string): RegExpExecArray | null {
    return this.pattern === null ? this.execNative(text) : this.execLinear(this.pattern, text);
  }

  private execLinear(pattern: RE2JS, text: string): RegExpExecArray | null {
    const matcher = pattern.matcher(text);
    if (this.lastIndex > text.length || !matcher.find(this.lastIndex)) {
      this.lastIndex = 0;
      return null;
    }
    const groups: (string | undefined)[] = [];
    for (let i = 0; i <= pattern.groupCount(); i++) groups.push(matcher.group(i) ?? undefined);
    const result = Object.assign(groups, { index: matcher.start(), input: text }) as unknown as RegExpExecArray;
    this.lastIndex = matcher.end();
    return result;
  }

  private execNative(text: string): RegExpExecArray | null {
    const pattern = new RegExp(this.source.source, this.source.flags);
    pattern.lastIndex = this.lastIndex;
    nativeContext.pattern = pattern;
    nativeContext.text = text;
    let result: RegExpExecArray | null;
    try {
      result = NATIVE_EXEC.runInContext(nativeContext, { timeout: Math.max(1, activeDeadline - Date.now()) }) as RegExpExecArray | null;
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new RegexTimeout();
      throw error;
    } finally {
      nativeContext.pattern = undefined;
      nativeContext.text = undefined;
    }
    this.lastIndex = pattern.lastIndex;
    return result;
  }
}
