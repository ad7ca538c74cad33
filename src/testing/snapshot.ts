/**
 * Stable snapshots of histories and results: ARNs, timestamps, UUIDs and task tokens become
 * numbered placeholders (`<ARN 1>`, `<UUID 2>`, `<TaskToken 1>`, `<Timestamp>`) in the order
 * first met, so one value keeps one placeholder and a snapshot still shows what is shared.
 * Integration Resource ARNs without account (`arn:aws:states:::lambda:invoke`) are API names,
 * the same on every run, and stay as written.
 */

const ARN = /\barn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:\d{12}:[^\s"',]+/g;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const ISO_TIME = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})\b/g;
const TOKEN_KEY = /^(task_?)?token$/i;
const TIME_KEY = /^(time|timestamp|startDate|stopDate|redriveDate)$/;

/** Values already normalized (pretty-format visits them again through the serializer). */
const normalized = new WeakSet<object>();

class Placeholders {
  private readonly seen = new Map<string, string>();
  private readonly counts = new Map<string, number>();
  readonly tokens = new Set<string>();

  name(kind: string, value: string): string {
    const key = `${kind}\u0000${value}`;
    let placeholder = this.seen.get(key);
    if (placeholder === undefined) {
      const n = (this.counts.get(kind) ?? 0) + 1;
      this.counts.set(kind, n);
      placeholder = `<${kind} ${n}>`;
      this.seen.set(key, placeholder);
    }
    return placeholder;
  }

  text(value: string): string {
    if (this.tokens.has(value)) return this.name('TaskToken', value);
    return value
      .replace(ARN, (arn) => this.name('ARN', arn))
      .replace(UUID, (uuid) => this.name('UUID', uuid.toLowerCase()))
      .replace(ISO_TIME, '<Timestamp>');
  }
}

function collectTokens(value: unknown, into: Set<string>, seen = new Set<object>()): void {
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  for (const [key, item] of Object.entries(value)) {
    if (TOKEN_KEY.test(key) && typeof item === 'string') into.add(item);
    else collectTokens(item, into, seen);
  }
}

function walk(value: unknown, names: Placeholders, key: string | undefined, seen: Map<object, unknown>): unknown {
  if (typeof value === 'string') return names.text(value);
  if (value instanceof Date) return '<Timestamp>';
  if (typeof value === 'number' && key !== undefined && TIME_KEY.test(key)) return '<Timestamp>';
  if (value === null || typeof value !== 'object') return value;
  const done = seen.get(value);
  if (done !== undefined) return done;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (const item of value) out.push(walk(item, names, undefined, seen));
    normalized.add(out);
    return out;
  }
  const out: Record<string, unknown> = {};
  seen.set(value, out);
  // A history event keeps its time as epoch milliseconds and gives `timestamp` as a getter.
  const keys = new Set([...Object.keys(value), ...('timestamp' in value ? ['timestamp'] : [])]);
  for (const k of keys) {
    if (k === 'time' && 'timestamp' in value) continue;
    out[k] = walk((value as Record<string, unknown>)[k], names, k, seen);
  }
  normalized.add(out);
  return out;
}

/** A copy of `value` with ARNs, timestamps, UUIDs and task tokens replaced by stable placeholders. */
export function stabilize<T>(value: T): T {
  const names = new Placeholders();
  collectTokens(value, names.tokens);
  return walk(value, names, undefined, new Map()) as T;
}

function needsWork(value: unknown): boolean {
  if (typeof value === 'string') return stabilize(value) !== value;
  if (value instanceof Date) return true;
  return value !== null && typeof value === 'object' && !normalized.has(value);
}

/**
 * A pretty-format plugin for `expect.addSnapshotSerializer(snapshotSerializer)` (vitest and
 * jest), or `snapshotSerializers` in their config: snapshots of histories and results are
 * stable across runs.
 */
export const snapshotSerializer = {
  test(value: unknown): boolean {
    return needsWork(value);
  },
  serialize<Config, Refs>(
    value: unknown, config: Config, indentation: string, depth: number, refs: Refs,
    printer: (value: unknown, config: Config, indentation: string, depth: number, refs: Refs) => string,
  ): string {
    return printer(stabilize(value), config, indentation, depth, refs);
  },
};
