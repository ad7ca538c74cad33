/**
 * npm run bench (interpreter suite): the same workloads through aslkit,
 * aws-local-stepfunctions and a plain-JS equivalent, in one process, with ratios.
 */
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { StateMachine as LocalStateMachine } from 'aws-local-stepfunctions';
import { createStateMachine } from '../src/api.js';
import { compileStateMachine } from '../src/interpreter/engine.js';
import type { StateMachineDefinition } from '../src/definition/types.js';
import type { TaskHandler } from '../src/interpreter/runtime.js';

// aws-local-stepfunctions calls Promise.withResolvers, which Node 20 lacks.
const P = Promise as unknown as { withResolvers?: () => unknown };
if (typeof P.withResolvers !== 'function') {
  P.withResolvers = () => {
    let resolve!: (v: unknown) => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}

interface Workload {
  name: string;
  /** The JSONPath workload this JSONata one mirrors (its ratio is printed). */
  twinOf?: string;
  definition: StateMachineDefinition;
  input: unknown;
  transitions: number;
  handlers?: Record<string, TaskHandler>;
  /** Handlers in aws-local-stepfunctions' shape (input only). */
  localHandlers?: Record<string, (input: unknown) => Promise<unknown>>;
  plain: (input: unknown) => unknown;
  repeat: number;
}

function passChain(n: number): StateMachineDefinition {
  const States: Record<string, object> = {};
  for (let i = 0; i < n; i++) States[`P${i}`] = i === n - 1 ? { Type: 'Pass', End: true } : { Type: 'Pass', Next: `P${i + 1}` };
  return { StartAt: 'P0', States } as StateMachineDefinition;
}

const choiceLoop = {
  StartAt: 'Init',
  States: {
    Init: { Type: 'Pass', Result: { i: 0 }, Next: 'Loop' },
    Loop: { Type: 'Choice', Choices: [{ Variable: '$.i', NumericLessThan: 1000, Next: 'Inc' }], Default: 'Done' },
    Inc: { Type: 'Pass', Parameters: { 'i.$': 'States.MathAdd($.i, 1)' }, Next: 'Loop' },
    Done: { Type: 'Succeed' },
  },
} as unknown as StateMachineDefinition;

/** The JSONata twins: the same work through `{% %}` expressions, one per state. */
function jsonataPassChain(n: number): StateMachineDefinition {
  const States: Record<string, object> = {};
  for (let i = 0; i < n; i++) {
    States[`P${i}`] = { Type: 'Pass', Output: '{% $states.input %}', ...(i === n - 1 ? { End: true } : { Next: `P${i + 1}` }) };
  }
  return { QueryLanguage: 'JSONata', StartAt: 'P0', States } as StateMachineDefinition;
}

const jsonataChoiceLoop = {
  QueryLanguage: 'JSONata',
  StartAt: 'Init',
  States: {
    Init: { Type: 'Pass', Output: { i: 0 }, Next: 'Loop' },
    Loop: { Type: 'Choice', Choices: [{ Condition: '{% $states.input.i < 1000 %}', Next: 'Inc' }], Default: 'Done' },
    Inc: { Type: 'Pass', Output: { i: '{% $states.input.i + 1 %}' }, Next: 'Loop' },
    Done: { Type: 'Succeed' },
  },
} as unknown as StateMachineDefinition;

const jsonataMapDef = {
  QueryLanguage: 'JSONata',
  StartAt: 'M',
  States: {
    M: {
      Type: 'Map', Items: '{% $states.input %}', MaxConcurrency: 0,
      ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', Output: '{% $states.input %}', End: true } } },
      End: true,
    },
  },
} as unknown as StateMachineDefinition;

const mapDef = {
  StartAt: 'M',
  States: { M: { Type: 'Map', MaxConcurrency: 0, ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true } },
} as unknown as StateMachineDefinition;

const parallelDef = {
  StartAt: 'Par',
  States: {
    Par: {
      Type: 'Parallel',
      Branches: Array.from({ length: 10 }, (_, i) => ({ StartAt: `B${i}`, States: { [`B${i}`]: { Type: 'Pass', Result: i, End: true } } })),
      End: true,
    },
  },
} as unknown as StateMachineDefinition;

const retryDef = {
  StartAt: 'Call',
  States: { Call: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:flaky', Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 1, MaxAttempts: 3 }], End: true } },
} as unknown as StateMachineDefinition;

/** A 30-state order workflow: validation, pricing, payment with retries, a Parallel, a Map, and branches. */
export function orderWorkflow(): StateMachineDefinition {
  const fn = (n: string): string => `arn:aws:lambda:us-east-1:123456789012:function:${n}`;
  const States: Record<string, object> = {
    Validate: { Type: 'Task', Resource: fn('validate'), ResultPath: '$.validation', Next: 'IsValid' },
    IsValid: { Type: 'Choice', Choices: [{ Variable: '$.validation.ok', BooleanEquals: true, Next: 'Normalise' }], Default: 'Rejected' },
    Normalise: { Type: 'Pass', Parameters: { 'order.$': '$.order', 'customer.$': '$.order.customer', 'count.$': 'States.ArrayLength($.order.items)' }, Next: 'PriceItems' },
    PriceItems: {
      Type: 'Map', ItemsPath: '$.order.items', MaxConcurrency: 4, ResultPath: '$.priced',
      ItemProcessor: { StartAt: 'Price', States: { Price: { Type: 'Task', Resource: fn('price'), Next: 'Tax' }, Tax: { Type: 'Pass', Parameters: { 'amount.$': '$.amount', tax: 0.2 }, End: true } } },
      Next: 'Total',
    },
    Total: { Type: 'Task', Resource: fn('total'), ResultSelector: { 'total.$': '$.total' }, ResultPath: '$.bill', Next: 'IsLarge' },
    IsLarge: { Type: 'Choice', Choices: [{ Variable: '$.bill.total', NumericGreaterThan: 1000, Next: 'FraudCheck' }], Default: 'Reserve' },
    FraudCheck: { Type: 'Task', Resource: fn('fraud'), ResultPath: '$.fraud', Next: 'IsFraud' },
    IsFraud: { Type: 'Choice', Choices: [{ Variable: '$.fraud.flagged', BooleanEquals: true, Next: 'Rejected' }], Default: 'Reserve' },
    Reserve: {
      Type: 'Parallel', ResultPath: '$.reservations',
      Branches: [
        { StartAt: 'ReserveStock', States: { ReserveStock: { Type: 'Task', Resource: fn('stock'), Next: 'StockDone' }, StockDone: { Type: 'Pass', End: true } } },
        { StartAt: 'ReserveShipping', States: { ReserveShipping: { Type: 'Task', Resource: fn('ship'), Next: 'ShipDone' }, ShipDone: { Type: 'Pass', End: true } } },
      ],
      Next: 'Charge',
    },
    Charge: { Type: 'Task', Resource: fn('charge'), Retry: [{ ErrorEquals: ['Payment.Busy'], IntervalSeconds: 1, MaxAttempts: 2 }], Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'PaymentFailed' }], ResultPath: '$.payment', Next: 'Paid' },
    Paid: { Type: 'Choice', Choices: [{ Variable: '$.payment.status', StringEquals: 'OK', Next: 'Confirm' }], Default: 'PaymentFailed' },
    Confirm: { Type: 'Pass', Parameters: { 'id.$': '$.order.id', 'total.$': '$.bill.total', status: 'CONFIRMED' }, ResultPath: '$.confirmation', Next: 'Notify' },
    Notify: { Type: 'Task', Resource: fn('notify'), ResultPath: null, Next: 'Audit' },
    Audit: { Type: 'Pass', Parameters: { 'by.$': '$.order.customer', 'order.$': '$.order.id' }, ResultPath: '$.audit', Next: 'Summarise' },
    Summarise: { Type: 'Pass', Parameters: { 'order.$': '$.order.id', 'total.$': '$.bill.total', 'items.$': '$.priced' }, Next: 'Done' },
    Done: { Type: 'Succeed' },
    PaymentFailed: { Type: 'Pass', Parameters: { 'reason.$': '$.error' }, Next: 'Refund' },
    Refund: { Type: 'Task', Resource: fn('refund'), Next: 'Failed' },
    Failed: { Type: 'Fail', Error: 'Order.PaymentFailed', Cause: 'payment failed' },
    Rejected: { Type: 'Fail', Error: 'Order.Rejected', Cause: 'order rejected' },
  };
  return { StartAt: 'Validate', States } as StateMachineDefinition;
}

const orderInput = { order: { id: 'o-1', customer: 'c-1', items: [{ sku: 'a', amount: 400 }, { sku: 'b', amount: 700 }, { sku: 'c', amount: 50 }] } };

const orderHandlers: Record<string, (input: unknown) => unknown> = {
  Validate: () => ({ ok: true }),
  Price: (item) => ({ amount: (item as { amount: number }).amount }),
  Total: (input) => ({ total: ((input as { priced: { amount: number }[] }).priced).reduce((s, p) => s + p.amount, 0) }),
  FraudCheck: () => ({ flagged: false }),
  ReserveStock: () => ({ reserved: true }),
  ReserveShipping: () => ({ slot: 'AM' }),
  Charge: () => ({ status: 'OK' }),
  Notify: () => ({}),
  Refund: () => ({}),
};

function flakyCounter(): () => unknown {
  let calls = 0;
  return () => {
    calls++;
    if (calls % 3 !== 0) throw Object.assign(new Error('try again'), { name: 'Flaky' });
    return { calls };
  };
}

function workloads(): Workload[] {
  const flaky = flakyCounter();
  const localFlaky = flakyCounter();
  const asyncify = (h: Record<string, (i: unknown) => unknown>): Record<string, (i: unknown) => Promise<unknown>> =>
    Object.fromEntries(Object.entries(h).map(([k, f]) => [k, async (i: unknown) => f(i)]));
  const items = Array.from({ length: 10_000 }, (_, i) => i);
  return [
    {
      name: 'Pass chain, 1000 states', definition: passChain(1000), input: { a: 1 }, transitions: 1000, repeat: 200,
      plain: (input) => {
        let v = input;
        for (let i = 0; i < 1000; i++) v = ((x: unknown) => x)(v);
        return v;
      },
    },
    {
      name: 'Choice loop, 1000 iterations (States.MathAdd)', definition: choiceLoop, input: {}, transitions: 2003, repeat: 20,
      plain: () => {
        let s = { i: 0 };
        while (s.i < 1000) s = { i: s.i + 1 };
        return s;
      },
    },
    { name: 'Map over 10,000 items', definition: mapDef, input: items, transitions: 10_001, repeat: 5, plain: (input) => (input as number[]).map((x) => x) },
    {
      name: 'JSONata Pass chain, 1000 states', twinOf: 'Pass chain, 1000 states', definition: jsonataPassChain(1000), input: { a: 1 }, transitions: 1000, repeat: 200,
      plain: (input) => {
        let v = input;
        for (let i = 0; i < 1000; i++) v = ((x: unknown) => x)(v);
        return v;
      },
    },
    {
      name: 'JSONata Choice loop, 1000 iterations', twinOf: 'Choice loop, 1000 iterations (States.MathAdd)', definition: jsonataChoiceLoop, input: {}, transitions: 2003, repeat: 20,
      plain: () => {
        let s = { i: 0 };
        while (s.i < 1000) s = { i: s.i + 1 };
        return s;
      },
    },
    { name: 'JSONata Map over 10,000 items', twinOf: 'Map over 10,000 items', definition: jsonataMapDef, input: items, transitions: 10_001, repeat: 5, plain: (input) => (input as number[]).map((x) => x) },
    { name: 'Parallel, 10 branches', definition: parallelDef, input: {}, transitions: 11, repeat: 500, plain: () => Array.from({ length: 10 }, (_, i) => i) },
    {
      name: 'Task retried twice, then succeeds', definition: retryDef, input: {}, transitions: 1, repeat: 500,
      handlers: { Call: flaky }, localHandlers: { Call: async (i) => localFlaky() ?? i },
      plain: () => {
        for (;;) {
          try {
            return flaky();
          } catch {
            /* retry */
          }
        }
      },
    },
    {
      name: '30-state order workflow', definition: orderWorkflow(), input: orderInput, transitions: 24, repeat: 300,
      handlers: orderHandlers as Record<string, TaskHandler>, localHandlers: asyncify(orderHandlers),
      plain: (input) => {
        const o = (input as typeof orderInput).order;
        const priced = o.items.map((it) => ({ amount: it.amount, tax: 0.2 }));
        const total = priced.reduce((s, p) => s + p.amount, 0);
        return { order: o.id, total, items: priced };
      },
    },
  ];
}

/** A garbage collector to call before measuring heap growth, even without `node --expose-gc`. */
function collector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

async function timeAsync(repeat: number, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.max(5, Math.ceil(repeat / 2)); i++) await fn();
  const start = performance.now();
  for (let i = 0; i < repeat; i++) await fn();
  return (performance.now() - start) / repeat;
}

function fmt(ms: number): string {
  return ms >= 1 ? `${ms.toFixed(2)} ms` : `${(ms * 1000).toFixed(1)} µs`;
}

export async function run(): Promise<void> {
  console.log('## interpreter: aslkit vs aws-local-stepfunctions vs plain JS (mean per execution)');
  console.log('| workload | aslkit | aws-local-stepfunctions | plain JS | local/aslkit | aslkit/plain |');
  console.log('|---|---|---|---|---|---|');
  const perRun = new Map<string, number>();
  const ratios: string[] = [];
  for (const w of workloads()) {
    const machine = createStateMachine(w.definition, {
      clock: 'simulated', type: 'EXPRESS', ...(w.handlers ? { handlers: w.handlers } : {}),
    });
    const ours = await timeAsync(w.repeat, async () => {
      const r = await machine.execute(w.input);
      if (r.status !== 'SUCCEEDED') throw new Error(`${w.name}: ${r.error} ${r.cause}`);
    });
    perRun.set(w.name, ours);
    if (w.twinOf !== undefined) {
      const twin = perRun.get(w.twinOf);
      if (twin !== undefined) ratios.push(`${w.name}: ${(ours / twin).toFixed(2)}x its JSONPath twin (target <= 3x)`);
    }
    let theirs = Number.NaN;
    // aws-local-stepfunctions has no JSONata mode: the JSONata twins run against aslkit only.
    if (w.twinOf === undefined) {
      try {
        const local = new LocalStateMachine(w.definition as never, { validationOptions: { checkPaths: false, checkArn: false } } as never);
        const overrides = {
          ...(w.localHandlers ? { taskResourceLocalHandlers: w.localHandlers } : {}),
          retryIntervalOverrides: { Call: 0, Charge: 0 },
        };
        theirs = await timeAsync(Math.max(1, Math.floor(w.repeat / 5)), async () => {
          await local.run(w.input as never, { overrides } as never).result;
        });
      } catch (error) {
        console.log(`  (aws-local-stepfunctions could not run "${w.name}": ${String(error).slice(0, 120)})`);
      }
    }
    const plain = await timeAsync(w.repeat * 10, async () => w.plain(w.input));
    console.log(
      `| ${w.name} | ${fmt(ours)} (${((ours * 1000) / w.transitions).toFixed(2)} µs/transition) | ${Number.isNaN(theirs) ? 'n/a' : fmt(theirs)} | ${fmt(plain)} | ${Number.isNaN(theirs) ? 'n/a' : `${(theirs / ours).toFixed(1)}x`} | ${(ours / plain).toFixed(1)}x |`,
    );
  }

  for (const line of ratios) console.log(line);

  // Memory of one Map over 10,000 items: peak heap growth while it runs, history included.
  const gc = collector();
  const mapMachine = createStateMachine(mapDef, { clock: 'simulated', type: 'EXPRESS' });
  const items = Array.from({ length: 10_000 }, (_, i) => i);
  await mapMachine.execute(items);
  gc();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 1);
  const started = performance.now();
  const kept = await mapMachine.execute(items);
  const elapsed = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  console.log(
    `Map 10,000 (one run): ${fmt(elapsed)}, peak heap growth ${((peak - before) / 1048576).toFixed(1)} MiB with ${kept.history.length} history events`,
  );

  const order = orderWorkflow();
  // Warm the compilers the way a test suite that builds many machines would.
  for (let i = 0; i < 500; i++) createStateMachine(order);
  const createMs = await timeAsync(1000, async () => createStateMachine(order));
  const compileMs = await timeAsync(1000, async () => compileStateMachine(order));
  console.log(`createStateMachine(30-state workflow): ${fmt(createMs)} (lint + compile); compile alone ${fmt(compileMs)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
