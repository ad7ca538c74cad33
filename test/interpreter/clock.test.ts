import { describe, expect, it } from 'vitest';
import { SimulatedClock } from '../../src/interpreter/clock.js';

describe('SimulatedClock', () => {
  it('jumps to the earliest timer once everything else is waiting, firing in due order', async () => {
    const clock = new SimulatedClock({ start: 0 });
    const order: string[] = [];
    await Promise.all([
      clock.sleep(3000).then(() => order.push(`b@${clock.now()}`)),
      clock.sleep(1000).then(() => order.push(`a@${clock.now()}`)),
    ]);
    expect(order).toEqual(['a@1000', 'b@3000']);
  });

  it('can be advanced by hand when auto-advance is off', async () => {
    const clock = new SimulatedClock({ start: 0, autoAdvance: false });
    let fired = false;
    const done = clock.sleep(5000).then(() => { fired = true; });
    clock.advance(4999);
    await Promise.resolve();
    expect(fired).toBe(false);
    clock.advance(1);
    await done;
    expect(fired).toBe(true);
    expect(clock.now()).toBe(5000);
  });

  it('rejects a sleep whose signal aborts, and forgets its timer', async () => {
    const clock = new SimulatedClock({ start: 0, autoAdvance: false });
    const controller = new AbortController();
    const sleeping = clock.sleep(1000, controller.signal);
    controller.abort('stop');
    await expect(sleeping).rejects.toBe('stop');
    expect(clock.pending).toBe(0);
  });
});

describe('SimulatedClock holds', () => {
  it('does not move while held work runs, however long it takes in wall time', async () => {
    const clock = new SimulatedClock({ start: 0 });
    const hold = clock.hold();
    const order: string[] = [];
    const timeout = clock.sleep(30_000).then(() => order.push(`timeout@${clock.now()}`));
    await new Promise((r) => setTimeout(r, 80));
    order.push(`io done@${clock.now()}`);
    hold.release();
    await timeout;
    expect(order).toEqual(['io done@0', 'timeout@30000']);
  });

  it('moves on once the holder parks (it waits for the clock or an abort)', async () => {
    const clock = new SimulatedClock({ start: 0 });
    const hold = clock.hold();
    const timeout = clock.sleep(30_000);
    hold.park();
    await timeout;
    expect(clock.now()).toBe(30_000);
    hold.release();
  });

  it('falls back to wall time only when idleMs is given', async () => {
    const clock = new SimulatedClock({ start: 0, idleMs: 10 });
    clock.hold();
    await clock.sleep(30_000);
    expect(clock.now()).toBe(30_000);
  });
});
