/**
 * Time, injected. The engine reads `now()` for timestamps and calls
 * `sleep()` for Wait states, retry back-off and timeouts; nothing else in the
 * interpreter touches real time.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason when the signal aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /**
   * Marks work in flight outside the clock (a task handler running). A simulated clock does
   * not move while work is held, unless the holder parks: it then waits for the clock (or an
   * abort) like a sleep does. `onStuck` is called when the work is stuck: nothing else can
   * happen until it ends, and it has not ended within a bounded wall time.
   */
  hold?(onStuck?: () => void): Hold;
}

export interface Hold {
  /** The work is over. */
  release(): void;
  /** The work now waits for the clock or an abort, so time may move on without it. */
  park(): void;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new Error('aborted');
}

/** Wall-clock time: `Date.now()` and `setTimeout`. */
export class RealClock implements Clock {
  now(): number {
    return Date.now();
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    return new Promise((resolve, reject) => {
      // setTimeout holds at most a signed 32-bit delay; longer waits are chained.
      let timer: ReturnType<typeof setTimeout>;
      const until = Date.now() + ms;
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(abortReason(signal!));
      };
      const arm = (): void => {
        const left = until - Date.now();
        if (left <= 0) {
          signal?.removeEventListener('abort', onAbort);
          resolve();
          return;
        }
        timer = setTimeout(arm, Math.min(left, 2_147_483_647));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      arm();
    });
  }
}

/** Wall milliseconds without any activity after which blocking held work is stuck. */
export const DEFAULT_STUCK_AFTER_MS = 2000;

export interface SimulatedClockOptions {
  /** The virtual time at start (default 2024-01-01T00:00:00Z). */
  start?: number | Date;
  /** Whether time jumps to the next timer once everything waits (default true). */
  autoAdvance?: boolean;
  /** Wall milliseconds after which time moves on even while a handler runs (off by default). */
  idleMs?: number;
  /** Wall milliseconds without activity after which a handler that blocks everything is stuck (default 2000; Infinity turns it off). */
  stuckAfterMs?: number;
}

interface Timer {
  due: number;
  seq: number;
  resolve: () => void;
}

const defer: (fn: () => void) => void =
  typeof (globalThis as { setImmediate?: unknown }).setImmediate === 'function'
    ? (fn) => (globalThis as unknown as { setImmediate: (f: () => void) => void }).setImmediate(fn)
    : (fn) => setTimeout(fn, 0);

/**
 * Macrotask rounds without any activity after which everything left is taken to wait on the
 * clock. The engine itself only ever waits on promises (microtasks, all drained before a
 * round ends) and handlers hold the clock, so one round is enough.
 */
const QUIET_ROUNDS = 1;

/**
 * Virtual time: it moves only when every piece of work is waiting on the clock, and then
 * jumps to the earliest timer. "Waiting" is decided without wall time: the clock counts
 * activity (sleeps, reads of the time, holds and releases) and advances once QUIET_ROUNDS
 * macrotask rounds (setImmediate) pass with none, provided no held work is running. A task
 * handler is held while it runs and parks when it starts listening to its own signal (it
 * then waits for its timeout, heartbeat or an abort), so a handler that waits for its
 * timeout lets time move while one doing real I/O does not. `idleMs`, off by default, adds
 * a wall-time fallback for handlers that neither settle nor listen to their signal.
 * `stuckAfterMs` (default 2000) bounds the wall time the clock waits, with no activity at
 * all, for held work that blocks everything else (a running handler, or a parked one when no
 * timer is left to fire): that work is then told it is stuck (the engine fails the
 * execution) rather than leaving a test hanging. Tests may also move time by hand with
 * `advance()`.
 */
export class SimulatedClock implements Clock {
  private current: number;
  private timers: Timer[] = [];
  private seq = 0;
  private scheduled = false;
  private readonly autoAdvance: boolean;
  private readonly idleMs: number | undefined;
  /** Held work that is running (not parked, not released). */
  private running = 0;
  private activity = 0;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly stuckAfterMs: number;
  /**
   * One wall-clock timer for the stuck watch while work is watched, re-checked when it fires
   * rather than re-armed on every activity (with concurrent tasks, each hold, release and
   * sleep would cost a timer). Cleared once nothing is watched: a pending timer would keep
   * the clock, and a finished test, alive.
   */
  private stuckTimer: ReturnType<typeof setTimeout> | undefined;
  /** Date.now() of the last activity while work was watched (Date, as fake timers move it with setTimeout). */
  private lastActive = 0;
  /** Held work that can be told it is stuck, with whether it is parked. */
  private readonly watched = new Map<() => void, { parked: boolean }>();

  constructor(options: SimulatedClockOptions = {}) {
    const start = options.start ?? Date.UTC(2024, 0, 1);
    this.current = typeof start === 'number' ? start : start.getTime();
    this.autoAdvance = options.autoAdvance ?? true;
    this.idleMs = options.idleMs;
    this.stuckAfterMs = options.stuckAfterMs ?? DEFAULT_STUCK_AFTER_MS;
  }

  hold(onStuck?: () => void): Hold {
    this.running++;
    this.activity++;
    let state: 'running' | 'parked' | 'released' = 'running';
    const watch = onStuck !== undefined ? { parked: false } : undefined;
    if (onStuck !== undefined) this.watched.set(onStuck, watch!);
    this.watchStuck();
    return {
      release: () => {
        if (state === 'released') return;
        if (state === 'running') this.running--;
        state = 'released';
        if (onStuck !== undefined) {
          this.watched.delete(onStuck);
          if (this.watched.size === 0 && this.stuckTimer !== undefined) {
            clearTimeout(this.stuckTimer);
            this.stuckTimer = undefined;
          }
        }
        this.touch();
      },
      park: () => {
        if (state !== 'running') return;
        state = 'parked';
        this.running--;
        if (watch !== undefined) watch.parked = true;
        this.touch();
      },
    };
  }

  /** Notes activity for the stuck watch: any activity shows the watched work is not stuck yet. */
  private watchStuck(): void {
    if (this.watched.size === 0 || !Number.isFinite(this.stuckAfterMs)) return;
    this.lastActive = Date.now();
    if (this.stuckTimer === undefined) this.armStuck(this.stuckAfterMs);
  }

  private armStuck(ms: number): void {
    this.stuckTimer = setTimeout(() => {
      this.stuckTimer = undefined;
      if (this.watched.size === 0) return;
      const quiet = Date.now() - this.lastActive;
      if (quiet < this.stuckAfterMs) {
        this.armStuck(this.stuckAfterMs - quiet);
        return;
      }
      // Running work blocks the clock; parked work is stuck only when no timer can fire.
      const noTimers = this.timers.length === 0;
      for (const [onStuck, watch] of [...this.watched]) if (!watch.parked || noTimers) onStuck();
    }, ms);
  }

  now(): number {
    this.activity++;
    return this.current;
  }

  /** Number of sleeps still waiting. */
  get pending(): number {
    return this.timers.length;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    return new Promise((resolve, reject) => {
      const timer: Timer = {
        due: this.current + Math.max(0, ms),
        seq: this.seq++,
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = (): void => {
        this.timers = this.timers.filter((t) => t !== timer);
        reject(abortReason(signal!));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.timers.push(timer);
      this.touch();
    });
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way, in order. */
  advance(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      const next = this.earliest();
      if (!next || next.due > target) break;
      this.fireUpTo(next.due);
    }
    this.current = Math.max(this.current, target);
  }

  private earliest(): Timer | undefined {
    let best: Timer | undefined;
    for (const t of this.timers) {
      if (!best || t.due < best.due || (t.due === best.due && t.seq < best.seq)) best = t;
    }
    return best;
  }

  private fireUpTo(due: number): void {
    this.current = Math.max(this.current, due);
    const ready = this.timers.filter((t) => t.due <= due).sort((a, b) => a.due - b.due || a.seq - b.seq);
    this.timers = this.timers.filter((t) => t.due > due);
    for (const t of ready) t.resolve();
  }

  private touch(): void {
    this.activity++;
    if (this.watched.size > 0) this.watchStuck();
    if (this.idleTimer !== undefined) {
      clearTimeout(this.idleTimer);
      this.idleTimer = undefined;
    }
    this.schedule();
  }

  /** Watches for QUIET_ROUNDS rounds without activity, then fires the earliest timers. */
  private schedule(): void {
    if (!this.autoAdvance || this.scheduled || this.timers.length === 0) return;
    this.scheduled = true;
    let seen = this.activity;
    let quiet = 0;
    const step = (): void => {
      if (this.timers.length === 0) {
        this.scheduled = false;
        return;
      }
      if (this.activity !== seen) {
        seen = this.activity;
        quiet = 0;
      } else quiet++;
      if (quiet < QUIET_ROUNDS) {
        defer(step);
        return;
      }
      this.scheduled = false;
      if (this.running > 0) {
        // Held work is still running: its release or park calls touch() and resumes the watch.
        if (this.idleMs !== undefined) {
          this.idleTimer = setTimeout(() => {
            this.idleTimer = undefined;
            this.fireEarliest();
          }, this.idleMs);
        }
        return;
      }
      this.fireEarliest();
    };
    defer(step);
  }

  private fireEarliest(): void {
    const next = this.earliest();
    if (next) this.fireUpTo(next.due);
    this.schedule();
  }
}
