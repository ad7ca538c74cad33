// JSONPath-mode expressions: aslkit's compiled paths, templates and ResultPath beside plain JS
// property access and jsonpath-plus called directly (script evaluation off where it can be;
// its filter needs its own 'safe' evaluator). aslkit walks a definite path itself (the fast
// path) and sends an indefinite one through jsonpath-plus (eval off, filters through our
// callback). Figures are median ns per operation.
import { performance } from 'node:perf_hooks';
import { JSONPath } from 'jsonpath-plus';
import { applyResultPath, compilePath, compilePayloadTemplate } from '../src/expressions/paths/index.js';
import type { CompiledPath } from '../src/expressions/paths/index.js';
import type { EvaluationEnv } from '../src/expressions/types.js';

const env: EvaluationEnv = {
  context: { Execution: { Input: { orderId: 'o-1' }, Name: 'run' }, State: { Name: 'S' } },
  variables: { customer: { name: 'Ana' } },
  random: Math.random,
};

const input = {
  order: { id: 'o-1', lines: [{ sku: 'a', price: 5 }, { sku: 'b', price: 15 }], customer: { name: 'Bo' } },
  items: Array.from({ length: 20 }, (_, i) => ({ sku: `s${i}`, price: i })),
  meta: { source: 'web', 'trace id': 't-1' },
};

let sink: unknown;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Median ns per call over 7 samples of about 30 ms each, after a warm-up. */
function measure(fn: () => unknown): number {
  for (let i = 0; i < 20_000; i++) sink = fn();
  const t = performance.now();
  let probe = 0;
  while (performance.now() - t < 5) {
    sink = fn();
    probe++;
  }
  const iterations = Math.max(1, Math.round((probe * 30) / 5));
  const samples: number[] = [];
  for (let s = 0; s < 7; s++) {
    const t0 = performance.now();
    for (let i = 0; i < iterations; i++) sink = fn();
    samples.push(((performance.now() - t0) * 1e6) / iterations);
  }
  return median(samples);
}

function path(text: string, kind: 'Path' | 'ReferencePath' = 'Path'): CompiledPath {
  const result = compilePath(text, kind);
  if (!result.ok) throw new Error(result.issues[0]?.message);
  return result.value;
}

function jsonpathPlus(text: string, evaluation: false | 'safe' = false): () => unknown {
  return () => JSONPath({ path: text, json: input, wrap: false, eval: evaluation });
}

export async function run(): Promise<void> {
  const plain = path("$.order.lines[1]['price']");
  const single = compilePayloadTemplate({ 'id.$': '$.order.id' });
  if (!single.ok) throw new Error(single.issues[0]?.message);
  const singleField = single.value;
  const wildcard = path('$.items[*].price');
  const filter = path('$.items[?(@.price < 5)].sku');
  const template = compilePayloadTemplate({
    'id.$': '$.order.id',
    'customer.$': '$.order.customer.name',
    'firstSku.$': '$.order.lines[0].sku',
    'execution.$': '$$.Execution.Name',
    'who.$': '$customer.name',
    fixed: { channel: 'web' },
  });
  if (!template.ok) throw new Error(template.issues[0]?.message);
  const compiledTemplate = template.value;
  const resultPath = path('$.result.data', 'ReferencePath');
  const result = { ok: true };

  const rows: [string, string, number][] = [
    ['plain path  $.order.lines[1][\'price\']', 'plain JS property access', measure(() => input.order.lines[1]?.['price'])],
    ['', 'aslkit compiled path (fast path)', measure(() => plain.evaluate(input, env))],
    ['', 'jsonpath-plus (eval: false)', measure(jsonpathPlus("$.order.lines[1]['price']"))],
    ['template with one .$ field  $.order.id', 'aslkit compiled template (fast path)', measure(() => singleField.evaluate(input, env))],
    ['template with 5 .$ fields', 'plain JS object literal', measure(() => ({
      id: input.order.id,
      customer: input.order.customer.name,
      firstSku: input.order.lines[0]?.sku,
      execution: 'run',
      who: 'Ana',
      fixed: { channel: 'web' },
    }))],
    ['', 'aslkit compiled template', measure(() => compiledTemplate.evaluate(input, env))],
    ['wildcard  $.items[*].price (20 items)', 'plain JS map', measure(() => input.items.map((item) => item.price))],
    ['', 'aslkit compiled path (through jsonpath-plus)', measure(() => wildcard.evaluate(input, env))],
    ['', 'jsonpath-plus (eval: false)', measure(jsonpathPlus('$.items[*].price'))],
    ['filter  $.items[?(@.price < 5)].sku', 'plain JS filter + map', measure(() => input.items.filter((i) => i.price < 5).map((i) => i.sku))],
    ['', 'aslkit compiled path (through jsonpath-plus)', measure(() => filter.evaluate(input, env))],
    ['', "jsonpath-plus (eval: 'safe')", measure(jsonpathPlus('$.items[?(@.price < 5)].sku', 'safe'))],
    ['ResultPath  $.result.data', 'plain JS spread', measure(() => ({ ...input, result: { data: result } }))],
    ['', 'aslkit applyResultPath', measure(() => applyResultPath(resultPath, input, result))],
  ];

  console.log('## expressions (JSONPath mode), median ns/op');
  console.log('');
  console.log('| operation | implementation | ns/op |');
  console.log('|---|---|---:|');
  for (const [operation, implementation, ns] of rows) {
    console.log(`| ${operation} | ${implementation} | ${ns.toFixed(1)} |`);
  }
  const perEvaluation = (label: string, fn: () => unknown): string => `${label} ${(measure(fn) / 1000).toFixed(3)} µs`;
  console.log('');
  console.log(
    `per evaluation: ${perEvaluation('fast path (one .$ field, $.order.id):', () => singleField.evaluate(input, env))}; ` +
      `${perEvaluation('jsonpath-plus path ($.items[*].price):', () => wildcard.evaluate(input, env))}; ` +
      `${perEvaluation('jsonpath-plus filter ($.items[?(@.price < 5)].sku):', () => filter.evaluate(input, env))}`,
  );
  if (sink === Symbol.for('never')) console.log('');
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
