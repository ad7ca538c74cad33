import type { Retrier } from '../definition/types.js';
import type { StateFailure } from './errors.js';

/**
 * Pure Retry/Catch decisions (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html): the engine asks, sleeps and
 * re-runs; nothing here touches the clock.
 */

/** Whether one ErrorEquals list matches a failure. */
export function errorEqualsMatches(errorEquals: readonly string[], failure: StateFailure): boolean {
  if (failure.terminal) return false;
  const name = failure.error;
  for (const entry of errorEquals) {
    if (entry === name || entry === 'States.ALL') return true;
    // States.TaskFailed is documented as a wildcard for everything but States.Timeout.
    if (entry === 'States.TaskFailed' && name !== 'States.Timeout') return true;
    if (entry === 'States.HeartbeatTimeout' && failure.heartbeat) return true;
  }
  return false;
}

export interface CompiledRetrier {
  errorEquals: readonly string[];
  intervalSeconds: number;
  maxAttempts: number;
  backoffRate: number;
  maxDelaySeconds: number | undefined;
  fullJitter: boolean;
}

export function compileRetrier(r: Retrier): CompiledRetrier {
  return {
    errorEquals: r.ErrorEquals,
    intervalSeconds: r.IntervalSeconds ?? 1,
    maxAttempts: r.MaxAttempts ?? 3,
    backoffRate: r.BackoffRate ?? 2,
    maxDelaySeconds: r.MaxDelaySeconds,
    fullJitter: r.JitterStrategy === 'FULL',
  };
}

export type RetryDecision = { retry: true; retrier: number; delayMs: number } | { retry: false };

/**
 * The first retrier whose ErrorEquals matches decides alone: retry while it has attempts
 * left, otherwise give up even if a later retrier also matches. `attempts` holds the
 * per-retrier counters of this state visit; the caller increments the chosen one.
 */
export function decideRetry(
  retriers: readonly CompiledRetrier[],
  attempts: readonly number[],
  failure: StateFailure,
  random: () => number,
): RetryDecision {
  for (let i = 0; i < retriers.length; i++) {
    const r = retriers[i]!;
    if (!errorEqualsMatches(r.errorEquals, failure)) continue;
    const used = attempts[i] ?? 0;
    if (used >= r.maxAttempts) return { retry: false };
    let seconds = r.intervalSeconds * r.backoffRate ** used;
    if (r.maxDelaySeconds !== undefined) seconds = Math.min(seconds, r.maxDelaySeconds);
    if (r.fullJitter) seconds = random() * seconds;
    return { retry: true, retrier: i, delayMs: seconds * 1000 };
  }
  return { retry: false };
}

/** Index of the first catcher that matches, or -1. */
export function findCatcher(catchers: readonly { readonly errorEquals: readonly string[] }[], failure: StateFailure): number {
  for (let i = 0; i < catchers.length; i++) {
    if (errorEqualsMatches(catchers[i]!.errorEquals, failure)) return i;
  }
  return -1;
}
