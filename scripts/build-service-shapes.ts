/**
 * Writes src/testing/test-state/service-shapes.json: the output shapes of the AWS API actions
 * Step Functions calls, which testState() checks a mocked result against (mock field
 * validation, https://docs.aws.amazon.com/step-functions/latest/dg/test-state-isolation.html).
 *
 * Source: the API models of the npm package `aws-sdk` (AWS SDK for JavaScript v2, Apache-2.0, a
 * devDependency), node_modules/aws-sdk/apis/<service>-<version>.min.json. They give each shape's
 * type, member names and required members, but not the enum, length and range traits of AWS's
 * Smithy models, so those are not checked.
 *
 * Usage: `npm run update:service-shapes` after updating the devDependency.
 * Only output shapes reachable from an action are kept, identical shapes shared, and only the
 * services in SERVICES (the optimized integrations and the services most called through
 * `aws-sdk:`; see the README section "Test one state").
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVICES } from '../src/testing/test-state/services.js';
import type { ServiceShapes, Shape, ShapesFile } from '../src/testing/test-state/services.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'src/testing/test-state/service-shapes.json');

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
  metadata: { serviceId: string; apiVersion: string };
  operations: Record<string, { output?: ModelShape }>;
  shapes: Record<string, ModelShape>;
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

function compileService(model: Model): ServiceShapes {
  const shapes: Shape[] = [];
  const byJson = new Map<string, number>();
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

  const visit = (shape: ModelShape): number => {
    if (shape.shape === undefined) return visitInline(shape, undefined);
    const known = byName.get(shape.shape);
    if (known !== undefined) return known;
    const named = model.shapes[shape.shape];
    return named === undefined ? add(['d']) : visitInline(named, shape.shape);
  };

  const visitInline = (shape: ModelShape, name: string | undefined): number => {
    const type = shape.type ?? 'string';
    if (type === 'structure' && shape.document !== true) {
      // Reserve the slot first: structures may be recursive.
      const index = shapes.length;
      shapes.push(['o', {}]);
      if (name !== undefined) byName.set(name, index);
      const members: Record<string, number> = {};
      for (const [member, target] of Object.entries(shape.members ?? {})) members[upperFirst(member)] = visit(target);
      const required = shape.union === true ? [] : (shape.required ?? []).map(upperFirst);
      shapes[index] = required.length > 0 ? ['o', members, required] : ['o', members];
      return index;
    }
    if (type === 'list' || type === 'map') {
      const index = shapes.length;
      shapes.push([type === 'list' ? 'a' : 'm', 0]);
      if (name !== undefined) byName.set(name, index);
      const item = type === 'list' ? shape.member : shape.value;
      shapes[index] = [type === 'list' ? 'a' : 'm', item === undefined ? add(['d']) : visit(item)];
      return index;
    }
    let compact: Shape;
    if (type === 'string') compact = ['s'];
    else if (NUMBERS.has(type)) compact = ['n'];
    else if (type === 'boolean') compact = ['b'];
    else if (type === 'timestamp') compact = ['t'];
    else if (type === 'blob') compact = ['l'];
    else compact = ['d'];
    const index = add(compact);
    if (name !== undefined) byName.set(name, index);
    return index;
  };

  const actions: Record<string, number> = {};
  for (const [name, operation] of Object.entries(model.operations)) {
    if (operation.output !== undefined) actions[lowerFirst(name)] = visit(operation.output);
  }
  return { actions, shapes };
}

/** The newest API version of each wanted service, by its `aws-sdk:` name. */
function latestModels(apis: string, wanted: ReadonlySet<string>): Map<string, Model> {
  const models = new Map<string, Model>();
  for (const file of readdirSync(apis).filter((f) => f.endsWith('.min.json'))) {
    const model = JSON.parse(readFileSync(join(apis, file), 'utf8')) as Model;
    const key = sdkKey(model.metadata.serviceId);
    if (!wanted.has(key)) continue;
    const known = models.get(key);
    if (known === undefined || known.metadata.apiVersion < model.metadata.apiVersion) models.set(key, model);
  }
  return models;
}

function main(): void {
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
  const services: Record<string, ServiceShapes> = {};
  for (const key of [...models.keys()].sort()) services[key] = compileService(models.get(key)!);
  const out: ShapesFile = { source: `npm aws-sdk@${version} apis/*.min.json`, services };
  writeFileSync(OUT, `${JSON.stringify(out)}\n`);
  console.log(`wrote ${OUT}: ${Object.keys(services).length} services, ${JSON.stringify(out).length} bytes`);
}

main();
