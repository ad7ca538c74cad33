/**
 * Runs the recorded AWS executions (shared/conformance/exec/*.jsonl) through aslkit and
 * judges them by the corpus README's rules 1-6: pure cases always run, service cases run
 * with mocks answered by state name from the recorded task invocations, time is simulated,
 * and status, output (or error and cause) and the history's event types are compared with
 * placeholders. No entry is special-cased.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { pathToFileURL } from 'node:url';
import { DefinitionError, createStateMachine } from '../../src/api.js';
import { StatesError } from '../../src/definition/errors.js';
import { isLambdaInvoke, lambdaResult } from '../../src/interpreter/integrations/lambda.js';
import type { LambdaInvokeResponse } from '../../src/interpreter/integrations/lambda.js';
import type { TaskHandler } from '../../src/interpreter/runtime.js';

interface Invocation {
  state: string;
  parameters?: unknown;
  outcome: 'succeeded' | 'failed' | 'timed_out' | 'aborted';
  output?: unknown;
  error?: string | null;
  cause?: unknown;
}

interface ExecCase {
  id: string;
  definition: object;
  state_machine_type: 'STANDARD' | 'EXPRESS';
  input: unknown;
  expected: { status: string; output?: unknown; error?: string; cause?: unknown };
  expected_placeholders: string[];
  expected_event_types: string[] | null;
  task_invocations?: Invocation[];
  s3_objects?: { Bucket: string; Key: string; Body: string }[];
  needs_services: string[];
  mockable_from_history: boolean;
  features: string[];
  event_order_normalised?: boolean;
  cause_is_parsed_json?: boolean;
}

export interface CorpusReport {
  passed: number;
  failed: number;
  skipped: number;
  lines: string[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** README rule 5: placeholder tokens match any value (whole string) or any text (inside a string). */
export function matches(expected: unknown, actual: unknown, tokens: readonly string[]): boolean {
  if (typeof expected === 'string') {
    if (tokens.includes(expected)) return true;
    if (typeof actual !== 'string') return false;
    if (expected === actual) return true;
    const used = tokens.filter((t) => expected.includes(t));
    if (used.length > 0) {
      const pattern = expected
        .split(new RegExp(`(${used.map(escapeRegExp).join('|')})`))
        .map((part) => (used.includes(part) ? '[\\s\\S]*' : escapeRegExp(part)))
        .join('');
      if (new RegExp(`^${pattern}$`).test(actual)) return true;
    }
    // JSON text is compared parsed (README rule 4).
    const e = parseJson(expected);
    const a = parseJson(actual);
    return e.ok && a.ok && (typeof e.value === 'object' && e.value !== null) && matches(e.value, a.value, tokens);
  }
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => matches(e, actual[i], tokens));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    const ek = Object.keys(expected);
    const ak = Object.keys(actual);
    if (ek.length !== ak.length) return false;
    return ek.every((k) => Object.hasOwn(actual, k) && matches((expected as Record<string, unknown>)[k], (actual as Record<string, unknown>)[k], tokens));
  }
  return isDeepStrictEqual(expected, actual) || (typeof expected === 'number' && expected === actual);
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

const BLOCK_START = new Set(['ParallelStateStarted', 'MapStateStarted']);
const BLOCK_END = new Set([
  'ParallelStateSucceeded', 'ParallelStateFailed', 'ParallelStateExited',
  'MapStateSucceeded', 'MapStateFailed', 'MapStateExited',
]);

/** README rule 6: inside Parallel/Map blocks of concurrent cases, events compare as a multiset. */
function eventsMatch(expected: readonly string[], actual: readonly string[], concurrent: boolean): boolean {
  if (!concurrent) return isDeepStrictEqual(expected, actual);
  const split = (events: readonly string[]): [string[], string[], string[]] => {
    const first = events.findIndex((e) => BLOCK_START.has(e));
    if (first < 0) return [events.slice(), [], []];
    let last = -1;
    events.forEach((e, i) => {
      if (BLOCK_END.has(e)) last = i;
    });
    if (last < first) last = events.length - 1;
    return [events.slice(0, first), events.slice(first, last + 1).sort(), events.slice(last + 1)];
  };
  return isDeepStrictEqual(split(expected), split(actual));
}

/** README rule 2: each Task state answers from its recorded invocations, parameters-equal first. */
function mockHandlers(invocations: readonly Invocation[], tokens: readonly string[]): Record<string, TaskHandler> {
  const queues = new Map<string, Invocation[]>();
  for (const inv of invocations) {
    const q = queues.get(inv.state) ?? [];
    q.push(inv);
    queues.set(inv.state, q);
  }
  const handlers: Record<string, TaskHandler> = {};
  for (const [state, queue] of queues) {
    handlers[state] = (input, context) => {
      let index = queue.findIndex((inv) => inv.parameters !== undefined && matches(inv.parameters, input, tokens));
      if (index < 0) index = 0;
      const inv = queue.splice(index, 1)[0];
      if (!inv) throw new StatesError('States.TaskFailed', `No more recorded invocations for the state '${state}'`);
      switch (inv.outcome) {
        case 'succeeded':
          // The recording holds Lambda's whole Invoke response, not the function's payload.
          return isLambdaInvoke(context.resource) ? lambdaResult(inv.output as LambdaInvokeResponse) : inv.output;
        case 'aborted':
          return new Promise((_, reject) => context.signal.addEventListener('abort', () => reject(context.signal.reason)));
        default:
          throw new StatesError(
            inv.error ?? (inv.outcome === 'timed_out' ? 'States.Timeout' : 'States.TaskFailed'),
            typeof inv.cause === 'string' ? inv.cause : inv.cause == null ? '' : JSON.stringify(inv.cause),
          );
      }
    };
  }
  return handlers;
}

/** README rule 2: ItemReader objects come from `s3_objects`. */
/** An in-memory bucket store seeded with the case's objects; ResultWriter writes into it. */
function s3Handlers(seed: readonly { Bucket: string; Key: string; Body: string }[]): Record<string, TaskHandler> {
  const objects = [...seed];
  return {
    'arn:aws:states:::s3:putObject': (input) => {
      const { Bucket, Key, Body } = input as { Bucket: string; Key: string; Body: unknown };
      const text = typeof Body === 'string' ? Body : JSON.stringify(Body);
      const at = objects.findIndex((o) => o.Bucket === Bucket && o.Key === Key);
      if (at >= 0) objects.splice(at, 1);
      objects.push({ Bucket, Key, Body: text });
      return { ETag: `"${text.length}"` };
    },
    'arn:aws:states:::s3:getObject': (input) => {
      const { Bucket, Key } = input as { Bucket?: string; Key?: string };
      const found = objects.find((o) => o.Bucket === Bucket && o.Key === Key);
      if (!found) throw new StatesError('S3.NoSuchKey', `The specified key does not exist: ${Bucket}/${Key}`);
      return found.Body;
    },
    'arn:aws:states:::s3:listObjectsV2': (input) => {
      const { Bucket, Prefix = '' } = input as { Bucket?: string; Prefix?: string };
      const contents = objects
        .filter((o) => o.Bucket === Bucket && o.Key.startsWith(Prefix))
        .map((o) => ({ Key: o.Key, Size: o.Body.length }));
      return { Contents: contents, KeyCount: contents.length, Name: Bucket };
    },
  };
}

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 0x1_0000_0000;
  };
}

/**
 * The corpus anonymises ARN parts in definitions (`arn:<partition>:states:<region>:...`);
 * AWS ran them with real values, so put plausible ones back before linting.
 */
function anonymisedArns(definition: object): object {
  const text = JSON.stringify(definition)
    .replace(/arn:<partition>:/g, 'arn:aws:')
    .replace(/:<region>:/g, ':us-east-1:');
  return JSON.parse(text) as object;
}

function isPureJsonPath(c: ExecCase): boolean {
  return c.needs_services.length === 0 && !c.features.includes('jsonata') && !c.features.includes('variables');
}

async function judge(c: ExecCase): Promise<string | undefined> {
  let machine;
  // createStateMachine refuses a handler key naming nothing in the definition: offer the S3
  // handlers only for the S3 resources the definition calls.
  const text = JSON.stringify(c.definition);
  const s3 = Object.entries(s3Handlers(c.s3_objects ?? [])).filter(([resource]) => text.includes(`"${resource}"`));
  try {
    machine = createStateMachine(anonymisedArns(c.definition), {
      type: c.state_machine_type,
      clock: 'simulated',
      random: seeded(1),
      handlers: { ...Object.fromEntries(s3), ...mockHandlers(c.task_invocations ?? [], c.expected_placeholders) },
      name: 'StateMachine',
    });
  } catch (error) {
    if (error instanceof DefinitionError) {
      return `definition refused: ${error.diagnostics.map((d) => `${d.pointer} ${d.message}`).join('; ').slice(0, 300)}`;
    }
    return `createStateMachine threw: ${String(error)}`;
  }
  const result = await machine.execute(c.input);
  const tokens = c.expected_placeholders;
  const e = c.expected;
  if (result.status !== e.status) {
    return `status ${result.status} (expected ${e.status})${result.error ? `: ${result.error}: ${String(result.cause).slice(0, 200)}` : ''}`;
  }
  if (e.status === 'SUCCEEDED' && !matches(e.output, result.output, tokens)) {
    return `output ${JSON.stringify(result.output)?.slice(0, 300)} (expected ${JSON.stringify(e.output)?.slice(0, 300)})`;
  }
  if (e.status === 'FAILED') {
    if ((e.error ?? undefined) !== result.error && !(e.error == null && result.error === undefined)) {
      if (!matches(e.error, result.error, tokens)) return `error ${result.error} (expected ${e.error})`;
    }
    // The recorded cause is sometimes stored parsed (an object) rather than as JSON text.
    const parsedCause = c.cause_is_parsed_json === true || (e.cause != null && typeof e.cause !== 'string');
    const cause = parsedCause && typeof result.cause === 'string' ? parseJson(result.cause) : undefined;
    const actualCause = cause?.ok ? cause.value : result.cause;
    if (!(e.cause == null && (result.cause === undefined || result.cause === '')) && !matches(e.cause, actualCause, tokens)) {
      return `cause ${JSON.stringify(result.cause)?.slice(0, 300)} (expected ${JSON.stringify(e.cause)?.slice(0, 300)})`;
    }
  }
  if (c.expected_event_types) {
    const actual = result.history.map((ev) => ev.type);
    const concurrent = c.features.includes('event_order:concurrent_possible') || c.event_order_normalised === true;
    if (!eventsMatch(c.expected_event_types, actual, concurrent)) {
      return `events ${actual.join(' ')} (expected ${c.expected_event_types.join(' ')})`.slice(0, 900);
    }
  }
  return undefined;
}

export async function runExecCorpus(
  file: string,
  options: { filter?: string; verbose?: boolean } = {},
): Promise<{ passed: number; failed: number; skipped: number; lines: string[] }> {
  // A folder stands for every .jsonl corpus inside it.
  const files = statSync(file).isDirectory()
    ? readdirSync(file).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(file, f))
    : [file];
  const cases = files
    .flatMap((f) => readFileSync(f, 'utf8').split('\n'))
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as ExecCase)
    .filter((c) => options.filter === undefined || c.id.includes(options.filter));
  const lines: string[] = [];
  const failures: string[] = [];
  const byFeature = new Map<string, { passed: number; total: number }>();
  const groups = { overall: { passed: 0, total: 0 }, pureJsonPath: { passed: 0, total: 0 } };
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const c of cases) {
    if (c.needs_services.length > 0 && !c.mockable_from_history) {
      skipped++;
      continue;
    }
    let reason: string | undefined;
    try {
      reason = await withDeadline(judge(c), 10_000);
    } catch (error) {
      reason = `threw: ${error instanceof Error ? error.stack?.split('\n').slice(0, 3).join(' | ') : String(error)}`;
    }
    const ok = reason === undefined;
    if (ok) passed++;
    else {
      failed++;
      failures.push(`FAIL ${c.id}${isPureJsonPath(c) ? ' [pure-jsonpath]' : ''}\n     ${reason}`);
    }
    groups.overall.total++;
    if (ok) groups.overall.passed++;
    if (isPureJsonPath(c)) {
      groups.pureJsonPath.total++;
      if (ok) groups.pureJsonPath.passed++;
    }
    for (const f of c.features) {
      const entry = byFeature.get(f) ?? { passed: 0, total: 0 };
      entry.total++;
      if (ok) entry.passed++;
      byFeature.set(f, entry);
    }
    if (options.verbose) lines.push(`${ok ? 'ok  ' : 'FAIL'} ${c.id}`);
  }
  const pct = (g: { passed: number; total: number }): string =>
    `${g.passed}/${g.total} (${g.total === 0 ? '-' : ((100 * g.passed) / g.total).toFixed(1)}%)`;
  lines.push(`exec corpus: ${file}`);
  lines.push(`  overall (run cases): ${pct(groups.overall)}, skipped ${skipped}`);
  lines.push(`  pure JSONPath (no jsonata/variables, no services): ${pct(groups.pureJsonPath)}`);
  lines.push('  per feature:');
  for (const [f, g] of [...byFeature.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    lines.push(`    ${f.padEnd(44)} ${pct(g)}`);
  }
  lines.push(...failures);
  lines.push(`${passed} passed, ${failed} failed`);
  return { passed, failed, skipped, lines };
}

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T | string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`did not settle within ${ms} ms of wall time`), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv[2] ?? '../shared/conformance/exec';
  const filter = process.argv[3];
  const report = await runExecCorpus(file, filter === undefined ? {} : { filter });
  for (const line of report.lines) console.log(line);
  process.exitCode = report.failed > 0 ? 1 : 0;
}
