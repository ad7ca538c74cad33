/**
 * Indefinite paths (wildcards, slices, unions, recursive descent, filters) evaluated through
 * jsonpath-plus, compiled once into a pipeline of stages, one per indefinite step.
 *
 * Script evaluation stays off: a query without a filter runs with `eval: false`; a filter
 * query runs with `eval: runFilter` (bound), a callback that never evaluates code. parse.ts has
 * already parsed every filter into a FilterExpression, registered below under an opaque id,
 * and the id is all the query text carries; runFilter looks the id up and evaluates the
 * parsed expression with filter.ts.
 *
 * jsonpath-plus follows `Object.hasOwn(node, key)` whatever the node is, where Jayway (AWS)
 * reads names only from objects and indices only from arrays: `.length` of an array or a
 * string, `['0']` of an array or `[0]` of a string find something in jsonpath-plus and nothing
 * in Jayway. So name and single-index steps are walked here, type-checked, and each
 * jsonpath-plus query holds one indefinite step (after `*` jsonpath-plus prefers a property
 * literally named like the next step, e.g. a key `'*'`, which is one more reason not to chain
 * steps inside one query).
 */
import { JSONPath } from 'jsonpath-plus';
import { isJsonObject, MISSING, resolveKeys, testFilter } from './filter.js';
import type { FilterExpression, PathKey, Segment } from './parse.js';

/** Applies one step to one node, appending what it selects to `out`; `root` is the path's `$`. */
type Stage = (node: unknown, root: unknown, out: unknown[]) => void;

/** Compile the steps of an indefinite path; the result maps the path's `$` to its matches. */
export function compileSteps(segments: readonly Segment[]): (base: unknown) => unknown[] {
  const stages: Stage[] = [];
  let keys: PathKey[] = [];
  for (const segment of segments) {
    if (segment.type === 'property' || segment.type === 'index') {
      keys.push(segment.type === 'property' ? segment.name : segment.index);
      continue;
    }
    if (keys.length > 0) stages.push(keyStage(keys));
    keys = [];
    const stage = compileStep(segment);
    // A slice ending at 0 selects nothing anywhere, so neither does the whole path.
    if (stage === undefined) return () => [];
    stages.push(stage);
  }
  if (keys.length > 0) stages.push(keyStage(keys));
  return (base) => {
    let nodes: unknown[] = [base];
    for (const stage of stages) {
      const next: unknown[] = [];
      for (const node of nodes) stage(node, base, next);
      if (next.length === 0) return next;
      nodes = next;
    }
    return nodes;
  };
}

/** A run of names and single indices: walked by a loop, skipped where the type does not fit (Jayway). */
function keyStage(keys: readonly PathKey[]): Stage {
  const copy = keys.slice();
  return (node, _root, out) => {
    const value = resolveKeys(node, copy);
    if (value !== MISSING) out.push(value);
  };
}

function compileStep(segment: Segment): Stage | undefined {
  switch (segment.type) {
    case 'wildcard':
      return queryStage('$[*]', isContainer);
    case 'slice':
      if (segment.end === 0) return undefined;
      // jsonpath-plus reads an end of `0` as "to the end"; Jayway's `[a:0]` is empty (handled above).
      return queryStage(`$[${sliceText(segment.start, segment.end)}]`, Array.isArray);
    case 'indexes':
      // jsonpath-plus has no negative indices (`[-1]` looks for a key "-1"); Jayway counts them from the end.
      if (segment.indexes.some((index) => index < 0)) return indexUnion(segment.indexes);
      return queryStage(`$[${segment.indexes.join(',')}]`, Array.isArray);
    case 'properties':
      // jsonpath-plus splits a union on ',' and reads operators (`*`, `..`, `~`, `@`) inside names;
      // Jayway takes any quoted name, so a name union is read here.
      return nameUnion(segment.names);
    case 'filter':
      return filterStage(segment.expression);
    case 'descendant':
      return descendantStage(segment.step);
    case 'function':
    case 'property':
    case 'index':
      // Names and indices go to keyStage; a function is only ever the last step, which path.ts applies.
      throw new Error(`compileStep: unexpected ${segment.type} step`);
  }
}

function sliceText(start: number | undefined, end: number | undefined): string {
  return `${start ?? ''}:${end ?? ''}`;
}

function isContainer(node: unknown): boolean {
  return typeof node === 'object' && node !== null;
}

/**
 * One jsonpath-plus instance per query, built once; `gate` says which nodes the step applies
 * to (jsonpath-plus also answers for the others, where Jayway selects nothing).
 */
function queryStage(path: string, gate: (node: unknown) => boolean, withFilter = false): Stage {
  const sandbox: FilterSandbox = { root: undefined };
  const engine = JSONPath({
    autostart: false,
    path,
    json: null,
    wrap: true,
    resultType: 'value',
    eval: withFilter ? evalFilter : false,
    // Typed as a Map by jsonpath-plus; at run time it is the plain object handed to `eval`.
    sandbox: sandbox as unknown as Map<string, unknown>,
  });
  // Parsed here, once: jsonpath-plus caches the path array by its text.
  JSONPath.toPathArray(path);
  return (node, root, out) => {
    if (!gate(node)) return;
    sandbox.root = root;
    const matches = engine.evaluate(path, node as object, undefined, undefined) as unknown[];
    for (const match of matches) out.push(match);
  };
}

function nameUnion(names: readonly string[]): Stage {
  return (node, _root, out) => {
    if (!isJsonObject(node)) return;
    for (const name of names) if (Object.hasOwn(node, name)) out.push(node[name]);
  };
}

function indexUnion(indexes: readonly number[]): Stage {
  return (node, _root, out) => {
    if (!Array.isArray(node)) return;
    for (const index of indexes) {
      const value = resolveKeys(node, [index]);
      if (value !== MISSING) out.push(value);
    }
  };
}

/**
 * `[?(...)]` on an array tests its elements (jsonpath-plus). On an object Jayway tests the object
 * itself, where jsonpath-plus would test its property values, so that case is decided here.
 */
function filterStage(expression: FilterExpression): Stage {
  const onArray = queryStage(`$[?(${filterId(expression)})]`, Array.isArray, true);
  return (node, root, out) => {
    if (Array.isArray(node)) onArray(node, root, out);
    else if (isJsonObject(node) && testFilter(expression, node, root)) out.push(node);
  };
}

/**
 * `..step`: jsonpath-plus's `$..` lists the scanned nodes (a node, then its children, depth first,
 * the same nodes in the same order as Jayway's scan) and the step is applied to each with Jayway's
 * rules. Given `..[?(...)]` itself, jsonpath-plus would test the children of every node, skip the
 * root and reorder; Jayway tests each object itself. A name union needs every name present.
 */
function descendantStage(step: Segment): Stage | undefined {
  if (step.type === 'slice' && step.end === 0) return undefined;
  const scan = queryStage('$..', isContainer);
  const apply = scannedStep(step);
  return (node, root, out) => {
    const scanned: unknown[] = [];
    try {
      scan(node, root, scanned);
    } catch (error) {
      // jsonpath-plus recurses once per level; input nested deeper than the call stack is listed here.
      if (!(error instanceof RangeError)) throw error;
      scanned.length = 0;
      scanIteratively(node, scanned);
    }
    for (const each of scanned) apply(each, root, out);
  };
}

function scanIteratively(start: unknown, out: unknown[]): void {
  const pending: unknown[] = [start];
  while (pending.length > 0) {
    const node = pending.pop();
    out.push(node);
    if (!isContainer(node)) continue;
    const children = Array.isArray(node) ? node : Object.values(node as Record<string, unknown>);
    for (let i = children.length - 1; i >= 0; i--) if (isContainer(children[i])) pending.push(children[i]);
  }
}

function scannedStep(step: Segment): Stage {
  switch (step.type) {
    case 'wildcard':
      return (node, _root, out) => {
        if (Array.isArray(node)) for (const item of node) out.push(item);
        else if (isJsonObject(node)) for (const key of Object.keys(node)) out.push(node[key]);
      };
    case 'slice':
      return (node, _root, out) => {
        if (Array.isArray(node)) for (const item of node.slice(step.start ?? 0, step.end ?? node.length)) out.push(item);
      };
    case 'filter':
      return (node, root, out) => {
        if (isJsonObject(node) && testFilter(step.expression, node, root)) out.push(node);
      };
    case 'properties': {
      const union = nameUnion(step.names);
      return (node, root, out) => {
        if (isJsonObject(node) && step.names.every((name) => Object.hasOwn(node, name))) union(node, root, out);
      };
    }
    case 'property':
      return keyStage([step.name]);
    case 'index':
      return keyStage([step.index]);
    case 'indexes':
      return indexUnion(step.indexes);
    default:
      // parse.ts puts only `*`, names, indices, unions, slices and filters after `..`.
      throw new Error(`scannedStep: unexpected ${step.type} step`);
  }
}

// Filters: parsed expressions registered under ids that are the only "code" jsonpath-plus sees.

interface FilterSandbox {
  root: unknown;
}

const FILTER_IDS = new Map<string, string>();
const FILTERS = new Map<string, FilterExpression>();

/** Equal expressions share an id, so the registry grows with distinct filters, not with compilations. */
function filterId(expression: FilterExpression): string {
  const canonical = JSON.stringify(expression);
  let id = FILTER_IDS.get(canonical);
  if (id === undefined) {
    id = `aslkitFilter${FILTER_IDS.size}`;
    FILTER_IDS.set(canonical, id);
    FILTERS.set(id, expression);
  }
  return id;
}

/**
 * jsonpath-plus keys its script cache by `String(eval) + code` for every candidate; the text of a
 * bound function is short, where runFilter's own source would be copied and hashed each time.
 */
const evalFilter = runFilter.bind(undefined);

/**
 * jsonpath-plus's `eval` callback. `code` is a filter id (jsonpath-plus strips the `?(` `)`), and
 * the context holds the candidate (`_$_v`) and our sandbox's root. Anything else is refused.
 */
function runFilter(code: string, context: object): boolean {
  const expression = FILTERS.get(code);
  if (expression === undefined) throw new Error(`Refusing to evaluate a filter aslkit did not compile: ${code}`);
  const { _$_v: candidate, root } = context as FilterSandbox & { _$_v: unknown };
  return testFilter(expression, candidate, root);
}
