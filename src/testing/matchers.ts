/**
 * Assertions on an ExecutionResult, written against the matcher API vitest and jest share
 * (`this.equals`, `this.isNot`, `{ pass, message, actual, expected }`), so aslkit/vitest and
 * aslkit/jest register the same functions. Failure messages show the path the execution
 * took and where it left the expected one.
 */
import type { HistoryEvent } from '../interpreter/history.js';
import { HistoryIndex, visitedStates } from './history.js';

/** The part of vitest's and jest's MatcherState these matchers use. */
export interface MatcherContext {
  isNot: boolean;
  equals(a: unknown, b: unknown, customTesters?: unknown[], strictCheck?: boolean): boolean;
  utils?: { printReceived?(value: unknown): string; printExpected?(value: unknown): string };
}

export interface MatcherResult {
  pass: boolean;
  message(): string;
  actual?: unknown;
  expected?: unknown;
}

/** What the matchers read from an ExecutionResult. */
interface Execution {
  status: string;
  output?: unknown;
  error?: string;
  cause?: string;
  history: readonly HistoryEvent[];
}

/** An expected error or cause: the exact text, a RegExp, or an asymmetric matcher (`expect.stringContaining`). */
export type TextMatcher = string | RegExp | { asymmetricMatch(value: unknown): boolean };

function isExecution(value: unknown): value is Execution {
  return value !== null && typeof value === 'object' && typeof (value as Execution).status === 'string'
    && Array.isArray((value as Execution).history);
}

function show(value: unknown): string {
  if (value instanceof RegExp) return String(value);
  if (value !== null && typeof value === 'object' && 'asymmetricMatch' in value) {
    const described = (value as { toString?(): string; toAsymmetricMatcher?(): string });
    return typeof described.toAsymmetricMatcher === 'function' ? described.toAsymmetricMatcher() : String(described);
  }
  return JSON.stringify(value) ?? String(value);
}

/** How the execution ended, in one line. */
function ending(run: Execution): string {
  if (run.status === 'SUCCEEDED') return `SUCCEEDED with output ${show(run.output)}`;
  const error = run.error !== undefined ? ` with error ${show(run.error)}` : '';
  const cause = run.cause ? ` and cause ${show(run.cause)}` : '';
  return `${run.status}${error}${cause}`;
}

/** The path as numbered steps, with a marker after step `divergedAfter` (0: before the first). */
function path(run: Execution, divergedAfter?: number): string {
  const visited = visitedStates(run);
  if (visited.length === 0) return '  (no state was entered)';
  const lines = visited.map((name, i) => `  ${String(i + 1).padStart(3)}. ${name}`);
  if (divergedAfter !== undefined) lines.splice(divergedAfter, 0, '       ^ the expected path leaves here');
  return lines.join('\n');
}

function textMatches(ctx: MatcherContext, actual: string | undefined, expected: TextMatcher): boolean {
  if (expected instanceof RegExp) return typeof actual === 'string' && expected.test(actual);
  return ctx.equals(actual, expected);
}

function notAnExecution(received: unknown, name: string): MatcherResult {
  return {
    pass: false,
    message: () => `${name}: expected an aslkit ExecutionResult (what machine.execute() resolves to), received ${show(received)}`,
  };
}

function result(ctx: MatcherContext, pass: boolean, positive: string, negative: string, run: Execution, extra: Partial<MatcherResult> = {}, divergedAfter?: number): MatcherResult {
  return {
    pass,
    message: () => `${ctx.isNot ? negative : positive}\n\nThe execution ended ${ending(run)}. Path taken:\n${path(run, ctx.isNot ? undefined : divergedAfter)}`,
    ...extra,
  };
}

function stateList(states: string | readonly string[]): string[] {
  return typeof states === 'string' ? [states] : [...states];
}

export const matchers = {
  toHaveSucceeded(this: MatcherContext, received: unknown): MatcherResult {
    if (!isExecution(received)) return notAnExecution(received, 'toHaveSucceeded');
    return result(this, received.status === 'SUCCEEDED', 'Expected the execution to succeed.', 'Expected the execution not to succeed.', received);
  },

  toHaveSucceededWith(this: MatcherContext, received: unknown, output: unknown): MatcherResult {
    if (!isExecution(received)) return notAnExecution(received, 'toHaveSucceededWith');
    const pass = received.status === 'SUCCEEDED' && this.equals(received.output, output);
    return result(this, pass, `Expected the execution to succeed with output ${show(output)}.`, `Expected the execution not to succeed with output ${show(output)}.`, received,
      received.status === 'SUCCEEDED' ? { actual: received.output, expected: output } : {});
  },

  toHaveFailedWith(this: MatcherContext, received: unknown, error: TextMatcher, cause?: TextMatcher): MatcherResult {
    if (!isExecution(received)) return notAnExecution(received, 'toHaveFailedWith');
    const pass = received.status === 'FAILED' && textMatches(this, received.error, error)
      && (cause === undefined || textMatches(this, received.cause, cause));
    const wanted = `error ${show(error)}${cause === undefined ? '' : ` and cause ${show(cause)}`}`;
    return result(this, pass, `Expected the execution to fail with ${wanted}.`, `Expected the execution not to fail with ${wanted}.`, received);
  },

  toHaveVisited(this: MatcherContext, received: unknown, states: string | readonly string[]): MatcherResult {
    if (!isExecution(received)) return notAnExecution(received, 'toHaveVisited');
    const expected = stateList(states);
    const visited = visitedStates(received);
    let at = 0;
    let matched = 0;
    for (; matched < expected.length; matched++) {
      const found = visited.indexOf(expected[matched] as string, at);
      if (found === -1) break;
      at = found + 1;
    }
    const pass = matched === expected.length;
    const missing = expected[matched];
    const where = matched === 0 ? '' : ` after ${show(expected[matched - 1])} (step ${at})`;
    return result(this, pass,
      `Expected the execution to visit ${expected.map(show).join(' → ')} in that order; ${show(missing)} was not visited${where}.`,
      `Expected the execution not to visit ${expected.map(show).join(' → ')} in that order, but it did.`,
      received, {}, at);
  },

  toHaveVisitedExactly(this: MatcherContext, received: unknown, states: readonly string[]): MatcherResult {
    if (!isExecution(received)) return notAnExecution(received, 'toHaveVisitedExactly');
    const expected = [...states];
    const visited = visitedStates(received);
    let same = 0;
    while (same < expected.length && same < visited.length && expected[same] === visited[same]) same++;
    const pass = same === expected.length && same === visited.length;
    const detail = same < expected.length && same < visited.length
      ? `step ${same + 1} is ${show(visited[same])}, not ${show(expected[same])}`
      : same < expected.length
        ? `it stopped after step ${same}, before ${show(expected[same])}`
        : `it went on to ${show(visited[same])} after step ${same}`;
    return result(this, pass,
      `Expected the execution to visit exactly ${expected.map(show).join(' → ')}; ${detail}.`,
      `Expected the execution not to visit exactly ${expected.map(show).join(' → ')}, but it did.`,
      received, { actual: visited, expected }, same);
  },

  toHaveRetried(this: MatcherContext, received: unknown, state: string, times?: number): MatcherResult {
    if (!isExecution(received)) return notAnExecution(received, 'toHaveRetried');
    const index = new HistoryIndex(received);
    const retries = index.retries(state);
    const pass = times === undefined ? retries > 0 : retries === times;
    const wanted = times === undefined ? 'at least once' : `${times} time${times === 1 ? '' : 's'}`;
    const attempts = index.taskCalls(state).map((call) => `#${call.attempt} ${call.status}${call.error ? ` ${call.error}` : ''}`);
    const seen = `it was retried ${retries} time${retries === 1 ? '' : 's'}${attempts.length > 0 ? ` (attempts: ${attempts.join(', ')})` : `; ${show(state)} ran no task`}`;
    return result(this, pass, `Expected ${show(state)} to be retried ${wanted}; ${seen}.`, `Expected ${show(state)} not to be retried ${wanted}; ${seen}.`, received);
  },

  toHaveCaught(this: MatcherContext, received: unknown, state: string, error?: TextMatcher): MatcherResult {
    if (!isExecution(received)) return notAnExecution(received, 'toHaveCaught');
    const caught = new HistoryIndex(received).caught(state);
    const pass = caught.some((c) => error === undefined || textMatches(this, c.error, error));
    const wanted = error === undefined ? 'an error' : `the error ${show(error)}`;
    const seen = caught.length === 0 ? 'no catcher of it took over' : `its catchers took over ${caught.map((c) => show(c.error)).join(', ')}`;
    return result(this, pass, `Expected a catcher of ${show(state)} to catch ${wanted}; ${seen}.`, `Expected no catcher of ${show(state)} to catch ${wanted}; ${seen}.`, received);
  },

  /** The execution ended through a timeout: its own TimeoutSeconds (TIMED_OUT) or an uncaught States.Timeout (FAILED). */
  toHaveTimedOut(this: MatcherContext, received: unknown): MatcherResult {
    if (!isExecution(received)) return notAnExecution(received, 'toHaveTimedOut');
    const pass = received.status === 'TIMED_OUT' || (received.status === 'FAILED' && received.error === 'States.Timeout');
    return result(this, pass, 'Expected the execution to time out.', 'Expected the execution not to time out.', received);
  },
};

/**
 * The matchers' signatures, for the vitest and jest type augmentations (`R` is what the
 * assertion returns in each framework).
 */
export interface ExecutionMatchers<R = unknown> {
  /** The execution's status is SUCCEEDED. */
  toHaveSucceeded(): R;
  /** SUCCEEDED, with an output equal to `output` (asymmetric matchers allowed). */
  toHaveSucceededWith(output: unknown): R;
  /** FAILED with this error (and cause): each a string, a RegExp or an asymmetric matcher. */
  toHaveFailedWith(error: TextMatcher, cause?: TextMatcher): R;
  /** Entered these states in this order, others in between allowed. */
  toHaveVisited(states: string | readonly string[]): R;
  /** Entered exactly these states, in this order. */
  toHaveVisitedExactly(states: readonly string[]): R;
  /** The state's task was retried `times` times in all (at least once when omitted). */
  toHaveRetried(state: string, times?: number): R;
  /** A catcher of the state took over (this error, when given). */
  toHaveCaught(state: string, error?: TextMatcher): R;
  /** TIMED_OUT, or FAILED with an uncaught States.Timeout. */
  toHaveTimedOut(): R;
}
