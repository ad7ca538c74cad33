/**
 * Time, injected (STYLE habit 8). The engine reads `now()` for timestamps and calls
 * `sleep()` for Wait states, retry back-off and timeouts; nothing else in the
 * interpreter touches real time.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason when the signal aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /**
   * Marks work in flight outside the clock (a task handler running); returns its release.
   * A simulated clock does not jump ahead while work is held, unless the holder stays
   * quiet for a while (a handler that waits for its timeout).
   */
  hold?(): () => void;
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
 * Virtual time: it moves only when every pending piece of work is waiting on the clock.
 * A sleep registers a timer; once the microtask queue has drained (checked on the next
 * macrotask), the clock jumps to the earliest timer and fires every timer due then.
 * While a task handler is running (a `hold()`), the clock waits for it instead, unless
 * nothing has happened for `idleMs` of wall time: then the handler is taken to be waiting
 * for its timeout or heartbeat, and time moves on. Tests may also move it by hand with
 * `advance()`.
 */
export class SimulatedClock implements Clock {
  private current: number;
  private timers: Timer[] = [];
  private seq = 0;
  private scheduled = false;
  private readonly autoAdvance: boolean;
  private readonly idleMs: number;
  private holds = 0;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private activity = 0;

  constructor(options: { start?: number | Date; autoAdvance?: boolean; idleMs?: number } = {}) {
    const start = options.start ?? Date.UTC(2024, 0, 1);
    this.current = typeof start === 'number' ? start : start.getTime();
    this.autoAdvance = options.autoAdvance ?? true;
    this.idleMs = options.idleMs ?? 50;
  }

  hold(): () => void {
    this.holds++;
    this.activity++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds--;
      this.activity++;
      if (this.holds === 0 && this.idleTimer !== undefined) {
        // Nothing is running any more: no need to sit out the quiet period.
        clearTimeout(this.idleTimer);
        this.idleTimer = undefined;
        this.scheduled = false;
      }
      this.schedule();
    };
  }

  now(): number {
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
      this.activity++;
      this.schedule();
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

  private schedule(): void {
    if (!this.autoAdvance || this.scheduled || this.timers.length === 0) return;
    this.scheduled = true;
    const seen = this.activity;
    const step = (): void => {
      this.scheduled = false;
      this.idleTimer = undefined;
      const next = this.earliest();
      if (!next) return;
      if (this.holds > 0 && this.activity !== seen) {
        this.schedule();
        return;
      }
      this.fireUpTo(next.due);
      if (this.timers.length > 0) this.schedule();
    };
    if (this.holds > 0) this.idleTimer = setTimeout(step, this.idleMs);
    else defer(step);
  }
}
