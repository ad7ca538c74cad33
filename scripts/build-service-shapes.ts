/**
 * Writes src/testing/test-state/service-shapes.json: the output shapes of the AWS API actions
 * Step Functions calls, which testState() checks a mocked result against (mock field
 * validation, https://docs.aws.amazon.com/step-functions/latest/dg/test-state-isolation.html).
 *
 * Source: AWS's published Smithy models, https://github.com/aws/api-models-aws (one JSON file
 * per service under <service>/service/<version>/). The npm `aws-sdk` v2 package ships only
 * minified models without the length, range and enum traits AWS validates, so it is not enough.
 *
 * Usage: `npm run update:service-shapes -- <checkout of aws/api-models-aws> [commit]` (the commit
 * is read from the checkout's git metadata when not given).
 * Only output shapes reachable from an action are kept, documentation dropped, identical shapes
 * shared, and only the services in SERVICES (the optimized integrations and the services most
 * called through `aws-sdk:`; see the README section "Test one state").
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVICES } from '../src/testing/test-state/services.js';
import type { ServiceShapes, Shape, ShapesFile } from '../src/testing/test-state/services.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'src/testing/test-state/service-shapes.json');

interface SmithyShape {
  type: string;
  target?: string;
  member?: { target: string; traits?: Record<string, unknown> };
  value?: { target: string; traits?: Record<string, unknown> };
  members?: Record<string, { target: string; traits?: Record<string, unknown> }>;
  output?: { target: string };
  operations?: { target: string }[];
  resources?: { target: string }[];
  traits?: Record<string, unknown>;
}

const NUMBERS = new Set(['byte', 'short', 'integer', 'long', 'float', 'double', 'bigInteger', 'bigDecimal', 'intEnum']);

/** `kms` for sdkId `KMS`, `cloudwatchlogs` for `CloudWatch Logs`: the name in `aws-sdk:<service>:` resources. */
export function sdkKey(sdkId: string): string {
  return sdkId.replace(/[\s-]/g, '').toLowerCase();
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function upperFirst(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function compileService(model: Record<string, SmithyShape>): { key: string; shapes: ServiceShapes } | undefined {
  const serviceEntry = Object.entries(model).find(([, s]) => s.type === 'service');
  if (!serviceEntry) return undefined;
  const sdkId = (serviceEntry[1].traits?.['aws.api#service'] as { sdkId?: string } | undefined)?.sdkId;
  if (!sdkId) return undefined;
  const key = sdkKey(sdkId);
  const shapes: Shape[] = [];
  const byJson = new Map<string, number>();
  const byId = new Map<string, number>();

  const add = (shape: Shape): number => {
    const json = JSON.stringify(shape);
    let index = byJson.get(json);
    if (index === undefined) {
      index = shapes.length;
      shapes.push(shape);
      byJson.set(json, index);
    }
    return index;
  };

  const length = (traits: Record<string, unknown> | undefined): [number | null, number | null] => {
    const l = traits?.['smithy.api#length'] as { min?: number; max?: number } | undefined;
    return [l?.min ?? null, l?.max ?? null];
  };
  const range = (traits: Record<string, unknown> | undefined): [number | null, number | null] => {
    const r = traits?.['smithy.api#range'] as { min?: number; max?: number } | undefined;
    return [r?.min ?? null, r?.max ?? null];
  };
  const trim = (shape: (string | number | null | string[] | Record<string, number> | number[])[]): Shape => {
    while (shape.length > 1 && shape[shape.length - 1] === null) shape.pop();
    return shape as unknown as Shape;
  };

  // A member's own traits (length, range) narrow its target's.
  const visit = (id: string, memberTraits?: Record<string, unknown>): number => {
    const narrowing = memberTraits?.['smithy.api#length'] !== undefined || memberTraits?.['smithy.api#range'] !== undefined
      ? memberTraits
      : undefined;
    if (!narrowing) {
      const known = byId.get(id);
      if (known !== undefined) return known;
    }
    if (id.startsWith('smithy.api#')) {
      const prelude = id.slice('smithy.api#'.length).replace(/^Primitive/, '').toLowerCase();
      return visitType({ type: prelude }, id, narrowing);
    }
    const shape = model[id];
    if (!shape) return add(['d']);
    return visitType(shape, id, narrowing);
  };

  const visitType = (shape: SmithyShape, id: string, memberTraits?: Record<string, unknown>): number => {
    const traits = { ...shape.traits, ...memberTraits };
    const type = shape.type.toLowerCase();
    let index: number;
    if (type === 'structure' || type === 'union') {
      // Reserve the slot first: structures may be recursive.
      index = shapes.length;
      shapes.push(['o', {}]);
      if (!memberTraits) byId.set(id, index);
      const members: Record<string, number> = {};
      const required: string[] = [];
      for (const [name, member] of Object.entries(shape.members ?? {})) {
        members[upperFirst(name)] = visit(member.target, member.traits);
        if (type === 'structure' && member.traits?.['smithy.api#required'] !== undefined) required.push(upperFirst(name));
      }
      shapes[index] = required.length > 0 ? ['o', members, required] : ['o', members];
      return index;
    }
    if (type === 'list' || type === 'set') {
      index = shapes.length;
      shapes.push(['a', 0]);
      if (!memberTraits) byId.set(id, index);
      const item = shape.member ? visit(shape.member.target, shape.member.traits) : add(['d']);
      shapes[index] = trim(['a', item, ...length(traits)]);
      return index;
    }
    if (type === 'map') {
      index = shapes.length;
      shapes.push(['m', 0]);
      if (!memberTraits) byId.set(id, index);
      shapes[index] = ['m', shape.value ? visit(shape.value.target, shape.value.traits) : add(['d'])];
      return index;
    }
    let compact: Shape;
    if (type === 'string' || type === 'enum') {
      const values = type === 'enum'
        ? Object.entries(shape.members ?? {}).map(([name, m]) => (m.traits?.['smithy.api#enumValue'] as string | undefined) ?? name)
        : (traits['smithy.api#enum'] as { value: string }[] | undefined)?.map((e) => e.value);
      compact = trim(['s', ...length(traits), values ?? null]);
    } else if (NUMBERS.has(shape.type)) compact = trim(['n', ...range(traits)]);
    else if (type === 'boolean') compact = ['b'];
    else if (type === 'timestamp') compact = ['t'];
    else if (type === 'blob') compact = trim(['l', ...length(traits)]);
    else compact = ['d'];
    index = add(compact);
    if (!memberTraits) byId.set(id, index);
    return index;
  };

  const actions: Record<string, number> = {};
  for (const [id, shape] of Object.entries(model)) {
    if (shape.type !== 'operation' || !shape.output) continue;
    const name = id.slice(id.indexOf('#') + 1);
    actions[lowerFirst(name)] = visit(shape.output.target);
  }
  return { key, shapes: { actions, shapes } };
}

function modelFiles(checkout: string): string[] {
  const files: string[] = [];
  for (const service of readdirSync(checkout, { withFileTypes: true })) {
    if (!service.isDirectory() || service.name.startsWith('.')) continue;
    const versions = join(checkout, service.name, 'service');
    let entries: string[];
    try {
      entries = readdirSync(versions).sort();
    } catch {
      continue;
    }
    const latest = entries.at(-1);
    if (latest === undefined) continue;
    for (const file of readdirSync(join(versions, latest))) {
      if (file.endsWith('.json')) files.push(join(versions, latest, file));
    }
  }
  return files;
}

function main(checkout: string | undefined, givenCommit: string | undefined): void {
  if (checkout === undefined) {
    console.error('usage: npm run update:service-shapes -- <checkout of https://github.com/aws/api-models-aws>');
    process.exitCode = 2;
    return;
  }
  const wanted = new Set(SERVICES);
  const services: Record<string, ServiceShapes> = {};
  for (const file of modelFiles(checkout)) {
    const model = (JSON.parse(readFileSync(file, 'utf8')) as { shapes: Record<string, SmithyShape> }).shapes;
    const compiled = compileService(model);
    if (compiled && wanted.has(compiled.key)) services[compiled.key] = compiled.shapes;
  }
  const missing = SERVICES.filter((s) => !(s in services));
  if (missing.length > 0) console.error(`not found in the models: ${missing.join(', ')}`);
  let commit = givenCommit ?? 'unknown';
  if (givenCommit === undefined) {
    try {
      commit = execFileSync('git', ['-C', checkout, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
    } catch {
      // A checkout without git metadata (an unpacked archive) still builds.
    }
  }
  const sorted: Record<string, ServiceShapes> = {};
  for (const key of Object.keys(services).sort()) sorted[key] = services[key]!;
  const out: ShapesFile = { source: `https://github.com/aws/api-models-aws commit ${commit}`, services: sorted };
  writeFileSync(OUT, `${JSON.stringify(out)}\n`);
  console.log(`wrote ${OUT}: ${Object.keys(sorted).length} services, ${JSON.stringify(out).length} bytes`);
}

main(process.argv[2], process.argv[3]);
