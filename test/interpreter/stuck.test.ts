import { describe, expect, it } from 'vitest';
import { run, single } from './helpers.js';

const TASK = 'arn:aws:states:::dynamodb:putItem';
const never = (): Promise<never> => new Promise<never>(() => {});
const caught = {
  StartAt: 'S',
  States: {
    S: { Type: 'Task', Resource: TASK, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'C' }], Next: 'C' },
    C: { Type: 'Pass', End: true },
  },
};
const stuckCause = (key: string, state: string, ms: number): string =>
  `The handler '${key}' of the state '${state}' has not settled, and under the simulated clock nothing else can happen until it does: no activity for ${ms} ms of wall time. Settle it, wait on context.signal (TimeoutSeconds and HeartbeatSeconds run on virtual time), or raise stuckAfterMs.`;

describe('a handler that never settles under the simulated clock', () => {
  it('ends the execution with aslkit.HandlerStuck after the default 2000 ms, past Catch', async () => {
    const started = Date.now();
    const result = await run(caught, {}, { handlers: { S: never } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    expect(result).toMatchObject({ status: 'FAILED', error: 'aslkit.HandlerStuck', cause: stuckCause('S', 'S', 2000) });
  });

  it.each<[string, object, Record<string, () => unknown>, string, string]>([
    ['a handler key by Resource', single({ Type: 'Task', Resource: TASK, End: true }), { [TASK]: never }, TASK, 'S'],
    ['a handler ignoring its signal with no TimeoutSeconds', single({ Type: 'Task', Resource: TASK, End: true }), { '*': never }, '*', 'S'],
    ['a branch blocking a sibling Wait', single({
      Type: 'Parallel',
      Branches: [
        { StartAt: 'A', States: { A: { Type: 'Task', Resource: TASK, End: true } } },
        { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 10, End: true } } },
      ],
      End: true,
    }), { A: never }, 'A', 'A'],
  ])('%s', async (_label, definition, handlers, key, state) => {
    const result = await run(definition, {}, { handlers, stuckAfterMs: 30 });
    expect(result).toMatchObject({ status: 'FAILED', error: 'aslkit.HandlerStuck', cause: stuckCause(key, state, 30) });
  });

  it('a handler waiting on its signal with no timer left is stuck too', async () => {
    const result = await run(single({ Type: 'Task', Resource: TASK, End: true }), {}, {
      handlers: { S: (_input, context) => new Promise((_, reject) => context.signal.addEventListener('abort', () => reject(new Error('aborted')))) },
      stuckAfterMs: 30,
    });
    expect(result).toMatchObject({ status: 'FAILED', error: 'aslkit.HandlerStuck' });
  });

  it('TimeoutSeconds still fires on virtual time', async () => {
    const result = await run(single({ Type: 'Task', Resource: TASK, TimeoutSeconds: 300, End: true }), {}, {
      handlers: { S: (_input, context) => new Promise((_, reject) => context.signal.addEventListener('abort', () => reject(new Error('aborted')))) },
      stuckAfterMs: 30,
    });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
  });

  it('a handler doing real work for less than stuckAfterMs succeeds', async () => {
    const result = await run(single({ Type: 'Task', Resource: TASK, End: true }), {}, {
      handlers: { S: () => new Promise((resolve) => setTimeout(() => resolve('done'), 50)) },
      stuckAfterMs: 1000,
    });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: 'done' });
  });
});

describe('the stuck watch counts wall time from the last activity', () => {
  const after = (ms: number, value: unknown): Promise<unknown> => new Promise((resolve) => setTimeout(() => resolve(value), ms));
  /** Branch A runs the handler A; branch B runs ten tasks one after another, each 20 ms of real work. */
  const busySibling = single({
    Type: 'Parallel',
    Branches: [
      { StartAt: 'A', States: { A: { Type: 'Task', Resource: TASK, End: true } } },
      {
        StartAt: 'B',
        States: {
          B: {
            Type: 'Map', MaxConcurrency: 1,
            ItemProcessor: { StartAt: 'Work', States: { Work: { Type: 'Task', Resource: TASK, End: true } } },
            End: true,
          },
        },
      },
    ],
    End: true,
  });
  const input = Array.from({ length: 10 }, (_, i) => i);

  it('does not fire while other work keeps the execution active, even past stuckAfterMs', async () => {
    const result = await run(busySibling, input, {
      handlers: { A: () => after(300, 'a'), Work: (item) => after(20, item) },
      stuckAfterMs: 200,
    });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: ['a', input] });
  });

  it('fires stuckAfterMs after the last activity, not after the stuck handler started', async () => {
    const started = Date.now();
    const result = await run(busySibling, input, {
      handlers: { A: never, Work: (item) => after(20, item) },
      stuckAfterMs: 100,
    });
    expect(result).toMatchObject({ status: 'FAILED', error: 'aslkit.HandlerStuck', cause: stuckCause('A', 'A', 100) });
    // The ten tasks of B take at least 200 ms of wall time; only then is A alone and quiet.
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
  });
});
