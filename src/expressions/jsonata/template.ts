/**
 * JSONata templates: `Arguments`, `Output`, `Assign`, `Items`, `ItemSelector`... where every
 * `{% %}` string at any depth is an expression and everything else, keys included, is literal
 * (https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html). Compiled once; evaluation walks the compiled tree in document order.
 */
import type { CompileResult, ExpressionIssue } from '../types.js';
import { isJsonataString } from './analyze.js';
import { type CompiledJsonata, compileJsonata, type JsonataBindings } from './compile.js';

/** A compile issue inside a template, with where it sits. */
export interface TemplateIssue extends ExpressionIssue {
  /** AWS's location form: `Output/values[0]`. */
  location: string;
  /** Keys and indexes from the template root, for building a JSON pointer. */
  path: (string | number)[];
}

export interface CompiledJsonataTemplate {
  /** No expression anywhere: evaluate returns a copy of the literal. */
  readonly isConstant: boolean;
  /**
   * When the whole value is one `{% %}` string: its trimmed text, for `expectType` on fields that
   * need one JSON type (`Items`, `Seconds`, `Condition`...). Undefined for literals and structures.
   */
  readonly expression: string | undefined;
  evaluate(bindings: JsonataBindings): Promise<unknown>;
}

type Node =
  | { kind: 'literal'; value: unknown }
  | { kind: 'expression'; compiled: CompiledJsonata; location: string }
  | { kind: 'array'; items: Node[] }
  | { kind: 'object'; entries: [string, Node][] };

/** Sets an own property even for the key `__proto__`, which plain assignment would treat as the prototype. */
function setKey(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

/** A fresh copy, so a caller may not reach the definition's own objects through a result. */
function copyJson(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copyJson);
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) setKey(copy, key, copyJson(item));
  return copy;
}

async function run(node: Node, bindings: JsonataBindings): Promise<unknown> {
  switch (node.kind) {
    case 'literal':
      return copyJson(node.value);
    case 'expression':
      return node.compiled.evaluate(bindings, node.location);
    case 'array': {
      const items: unknown[] = [];
      for (const item of node.items) items.push(await run(item, bindings));
      return items;
    }
    case 'object': {
      const object: Record<string, unknown> = {};
      for (const [key, item] of node.entries) setKey(object, key, await run(item, bindings));
      return object;
    }
  }
}

class Template implements CompiledJsonataTemplate {
  readonly isConstant: boolean;
  readonly expression: string | undefined;
  constructor(private readonly root: Node) {
    this.isConstant = root.kind === 'literal';
    this.expression = root.kind === 'expression' ? root.compiled.text : undefined;
  }
  evaluate(bindings: JsonataBindings): Promise<unknown> {
    return run(this.root, bindings);
  }
}

/**
 * Compiles a template rooted at `field` ('Output', 'Arguments', 'Assign', 'Items', ...). Locations
 * in causes follow AWS: `/` before each key, `[i]` for each index (`Output/values[0]`).
 */
export function compileJsonataTemplate(value: unknown, field: string): CompileResult<CompiledJsonataTemplate> {
  const issues: TemplateIssue[] = [];
  const build = (item: unknown, location: string, path: (string | number)[]): Node => {
    if (isJsonataString(item)) {
      const compiled = compileJsonata(item);
      if (compiled.ok) return { kind: 'expression', compiled: compiled.value, location };
      for (const issue of compiled.issues) issues.push({ ...issue, location, path });
      return { kind: 'literal', value: item };
    }
    if (Array.isArray(item)) {
      const items = item.map((element, i) => build(element, `${location}[${i}]`, [...path, i]));
      return items.every((n) => n.kind === 'literal') ? { kind: 'literal', value: item } : { kind: 'array', items };
    }
    if (typeof item === 'object' && item !== null) {
      const entries = Object.entries(item).map(([key, element]): [string, Node] => [key, build(element, `${location}/${key}`, [...path, key])]);
      return entries.every(([, n]) => n.kind === 'literal') ? { kind: 'literal', value: item } : { kind: 'object', entries };
    }
    return { kind: 'literal', value: item };
  };
  const root = build(value, field, []);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: new Template(root) };
}
