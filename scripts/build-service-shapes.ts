/**
 * Writes src/testing/test-state/service-shapes.json: the output shapes of the AWS API actions
 * Step Functions calls, which testState() checks a mocked result against (mock field
 * validation, https://docs.aws.amazon.com/step-functions/latest/dg/test-state-isolation.html).
 *
 * Two sources:
 * - Structure (types, members, required members): the API models of the npm package `aws-sdk`
 *   (AWS SDK for JavaScript v2, Apache-2.0, a devDependency),
 *   node_modules/aws-sdk/apis/<service>-<version>.min.json. They carry no enum, length or range
 *   traits.
 * - Constraints (`enum`, `min`/`max`: a length for strings, blobs, lists and maps, a range for
 *   numbers): botocore's models, <data>/<service>/<api-version>/service-2.json (or .json.gz), as
 *   Debian's package python3-botocore installs them (Debian 12: botocore 1.29.27, Apache-2.0).
 *   botocore is older than aws-sdk, so a constraint is attached only where the member path from
 *   the action's output exists in botocore's model of the same service and API version with the
 *   same type; members added since stay unconstrained.
 * - Enum values added since botocore 1.29.27: an enum is the union of botocore's values and the
 *   string literals aws-sdk's type file declares for the type of the same name,
 *   node_modules/aws-sdk/clients/<client>.d.ts (`export type StorageClass = "STANDARD"|…|string;`),
 *   because refusing a value AWS returns is worse than missing a stale one. An enum whose type is
 *   not a literal union there keeps botocore's values, and the script counts them in a warning.
 *
 * Prerequisites: `npm ci` and, on Debian/Ubuntu, `apt-get install -y python3-botocore`.
 * Usage: `npm run update:service-shapes [-- --botocore-data <dir>]`, the directory defaulting to
 * Debian's /usr/lib/python3/dist-packages/botocore/data; run it after updating either source and
 * commit the file (CI and users never need botocore).
 * Only output shapes reachable from an action are kept, identical shapes shared, and only the
 * services in SERVICES (the optimized integrations and the services most called through
 * `aws-sdk:`; see the README section "Test one state").
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { SERVICES } from '../src/testing/test-state/services.js';
import type { ServiceShapes, Shape, ShapesFile } from '../src/testing/test-state/services.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'src/testing/test-state/service-shapes.json');
const DEBIAN_BOTOCORE_DATA = '/usr/lib/python3/dist-packages/botocore/data';

/** A shape of the SDK v2 model format: a reference (`shape`) or an inline shape; no `type` is a string. */
interface ModelShape {
  shape?: string;
  type?: string;
  members?: Record<string, ModelShape>;
  required?: string[];
  member?: ModelShape;
  value?: ModelShape;
  union?: boolean;
  document?: boolean;
}

interface Model {
  /** The client of aws-sdk whose clients/<client>.d.ts declares the model's types. */
  client: string;
  metadata: { serviceId: string; apiVersion: string };
  operations: Record<string, { output?: ModelShape }>;
  shapes: Record<string, ModelShape>;
}

/** A shape of botocore's model format: members refer to named shapes, which carry the traits. */
interface BotocoreShape {
  type: string;
  members?: Record<string, { shape: string }>;
  member?: { shape: string };
  value?: { shape: string };
  enum?: string[];
  min?: number;
  max?: number;
}

interface BotocoreModel {
  metadata: { serviceId: string; apiVersion: string };
  operations: Record<string, { output?: { shape: string } }>;
  shapes: Record<string, BotocoreShape>;
}

const NUMBERS = new Set(['integer', 'long', 'float', 'double']);

/** `kms` for serviceId `KMS`, `cloudwatchlogs` for `CloudWatch Logs`: the name in `aws-sdk:<service>:` resources. */
function sdkKey(serviceId: string): string {
  return serviceId.replace(/[\s-]/g, '').toLowerCase();
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function upperFirst(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The botocore shape at the same path, when it has the same kind; its traits then apply. */
function sameKind(v2Type: string, shape: BotocoreShape | undefined): BotocoreShape | undefined {
  if (shape === undefined) return undefined;
  const same = shape.type === v2Type || (NUMBERS.has(shape.type) && NUMBERS.has(v2Type));
  return same ? shape : undefined;
}

function bounds(shape: BotocoreShape | undefined): (number | null)[] {
  return [shape?.min ?? null, shape?.max ?? null];
}

function trim(shape: (string | number | null | readonly string[])[]): Shape {
  while (shape.length > 1 && shape[shape.length - 1] === null) shape.pop();
  return shape as unknown as Shape;
}

/** `export type <name> = "a"|"b"|string;` of a clients/<client>.d.ts: type name -> its string literals. */
function literalUnions(dts: string): Map<string, string[]> {
  const unions = new Map<string, string[]>();
  for (const [, name, literals] of dts.matchAll(/^\s*export type (\w+) = ((?:"(?:[^"\\]|\\.)*"\|)+)string;$/gm)) {
    unions.set(name!, [...literals!.matchAll(/"(?:[^"\\]|\\.)*"/g)].map(([literal]) => JSON.parse(literal) as string));
  }
  return unions;
}

function compileService(model: Model, botocore: BotocoreModel | undefined, unions: ReadonlyMap<string, string[]>, staleEnums: Set<string>): ServiceShapes {
  const shapes: Shape[] = [];
  const byJson = new Map<string, number>();
  // Keyed by the aws-sdk shape name and the botocore shape name found at the same path.
  const byName = new Map<string, number>();

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

  const visit = (shape: ModelShape, botoName: string | undefined): number => {
    if (shape.shape === undefined) return visitInline(shape, undefined, botoName);
    const key = `${shape.shape}|${botoName ?? ''}`;
    const known = byName.get(key);
    if (known !== undefined) return known;
    const named = model.shapes[shape.shape];
    return named === undefined ? add(['d']) : visitInline(named, key, botoName);
  };

  const visitInline = (shape: ModelShape, key: string | undefined, botoName: string | undefined): number => {
    const type = shape.type ?? 'string';
    const boto = sameKind(type, botoName === undefined ? undefined : botocore?.shapes[botoName]);
    if (type === 'structure' && shape.document !== true) {
      // Reserve the slot first: structures may be recursive.
      const index = shapes.length;
      shapes.push(['o', {}]);
      if (key !== undefined) byName.set(key, index);
      const botoMembers = new Map(Object.entries(boto?.members ?? {}).map(([m, t]) => [upperFirst(m), t.shape]));
      const members: Record<string, number> = {};
      for (const [member, target] of Object.entries(shape.members ?? {})) {
        members[upperFirst(member)] = visit(target, botoMembers.get(upperFirst(member)));
      }
      const required = shape.union === true ? [] : (shape.required ?? []).map(upperFirst);
      shapes[index] = required.length > 0 ? ['o', members, required] : ['o', members];
      return index;
    }
    if (type === 'list' || type === 'map') {
      const tag = type === 'list' ? 'a' : 'm';
      const index = shapes.length;
      shapes.push([tag, 0]);
      if (key !== undefined) byName.set(key, index);
      const item = type === 'list' ? shape.member : shape.value;
      const botoItem = type === 'list' ? boto?.member?.shape : boto?.value?.shape;
      shapes[index] = trim([tag, item === undefined ? add(['d']) : visit(item, botoItem), ...bounds(boto)]);
      return index;
    }
    let compact: Shape;
    if (type === 'string') compact = trim(['s', ...bounds(boto), boto?.enum === undefined ? null : enumValues(botoName!, boto.enum)]);
    else if (NUMBERS.has(type)) compact = trim(['n', ...bounds(boto)]);
    else if (type === 'boolean') compact = ['b'];
    else if (type === 'timestamp') compact = ['t'];
    else if (type === 'blob') compact = trim(['l', ...bounds(boto)]);
    else compact = ['d'];
    const index = add(compact);
    if (key !== undefined) byName.set(key, index);
    return index;
  };

  const enumValues = (name: string, values: readonly string[]): string[] => {
    const declared = unions.get(name);
    if (declared === undefined) staleEnums.add(`${model.client}.${name}`);
    return [...new Set([...values, ...(declared ?? [])])];
  };

  const actions: Record<string, number> = {};
  for (const [name, operation] of Object.entries(model.operations)) {
    if (operation.output !== undefined) actions[lowerFirst(name)] = visit(operation.output, botocore?.operations[name]?.output?.shape);
  }
  return { actions, shapes };
}

/** The newest API version of each wanted service, by its `aws-sdk:` name. */
function latestModels(apis: string, wanted: ReadonlySet<string>): Map<string, Model> {
  // metadata.json: client -> { prefix?: the model files' name when it differs }.
  const metadata = JSON.parse(readFileSync(join(apis, 'metadata.json'), 'utf8')) as Record<string, { prefix?: string }>;
  const clients = new Map(Object.entries(metadata).map(([client, { prefix }]) => [prefix ?? client, client]));
  const models = new Map<string, Model>();
  for (const file of readdirSync(apis).filter((f) => f.endsWith('.min.json'))) {
    const client = clients.get(file.replace(/-\d{4}-\d{2}-\d{2}\.min\.json$/, ''));
    if (client === undefined) continue;
    const model = { ...(JSON.parse(readFileSync(join(apis, file), 'utf8')) as Omit<Model, 'client'>), client };
    const key = sdkKey(model.metadata.serviceId);
    if (!wanted.has(key)) continue;
    const known = models.get(key);
    if (known === undefined || known.metadata.apiVersion < model.metadata.apiVersion) models.set(key, model);
  }
  return models;
}

/** botocore's model of each wanted service at the API version aws-sdk has, by `aws-sdk:` name. */
function botocoreModels(data: string, versions: ReadonlyMap<string, string>): Map<string, BotocoreModel> {
  const models = new Map<string, BotocoreModel>();
  for (const service of readdirSync(data, { withFileTypes: true })) {
    if (!service.isDirectory()) continue;
    for (const version of readdirSync(join(data, service.name))) {
      const file = join(data, service.name, version, 'service-2.json');
      const text = existsSync(file) ? readFileSync(file, 'utf8')
        : existsSync(`${file}.gz`) ? gunzipSync(readFileSync(`${file}.gz`)).toString('utf8') : undefined;
      if (text === undefined) continue;
      const model = JSON.parse(text) as BotocoreModel;
      const key = sdkKey(model.metadata.serviceId);
      if (versions.get(key) === model.metadata.apiVersion) models.set(key, model);
    }
  }
  return models;
}

function botocoreVersion(data: string): string {
  const init = join(data, '..', '__init__.py');
  const version = existsSync(init) ? /__version__ = '([^']+)'/.exec(readFileSync(init, 'utf8'))?.[1] : undefined;
  return version ?? 'unknown';
}

/** `Debian python3-botocore 1.29.27+repack-1` when dpkg owns the directory. */
function debianPackage(data: string): string | undefined {
  try {
    execFileSync('dpkg-query', ['-S', data], { stdio: 'ignore' });
    return `Debian python3-botocore ${execFileSync('dpkg-query', ['-W', '-f', '${Version}', 'python3-botocore'], { encoding: 'utf8' })}`;
  } catch {
    return undefined;
  }
}

function main(): void {
  const { values } = parseArgs({ options: { 'botocore-data': { type: 'string', default: DEBIAN_BOTOCORE_DATA } } });
  const data = resolve(values['botocore-data']);
  if (!existsSync(data)) {
    console.error(`botocore's models not found at ${data}: install them (Debian/Ubuntu: apt-get install -y python3-botocore) or pass --botocore-data <dir of <service>/<api-version>/service-2.json>`);
    process.exitCode = 1;
    return;
  }
  const require = createRequire(import.meta.url);
  const sdk = dirname(require.resolve('aws-sdk/package.json'));
  const version = (JSON.parse(readFileSync(join(sdk, 'package.json'), 'utf8')) as { version: string }).version;
  const models = latestModels(join(sdk, 'apis'), new Set(SERVICES));
  const missing = SERVICES.filter((s) => !models.has(s));
  if (missing.length > 0) {
    console.error(`not found in aws-sdk ${version}: ${missing.join(', ')}`);
    process.exitCode = 1;
    return;
  }
  const botocore = botocoreModels(data, new Map([...models].map(([key, m]) => [key, m.metadata.apiVersion])));
  const unconstrained = SERVICES.filter((s) => !botocore.has(s));
  if (unconstrained.length > 0) console.warn(`no botocore model at aws-sdk's API version, so no constraints: ${unconstrained.join(', ')}`);
  const services: Record<string, ServiceShapes> = {};
  // Enums whose type is not a literal union in aws-sdk's type file, so botocore's values only.
  const staleEnums = new Set<string>();
  for (const key of [...models.keys()].sort()) {
    const model = models.get(key)!;
    const unions = literalUnions(readFileSync(join(sdk, 'clients', `${model.client}.d.ts`), 'utf8'));
    services[key] = compileService(model, botocore.get(key), unions, staleEnums);
  }
  if (staleEnums.size > 0) console.warn(`${staleEnums.size} enums not a string-literal union in aws-sdk's clients/*.d.ts, botocore's values kept: ${[...staleEnums].sort().join(', ')}`);
  const constraints = `botocore ${botocoreVersion(data)}${debianPackage(data) === undefined ? '' : ` (${debianPackage(data)})`}`;
  const out: ShapesFile = {
    source: `npm aws-sdk@${version} apis/*.min.json; enum, length and range from ${constraints} data/*/*/service-2.json; enum values also from aws-sdk clients/*.d.ts`,
    services,
  };
  writeFileSync(OUT, `${JSON.stringify(out)}\n`);
  console.log(`wrote ${OUT}: ${Object.keys(services).length} services, ${JSON.stringify(out).length} bytes`);
}

main();
