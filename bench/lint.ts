// aslkit lint() against asl-validator on generated Pass chains and the examples/ files.
// Both get the parsed definition object (asl-validator takes no text); aslkit's figure for
// the JSON text (parse + source positions + rules) is printed alongside.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { lint } from '../src/lint/index.js';

type AslValidator = (definition: unknown) => { isValid: boolean; errors: unknown[] };
const aslValidator = createRequire(import.meta.url)('asl-validator') as AslValidator;

const ROOT = join(import.meta.dirname, '..');

function passChain(states: number): Record<string, unknown> {
  const chain: Record<string, unknown> = {};
  for (let i = 0; i < states; i++) {
    chain[`Step ${i}`] = i === states - 1 ? { Type: 'Pass', End: true } : { Type: 'Pass', Next: `Step ${i + 1}` };
  }
  return { Comment: `A chain of ${states} Pass states`, StartAt: 'Step 0', States: chain };
}

/** Each state reads the previous state's variable and assigns its own: JSONata parsing and variable analysis per state. */
function jsonataChain(states: number): Record<string, unknown> {
  const chain: Record<string, unknown> = {};
  for (let i = 0; i < states; i++) {
    const read = i === 0 ? '$states.input.n' : `$v${i - 1}`;
    chain[`Step ${i}`] = {
      Type: 'Pass',
      Output: { value: `{% ${read} + ${i} %}`, label: `{% 'step ' & $string(${i}) %}` },
      Assign: { [`v${i}`]: `{% ${read} * 2 + ${i} %}` },
      ...(i === states - 1 ? { End: true } : { Next: `Step ${i + 1}` }),
    };
  }
  return { Comment: `A chain of ${states} JSONata Pass states`, QueryLanguage: 'JSONata', StartAt: 'Step 0', States: chain };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Median µs per call: warm up (~150 ms, so the JIT has settled), size each sample to ~40 ms, take 7 samples (3 for slow calls). */
function measure(fn: () => unknown): number {
  const warmUpEnd = performance.now() + 150;
  let calls = 0;
  while (calls < 3 || performance.now() < warmUpEnd) {
    fn();
    calls++;
  }
  const start = performance.now();
  fn();
  const once = Math.max(performance.now() - start, 0.001);
  const iterations = Math.max(1, Math.ceil(40 / once));
  const samples: number[] = [];
  for (let s = 0; s < (once > 200 ? 3 : 7); s++) {
    const t0 = performance.now();
    for (let i = 0; i < iterations; i++) fn();
    samples.push(((performance.now() - t0) * 1000) / iterations);
  }
  return median(samples);
}

function exampleFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return exampleFiles(path);
    return /\.asl\.json$|template\.ya?ml$/.test(name) ? [path] : [];
  });
}

function countStates(definition: unknown): number {
  let count = 0;
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key === 'States' && child !== null && typeof child === 'object') count += Object.keys(child).length;
        visit(child);
      }
    }
  };
  visit(definition);
  return count;
}

const fmt = (n: number, digits = 1) => n.toFixed(digits).padStart(10);

interface Row {
  name: string;
  /** Undefined for templates, whose machines asl-validator cannot read. */
  states: number | undefined;
  aslkitObject: number;
  aslkitText: number;
  validator: number | undefined;
}

function printRow(row: Row): void {
  const ratio = row.validator === undefined ? '       n/a' : `${(row.validator / row.aslkitObject).toFixed(0).padStart(9)}x`;
  console.log(
    `${row.name.padEnd(52)} ${String(row.states ?? '-').padStart(6)} ${fmt(row.aslkitObject)} ${row.states === undefined ? '         -' : fmt(row.aslkitObject / Math.max(row.states, 1), 2)} ${fmt(row.aslkitText)} ${row.validator === undefined ? '       n/a' : fmt(row.validator)} ${ratio}`,
  );
}

export async function run(): Promise<void> {
  console.log('## lint: aslkit lint() vs asl-validator (median µs per call)');
  console.log(
    `${'definition'.padEnd(52)} ${'states'.padStart(6)} ${'aslkit'.padStart(10)} ${'µs/state'.padStart(10)} ${'aslkit txt'.padStart(10)} ${'asl-valid.'.padStart(10)} ${'ratio'.padStart(10)}`,
  );
  const rows: Row[] = [];
  for (const states of [1, 10, 100, 1000, 5000]) {
    const definition = passChain(states);
    const text = JSON.stringify(definition, null, 2);
    const forValidator = structuredClone(definition);
    const problems = lint(definition).diagnostics.filter((d) => d.severity === 'error');
    if (problems.length > 0) console.log(`  note: aslkit reports ${problems.length} errors on pass-chain-${states}, first: ${problems[0]?.message}`);
    const row: Row = {
      name: `pass-chain-${states}`,
      states,
      aslkitObject: measure(() => lint(definition)),
      aslkitText: measure(() => lint(text, { format: 'json' })),
      validator: measure(() => aslValidator(forValidator)),
    };
    rows.push(row);
    printRow(row);
  }
  for (const states of [100, 5000]) {
    // Only aslkit reads JSONata (asl-validator has no QueryLanguage), so no ratio.
    const definition = jsonataChain(states);
    const text = JSON.stringify(definition, null, 2);
    const problems = lint(definition).diagnostics.filter((d) => d.severity === 'error');
    if (problems.length > 0) console.log(`  note: aslkit reports ${problems.length} errors on jsonata-chain-${states}, first: ${problems[0]?.message}`);
    const row: Row = {
      name: `jsonata-chain-${states}`,
      states,
      aslkitObject: measure(() => lint(definition)),
      aslkitText: measure(() => lint(text, { format: 'json' })),
      validator: undefined,
    };
    rows.push(row);
    printRow(row);
  }
  for (const file of exampleFiles(join(ROOT, 'examples'))) {
    const text = readFileSync(file, 'utf8');
    const name = relative(ROOT, file);
    if (file.endsWith('.asl.json')) {
      const definition = JSON.parse(text) as object;
      const forValidator = structuredClone(definition);
      printRow({
        name,
        states: countStates(definition),
        aslkitObject: measure(() => lint(definition)),
        aslkitText: measure(() => lint(text, { filename: name })),
        validator: measure(() => aslValidator(forValidator)),
      });
    } else {
      // A template: only aslkit reads templates, so only the text figure means anything.
      const textTime = measure(() => lint(text, { filename: name }));
      printRow({ name, states: undefined, aslkitObject: textTime, aslkitText: textTime, validator: undefined });
    }
  }

  const one = rows.find((r) => r.states === 1);
  const big = rows.find((r) => r.name === 'pass-chain-5000');
  if (one?.validator !== undefined) {
    const ratio = one.validator / one.aslkitObject;
    console.log(`target: >= 1000x faster than asl-validator on 1 state: ${ratio.toFixed(0)}x ${ratio >= 1000 ? 'MET' : 'MISSED'}`);
  }
  if (big !== undefined) {
    const perState = big.aslkitObject / 5000;
    console.log(`target: <= 5 µs per state at 5000 states: ${perState.toFixed(2)} µs ${perState <= 5 ? 'MET' : 'MISSED'} (text input: ${(big.aslkitText / 5000).toFixed(2)} µs)`);
  }
  const jsonataBig = rows.find((r) => r.name === 'jsonata-chain-5000');
  if (jsonataBig !== undefined) {
    console.log(`jsonata-chain-5000 (no target): ${(jsonataBig.aslkitObject / 5000).toFixed(2)} µs per state (text input: ${(jsonataBig.aslkitText / 5000).toFixed(2)} µs)`);
  }
}
