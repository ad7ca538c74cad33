/**
 * A direct evaluator for the simplest JSONata expressions, the ones that dominate state
 * machines: `$states.input.a.b`, `$name.path`, literals, and arithmetic, comparison and
 * boolean operators between them. jsonata's own evaluator is asynchronous and costs several
 * microseconds even for `$states.input`; this one is synchronous and allocation-free.
 *
 * It is exact by construction: it handles only the happy path whose result it can state with
 * certainty (objects navigated by name, numbers, strings, booleans, null) and answers FALLBACK
 * for anything else (arrays, with their sequence semantics; missing values; type errors;
 * non-finite numbers), and the caller then runs jsonata itself, which produces the real result
 * or AWS's error.
 */
import type { JsonataBindings } from './compile.js';
import { parseJsonataOnce } from './analyze.js';
import { isObject } from '../../definition/walk.js';

export const FALLBACK: unique symbol = Symbol('jsonata fallback');
export type FastEvaluator = (b: JsonataBindings) => unknown;

interface AstNode {
  type: string;
  value?: unknown;
  steps?: AstNode[];
  lhs?: AstNode;
  rhs?: AstNode;
  [key: string]: unknown;
}

/** Members of `$states` an expression may navigate directly. */
const STATES_MEMBERS = new Set(['input', 'result', 'errorOutput', 'context']);

/** Keys a plain node carries; any other (stages, predicate, group, keepArray...) changes its meaning. */
function plain(node: AstNode, ...extra: string[]): boolean {
  for (const key of Object.keys(node)) {
    if (key !== 'type' && key !== 'value' && key !== 'position' && !extra.includes(key)) return false;
  }
  return true;
}

/** A JSON scalar or object the caller may use as is; arrays and absent values go to jsonata. */
function settled(value: unknown): unknown {
  if (value === undefined || Array.isArray(value) || typeof value === 'function') return FALLBACK;
  return value;
}

function variable(name: string): FastEvaluator {
  return (b) => {
    const variables = b.variables;
    return name in variables ? settled(variables[name]) : FALLBACK;
  };
}

function path(steps: readonly AstNode[]): FastEvaluator | undefined {
  const [head, ...rest] = steps;
  if (head?.type !== 'variable' || !plain(head) || typeof head.value !== 'string' || head.value === '') return undefined;
  const names: string[] = [];
  for (const step of rest) {
    if (step.type !== 'name' || !plain(step) || typeof step.value !== 'string') return undefined;
    names.push(step.value);
  }
  const root = head.value;
  if (root === 'states' && !STATES_MEMBERS.has(names[0] ?? '')) return undefined;
  return (b) => {
    let current: unknown;
    if (root === 'states') current = b.states;
    else if (root in b.variables) current = b.variables[root];
    else return FALLBACK;
    for (const name of names) {
      if (!isObject(current) || !Object.prototype.hasOwnProperty.call(current, name)) return FALLBACK;
      current = current[name];
    }
    return settled(current);
  };
}

type Binary = (x: unknown, y: unknown) => unknown;

function arithmetic(op: (x: number, y: number) => number): Binary {
  return (x, y) => {
    if (typeof x !== 'number' || typeof y !== 'number') return FALLBACK;
    const r = op(x, y);
    return Number.isFinite(r) ? r : FALLBACK;
  };
}

function ordering(op: (x: number | string, y: number | string) => boolean): Binary {
  return (x, y) =>
    (typeof x === 'number' && typeof y === 'number') || (typeof x === 'string' && typeof y === 'string') ? op(x, y) : FALLBACK;
}

const scalar = (v: unknown): boolean => v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

const BINARY: Record<string, Binary> = {
  '+': arithmetic((x, y) => x + y),
  '-': arithmetic((x, y) => x - y),
  '*': arithmetic((x, y) => x * y),
  '/': arithmetic((x, y) => x / y),
  '%': arithmetic((x, y) => x % y),
  '<': ordering((x, y) => x < y),
  '<=': ordering((x, y) => x <= y),
  '>': ordering((x, y) => x > y),
  '>=': ordering((x, y) => x >= y),
  '=': (x, y) => (scalar(x) && scalar(y) ? x === y : FALLBACK),
  '!=': (x, y) => (scalar(x) && scalar(y) ? x !== y : FALLBACK),
  and: (x, y) => (typeof x === 'boolean' && typeof y === 'boolean' ? x && y : FALLBACK),
  or: (x, y) => (typeof x === 'boolean' && typeof y === 'boolean' ? x || y : FALLBACK),
};

function build(node: AstNode): FastEvaluator | undefined {
  switch (node.type) {
    case 'number':
    case 'string':
    case 'value': {
      if (!plain(node)) return undefined;
      const value = node.value;
      return () => value;
    }
    case 'variable':
      return plain(node) && typeof node.value === 'string' && node.value !== '' && node.value !== 'states'
        ? variable(node.value)
        : undefined;
    case 'path':
      return plain(node, 'steps') && node.steps ? path(node.steps) : undefined;
    case 'binary': {
      const op = typeof node.value === 'string' ? BINARY[node.value] : undefined;
      if (!op || !plain(node, 'lhs', 'rhs') || !node.lhs || !node.rhs) return undefined;
      const lhs = build(node.lhs);
      const rhs = build(node.rhs);
      if (!lhs || !rhs) return undefined;
      return (b) => {
        const x = lhs(b);
        if (x === FALLBACK) return FALLBACK;
        const y = rhs(b);
        return y === FALLBACK ? FALLBACK : op(x, y);
      };
    }
    default:
      return undefined;
  }
}

/** The direct evaluator of a `{% %}` string, or undefined when only jsonata can evaluate it. */
export function fastExpression(text: string): FastEvaluator | undefined {
  const parsed = parseJsonataOnce(text);
  if (!parsed.ok) return undefined;
  return build(parsed.expression.ast() as unknown as AstNode);
}
