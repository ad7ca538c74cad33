import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DefinitionError, createStateMachine } from '../../src/api.js';
import type { TaskHandler } from '../../src/interpreter/runtime.js';
import { run, single } from './helpers.js';

const TASK = 'arn:aws:states:::dynamodb:putItem';
const task = (extra: object = {}): object => ({ Type: 'Task', Resource: TASK, ...('Next' in extra ? {} : { End: true }), ...extra });
/** S, a Task caught into Caught, a Pass that outputs the error output. */
const caught = (extra: object = {}): object => ({
  StartAt: 'S',
  States: {
    S: task({ Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }], Next: 'Caught', ...extra }),
    Caught: { Type: 'Pass', End: true },
  },
});

describe('a handler gets its own copy of its input', () => {
  it('mutating the input changes neither the state output nor the history', async () => {
    const result = await run(single(task({ ResultPath: '$.r' })), { a: { b: 1 } }, {
      handlers: {
        S: (input) => {
          (input as { a: { b: number } }).a.b = 2;
          return 'done';
        },
      },
    });
    expect(result.output).toEqual({ a: { b: 1 }, r: 'done' });
    expect(result.history.find((e) => e.type === 'TaskScheduled')?.taskScheduledEventDetails?.parameters).toEqual({ a: { b: 1 } });
  });

  it('mutating the input does not reach a sibling Parallel branch', async () => {
    const branch = (name: string): object => ({ StartAt: name, States: { [name]: task() } });
    let seen: unknown;
    const result = await run(single({ Type: 'Parallel', Branches: [branch('A'), branch('B')], End: true }), { n: 1 }, {
      handlers: {
        A: (input) => {
          (input as { n: number }).n = 99;
          return 'a';
        },
        B: async (input) => {
          await Promise.resolve();
          seen = structuredClone(input);
          return 'b';
        },
      },
    });
    expect(result.output).toEqual(['a', 'b']);
    expect(seen).toEqual({ n: 1 });
  });

  it('a result the handler mutates later is not changed in the output or history', async () => {
    const shared = { n: 1 };
    const result = await run({
      StartAt: 'A',
      States: {
        A: task({ ResultPath: '$.first', Next: 'B' }),
        B: task({ ResultPath: '$.second' }),
      },
    }, {}, {
      handlers: {
        A: () => shared,
        B: () => {
          shared.n = 2;
          return shared;
        },
      },
    });
    expect(result.output).toEqual({ first: { n: 1 }, second: { n: 2 } });
    expect(result.history.find((e) => e.type === 'TaskSucceeded')?.taskSucceededEventDetails?.output).toEqual({ n: 1 });
  });
});

describe('a result that is not JSON data fails the task with States.Runtime naming the state', () => {
  const cycle: Record<string, unknown> = {};
  cycle['self'] = cycle;
  it.each<[string, unknown, string]>([
    ['a function', () => 1, 'a function at $'],
    ['a nested function', { a: [1, () => 1] }, 'a function at $.a[1]'],
    ['a BigInt', { n: 10n }, 'a BigInt at $.n'],
    ['a Symbol', Symbol('s'), 'a Symbol at $'],
    ['a cycle', cycle, 'a cycle at $.self'],
    ['NaN', { x: Number.NaN }, 'a non-finite number at $.x'],
  ])('%s', async (_label, value, where) => {
    const result = await run(caught(), {}, { handlers: { S: () => value } });
    expect(result).toMatchObject({
      status: 'FAILED',
      error: 'States.Runtime',
      cause: `The task handler of the state 'S' returned a result that is not JSON data: ${where}.`,
    });
  });
});

describe('a handler may throw anything: one clean task failure', () => {
  const unreadableName = Object.defineProperty(new Error('message kept'), 'name', { get() { throw new Error('no'); } });
  const symbolName = Object.assign(new Error('symbol named'), { name: Symbol('n') });
  const hostile = new Proxy({}, {
    get() { throw new Error('trap'); },
    getPrototypeOf() { throw new Error('trap'); },
    has() { throw new Error('trap'); },
    ownKeys() { throw new Error('trap'); },
    getOwnPropertyDescriptor() { throw new Error('trap'); },
  });
  const cases: [string, unknown, { Error: string; Cause: string }][] = [
    ['an Error whose name getter throws', unreadableName, { Error: 'Error', Cause: 'message kept' }],
    ['an Error whose name is a Symbol', symbolName, { Error: 'Error', Cause: 'symbol named' }],
    ['a Proxy whose every trap throws', hostile, { Error: 'Error', Cause: 'The task handler threw a value that cannot be read.' }],
    ['null', null, { Error: 'Error', Cause: 'null' }],
    ['a number', 42, { Error: 'Error', Cause: '42' }],
    ['undefined', undefined, { Error: 'Error', Cause: '' }],
    ['an object with a message', { name: 'Custom', message: 'm' }, { Error: 'Custom', Cause: 'm' }],
  ];
  const machine = caught();
  for (const style of ['sync', 'async'] as const) {
    it.each(cases)(`${style}: %s`, async (_label, thrown, errorOutput) => {
      const handler: TaskHandler = style === 'sync'
        ? () => { throw thrown; }
        : async () => { await Promise.resolve(); throw thrown; };
      const result = await run(machine, {}, { handlers: { S: handler } });
      expect(result.status).toBe('SUCCEEDED');
      expect(result.output).toEqual(errorOutput);
    });
  }
});

describe('execute() always resolves', () => {
  let rejections: unknown[];
  const onRejection = (reason: unknown): void => {
    rejections.push(reason);
  };
  beforeEach(() => {
    rejections = [];
    process.on('unhandledRejection', onRejection);
  });
  afterEach(() => {
    process.off('unhandledRejection', onRejection);
  });

  it('an inline Map of 10,000 items reaching the 25,000-event history quota ends with one FAILED result', async () => {
    const items = Array.from({ length: 10_000 }, (_, i) => i);
    const result = await run(single({
      Type: 'Map',
      ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
      End: true,
    }), items);
    await new Promise((resolve) => setImmediate(resolve));
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('States.Runtime');
    expect(result.cause).toContain('The execution history reached its limit of 25000 events.');
    expect(result.history.at(-1)?.type).toBe('ExecutionFailed');
    expect(rejections).toEqual([]);
  });

  it('a Map of 50 concurrent iterations adds no more than ten abort listeners to any signal', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error): void => {
      warnings.push(w.name);
    };
    process.on('warning', onWarning);
    try {
      const result = await run(single({
        Type: 'Map',
        MaxConcurrency: 50,
        ItemProcessor: { StartAt: 'T', States: { T: { Type: 'Task', Resource: TASK, TimeoutSeconds: 5, End: true } } },
        End: true,
      }), Array.from({ length: 50 }, (_, i) => i), {
        handlers: { T: async (input) => { await new Promise((resolve) => setImmediate(resolve)); return input; } },
      });
      await new Promise((resolve) => setImmediate(resolve));
      expect(result.status).toBe('SUCCEEDED');
      expect(warnings).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });
});

describe('a Task with no handler ends the execution with aslkit.HandlerNotFound', () => {
  const definition = {
    StartAt: 'Charge',
    States: {
      Charge: {
        Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage',
        Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 3 }],
        Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Recover' }],
        Next: 'Ship',
      },
      Ship: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', End: true },
      Recover: { Type: 'Pass', End: true },
    },
  };

  it('neither Retry nor Catch sees it, and the cause names the state, its Resource and the closest key', async () => {
    const result = await run(definition, {}, { handlers: { Ship: () => ({}) } });
    expect(result).toMatchObject({
      status: 'FAILED',
      error: 'aslkit.HandlerNotFound',
      cause: "No handler for the state 'Charge' (Resource 'arn:aws:states:::sqs:sendMessage'): options.handlers has no key 'Charge', 'arn:aws:states:::sqs:sendMessage' or '*'. The closest handler key is 'Ship'.",
    });
    expect(result.history.filter((e) => e.type === 'TaskScheduled')).toHaveLength(1);
    expect(result.history.some((e) => e.type === 'PassStateEntered')).toBe(false);
  });

  it('a state named like an Object.prototype member finds no inherited handler', async () => {
    const result = await run(single({ Type: 'Task', Resource: TASK, End: true }, {}), {}, {});
    const named = await run({ StartAt: 'constructor', States: { constructor: { Type: 'Task', Resource: TASK, End: true } } });
    expect(result.error).toBe('aslkit.HandlerNotFound');
    expect(named.error).toBe('aslkit.HandlerNotFound');
  });

  it("a state named __proto__ finds the '*' handler", async () => {
    const definition = JSON.parse(`{"StartAt":"__proto__","States":{"__proto__":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:putItem","End":true}}}`) as object;
    const result = await run(definition, {}, { handlers: { '*': () => ({ ok: true }) } });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { ok: true } });
  });
});

describe('a handler key must name a state or a Resource of the definition', () => {
  it.each<[string, string]>([
    ['Shipp', "options.handlers has the key 'Shipp', which names no state and no Resource of the definition; did you mean 'Ship'?"],
    ['arn:aws:states:::sqs:sendMesage', "options.handlers has the key 'arn:aws:states:::sqs:sendMesage', which names no state and no Resource of the definition; did you mean 'arn:aws:states:::sqs:sendMessage'?"],
    ['Unrelated', "options.handlers has the key 'Unrelated', which names no state and no Resource of the definition"],
  ])('%s is a DefinitionError', (key, message) => {
    const definition = { StartAt: 'Ship', States: { Ship: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', End: true } } };
    let thrown: unknown;
    try {
      createStateMachine(definition, { handlers: { [key]: () => ({}) } });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DefinitionError);
    expect((thrown as DefinitionError).diagnostics).toEqual([{ ruleId: 'handler-key', severity: 'error', message, pointer: '' }]);
  });

  it("accepts '*', nested state names and ItemReader / ResultWriter resources", () => {
    const definition = {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ItemReader: { Resource: 'arn:aws:states:::s3:getObject', Parameters: { Bucket: 'b', Key: 'k' } },
          ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'Inner', States: { Inner: { Type: 'Task', Resource: TASK, End: true } } },
          End: true,
        },
      },
    };
    const handlers = { '*': () => 1, Inner: () => 2, 'arn:aws:states:::s3:getObject': () => '[]' };
    expect(createStateMachine(definition, { handlers }).name).toBe('StateMachine');
  });
});

describe('execute() refuses an input StartExecution would refuse, and still resolves', () => {
  it.each<[string, unknown, object, { error: string; cause: string }]>([
    ['over 256 KiB', { s: 'x'.repeat(262_144) }, {}, {
      error: 'ValidationException',
      cause: "1 validation error detected: Value at 'input' failed to satisfy constraint: Member must have length less than or equal to 262144",
    }],
    ['over a lowered quota', { s: 'xx' }, { limits: { maxPayloadBytes: 8 } }, {
      error: 'ValidationException',
      cause: "1 validation error detected: Value at 'input' failed to satisfy constraint: Member must have length less than or equal to 8",
    }],
    ['not JSON data', { f: () => 1 }, {}, { error: 'InvalidExecutionInput', cause: 'The provided JSON input data is not valid: a function at $.f.' }],
  ])('%s', async (_label, input, options, expected) => {
    const result = await run(single({ Type: 'Pass', End: true }), input, options);
    expect(result).toMatchObject({ status: 'FAILED', ...expected, history: [] });
  });

  it('an input within the quota runs on a copy of its own', async () => {
    const input = { a: 1 };
    const machine = createStateMachine(single({ Type: 'Pass', End: true }), { clock: 'simulated' });
    const pending = machine.execute(input);
    input.a = 2;
    expect((await pending).output).toEqual({ a: 1 });
  });
});
