/**
 * Static reading of a JSONata expression for the linter and for compile: jsonata's own parser
 * gives the AST (`jsonata(expr).ast()`); this walks it for the checks AWS makes at create time
 * (https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html, https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html) and for the names the expression reads.
 */
import jsonata from 'jsonata';
import { BoundedRegExp } from './regex.js';
import type { ExpressionIssue } from '../types.js';
import { KNOWN_FUNCTIONS, UNAVAILABLE_FUNCTIONS } from './functions.js';

export const INVALID_JSONATA_EXPRESSION = 'INVALID_JSONATA_EXPRESSION';
export const UNSUPPORTED_JSONATA_EXPRESSION = 'UNSUPPORTED_JSONATA_EXPRESSION';

/** The whole string is `{%` … `%}`; anything before or after makes it a literal (https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html). */
export function isJsonataString(value: unknown): value is string {
  return typeof value === 'string' && isDelimited(value);
}

function isDelimited(text: string): boolean {
  return text.length >= 4 && text.startsWith('{%') && text.endsWith('%}');
}

/**
 * A string that opens `{%` without closing `%}` or closes without opening: a literal at runtime,
 * but almost certainly a mistake (the docs call it a validation error).
 */
export function isMalformedJsonataString(value: unknown): value is string {
  if (typeof value !== 'string' || isDelimited(value)) return false;
  return value.startsWith('{%') || value.endsWith('%}');
}

/** The expression between the delimiters and where it starts in the original string. */
export function expressionBody(text: string): { body: string; base: number } {
  return isJsonataString(text) ? { body: text.slice(2, -2), base: 2 } : { body: text, base: 0 };
}

/** A jsonata parse error (or the RangeError of a parser recursing too deep). */
interface ParseFailure {
  code?: string;
  position?: number;
  token?: unknown;
  message?: string;
}

/** jsonata reports the position just after the offending token; the issue points at its start. */
function parseIssue(error: unknown, base: number): ExpressionIssue {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as ParseFailure;
  const message = typeof failure.message === 'string' && failure.message !== '' ? failure.message : String(error);
  const issue: ExpressionIssue = { message, code: INVALID_JSONATA_EXPRESSION };
  if (typeof failure.position === 'number') {
    const token = failure.token;
    const width = typeof token === 'string' && token !== '(end)' ? token.length : 0;
    issue.offset = base + Math.max(0, failure.position - width);
  }
  return issue;
}

/** A node of jsonata's processed AST (its bundled typings predate several node types). */
export interface JsonataNode {
  type: string;
  value?: unknown;
  position?: number;
  [key: string]: unknown;
}

export type ParseResult = { ok: true; expression: jsonata.Expression; walk: Walk } | { ok: false; issue: ExpressionIssue };

/**
 * Parses the body of a `{% %}` string (or a bare expression) and walks its AST; offsets are into
 * `text`. An expression nested deeper than the JavaScript stack allows fails like a parse error,
 * as jsonata's own parser reports it ("Maximum call stack size exceeded").
 */
export function parseJsonata(text: string): ParseResult {
  const { body, base } = expressionBody(text);
  let expression: jsonata.Expression;
  try {
    expression = jsonata(body, { RegexEngine: BoundedRegExp as unknown as RegExp });
  } catch (error) {
    return { ok: false, issue: parseIssue(error, base) };
  }
  const walker = new Walker(base);
  try {
    walker.run(expression.ast() as unknown as JsonataNode);
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, issue: parseIssue(error, base) };
    throw error;
  }
  return { ok: true, expression, walk: walker };
}

/** What the walk over an expression found. */
export interface Walk {
  readonly issues: readonly ExpressionIssue[];
  readonly variableRefs: readonly NameReference[];
  readonly statesMemberRefs: readonly NameReference[];
  readonly functions: readonly FunctionCall[];
}

export interface NameReference {
  name: string;
  offset: number;
}

export interface FunctionCall {
  name: string;
  /** Arguments as written, plus one for the left side of `~>`. */
  argCount: number;
  offset: number;
  /** The call is a path step (`name.$uppercase()`), so the context item may fill a first `-` parameter. */
  inPath: boolean;
}

export interface JsonataAnalysis {
  issues: ExpressionIssue[];
  /**
   * Workflow variables read: every free `$name` not called as a function, excluding `$states`,
   * lambda parameters and names bound with `:=`. A name that is also a function (`$string` passed
   * to `$map`) is listed; check it against KNOWN_FUNCTIONS when that matters.
   */
  variables: string[];
  /** Members of `$states` read (`input`, `context`, `result`, `errorOutput`, or anything else written). */
  statesMembers: string[];
  functions: FunctionCall[];
  variableRefs: NameReference[];
  statesMemberRefs: NameReference[];
}

interface Scope {
  readonly names: Set<string>;
  readonly parent: Scope | undefined;
}

function isBound(scope: Scope | undefined, name: string): boolean {
  for (let s = scope; s; s = s.parent) if (s.names.has(name)) return true;
  return false;
}

function child(parent: Scope | undefined): Scope {
  return { names: new Set(), parent };
}

type Node = JsonataNode;

function nodeOf(value: unknown): Node | undefined {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string' ? (value as Node) : undefined;
}

/**
 * Walks a parsed expression. `focused` is false while the context item is the (unbound) root,
 * where a bare name, `$` or `$$` is what AWS rejects; predicates, later path steps, lambda bodies,
 * sort terms and group-by objects each have a context item of their own.
 */
class Walker implements Walk {
  readonly issues: ExpressionIssue[] = [];
  readonly variableRefs: NameReference[] = [];
  readonly statesMemberRefs: NameReference[] = [];
  readonly functions: FunctionCall[] = [];
  /** Lambda bodies run later, when every name of their enclosing blocks is bound. */
  private readonly deferred: (() => void)[] = [];

  constructor(private readonly base: number) {}

  run(ast: Node): void {
    this.walk(ast, child(undefined), false);
    while (this.deferred.length > 0) this.deferred.shift()?.();
  }

  private start(position: unknown, width: number): number {
    return this.base + Math.max(0, (typeof position === 'number' ? position : 0) - width);
  }

  private topLevel(name: string, offset: number): void {
    this.issues.push({
      message: `Reference to '${name}' at the top level is not supported.`,
      offset,
      code: UNSUPPORTED_JSONATA_EXPRESSION,
    });
  }

  private variable(node: Node, scope: Scope, focused: boolean): void {
    const name = String(node.value);
    const offset = this.start(node.position, name.length + 1);
    if (name === '' || name === '$') {
      if (!focused) this.topLevel(name === '' ? '$' : '$$', offset);
      return;
    }
    // A function name read as a value (`$map(xs, $string)`) is listed too: it may just as well be
    // a workflow variable called `count` or `type`, which shadows the function when bound.
    if (name === 'states' || isBound(scope, name)) return;
    this.variableRefs.push({ name, offset });
  }

  private filters(node: Node, scope: Scope): void {
    for (const key of ['predicate', 'stages'] as const) {
      const list = node[key];
      if (!Array.isArray(list)) continue;
      for (const stage of list as { expr?: unknown }[]) {
        const expr = nodeOf(stage.expr);
        if (expr) this.walk(expr, scope, true);
      }
    }
    const group = node.group as { lhs?: [unknown, unknown][] } | undefined;
    for (const [key, value] of group?.lhs ?? []) {
      for (const part of [key, value]) {
        const n = nodeOf(part);
        if (n) this.walk(n, scope, true);
      }
    }
  }

  private call(node: Node, scope: Scope, focused: boolean, extraArgs: number, inPath: boolean): void {
    const procedure = nodeOf(node.procedure);
    const args = (node.arguments ?? []) as Node[];
    if (procedure?.type === 'variable') {
      // A called name is a function, not a workflow variable (variables hold JSON values only).
      const name = String(procedure.value);
      if (!isBound(scope, name) && name !== '' && name !== '$') {
        this.functions.push({
          name,
          argCount: args.length + extraArgs,
          offset: this.start(procedure.position, name.length + 1),
          inPath,
        });
      }
    } else if (procedure) {
      this.walk(procedure, scope, focused);
    }
    for (const arg of args) this.walk(arg, scope, focused);
  }

  private path(node: Node, scope: Scope, focused: boolean): void {
    const steps = (node.steps ?? []) as Node[];
    // `#$i` and `@$x` bind names for the rest of the path.
    const pathScope = child(scope);
    for (const step of steps) {
      if (typeof step.index === 'string') pathScope.names.add(step.index);
      if (typeof step.focus === 'string') pathScope.names.add(step.focus);
    }
    const first = steps[0];
    if (first?.type === 'variable' && first.value === 'states') {
      const member = steps[1];
      if (member?.type === 'name') {
        const name = String(member.value);
        this.statesMemberRefs.push({ name, offset: this.start(member.position, name.length) });
      }
    }
    steps.forEach((step, i) => {
      const stepFocused = focused || i > 0;
      if (step.type === 'name' && !stepFocused) {
        const name = String(step.value);
        this.topLevel(name, this.start(step.position, name.length));
        this.filters(step, pathScope);
      } else if (step.type === 'function' || step.type === 'partial') {
        this.call(step, pathScope, stepFocused, 0, i > 0);
        this.filters(step, pathScope);
      } else {
        this.walk(step, pathScope, stepFocused);
      }
    });
    this.filters(node, pathScope);
  }

  walk(node: Node, scope: Scope, focused: boolean): void {
    switch (node.type) {
      case 'path':
        this.path(node, scope, focused);
        return;
      case 'variable':
        this.variable(node, scope, focused);
        break;
      case 'name':
        if (!focused) this.topLevel(String(node.value), this.start(node.position, String(node.value).length));
        break;
      case 'function':
      case 'partial':
        this.call(node, scope, focused, 0, false);
        break;
      case 'apply': {
        this.walk(node.lhs as Node, scope, focused);
        const rhs = node.rhs as Node;
        if (rhs.type === 'function' || rhs.type === 'partial') {
          this.call(rhs, scope, focused, 1, false);
          this.filters(rhs, scope);
        } else {
          this.walk(rhs, scope, focused);
        }
        break;
      }
      case 'bind': {
        this.walk(node.rhs as Node, scope, focused);
        const lhs = node.lhs as Node;
        scope.names.add(String(lhs.value));
        break;
      }
      case 'block': {
        const inner = child(scope);
        for (const expr of (node.expressions ?? []) as Node[]) this.walk(expr, inner, focused);
        break;
      }
      case 'lambda': {
        const params = child(scope);
        for (const arg of (node.arguments ?? []) as Node[]) params.names.add(String(arg.value));
        const body = nodeOf(node.body);
        if (body) this.deferred.push(() => this.walk(body, params, true));
        break;
      }
      case 'binary':
        this.walk(node.lhs as Node, scope, focused);
        this.walk(node.rhs as Node, scope, focused);
        break;
      case 'unary':
        if (node.value === '[') for (const expr of (node.expressions ?? []) as Node[]) this.walk(expr, scope, focused);
        else if (node.value === '{') {
          for (const pair of node.lhs as unknown as [Node, Node][]) for (const part of pair) this.walk(part, scope, focused);
        } else {
          const expr = nodeOf(node.expression);
          if (expr) this.walk(expr, scope, focused);
        }
        break;
      case 'condition':
        for (const key of ['condition', 'then', 'else'] as const) {
          const part = nodeOf(node[key]);
          if (part) this.walk(part, scope, focused);
        }
        break;
      case 'transform':
        for (const key of ['pattern', 'update', 'delete'] as const) {
          const part = nodeOf(node[key]);
          if (part) this.walk(part, scope, true);
        }
        break;
      case 'sort':
        for (const term of (node.terms ?? []) as { expression: Node }[]) this.walk(term.expression, scope, true);
        break;
      default:
        break;
    }
    this.filters(node, scope);
  }
}

function unique(refs: readonly NameReference[]): string[] {
  return [...new Set(refs.map((r) => r.name))];
}

/**
 * Static checks for the linter. `text` is the whole `{% … %}` string (offsets then point into it)
 * or a bare expression. Parse errors give INVALID_JSONATA_EXPRESSION; a bare name, `$` or `$$`
 * read from the root gives UNSUPPORTED_JSONATA_EXPRESSION with AWS's message.
 */
export function analyzeJsonata(text: string): JsonataAnalysis {
  return analysisOf(parseJsonata(text));
}

function analysisOf(parsed: ParseResult): JsonataAnalysis {
  if (!parsed.ok) {
    return { issues: [parsed.issue], variables: [], statesMembers: [], functions: [], variableRefs: [], statesMemberRefs: [] };
  }
  const { walk } = parsed;
  return {
    issues: [...walk.issues],
    variables: unique(walk.variableRefs),
    statesMembers: unique(walk.statesMemberRefs),
    functions: [...walk.functions],
    variableRefs: [...walk.variableRefs],
    statesMemberRefs: [...walk.statesMemberRefs],
  };
}

/**
 * The process's parsed expressions: the linter's rules and the engine's compile read the same
 * strings, so a text parsed for one is reused by the other. A parse keeps jsonata's AST, about
 * 15 KB even for `$x + 1` (each node's prototype holds its parse's symbol table), and a large
 * live heap slows every garbage collection, so this cache is small: it carries a definition
 * from lint to compile (a larger one has its first expressions parsed again). The analyses the
 * linter reuses across runs are small and kept in a larger cache of their own. Both drop their
 * oldest first.
 */
const parses = new Map<string, Readonly<ParseResult>>();
export const MAX_CACHED_PARSES = 1_000;
const analyses = new Map<string, Readonly<JsonataAnalysis>>();
export const MAX_CACHED_ANALYSES = 50_000;

/**
 * `parseJsonata` once per distinct text while it stays cached. The jsonata object is shared:
 * read its AST; bind per-evaluation values only through evaluate()'s bindings, never assign().
 */
export function parseJsonataOnce(text: string): Readonly<ParseResult> {
  let parsed = parses.get(text);
  if (parsed === undefined) {
    if (parses.size >= MAX_CACHED_PARSES) parses.delete(parses.keys().next().value as string);
    parsed = Object.freeze(parseJsonata(text));
    parses.set(text, parsed);
  }
  return parsed;
}

/**
 * `analyzeJsonata` once per distinct text: one definition often repeats an expression, and the
 * linter runs several rules over the same strings. The result is shared: read it, never change it.
 */
export function analyzeJsonataOnce(text: string): Readonly<JsonataAnalysis> {
  let analysis = analyses.get(text);
  if (analysis === undefined) {
    if (analyses.size >= MAX_CACHED_ANALYSES) analyses.delete(analyses.keys().next().value as string);
    analysis = analysisOf(parseJsonataOnce(text));
    analyses.set(text, analysis);
  }
  return analysis;
}

function plural(count: number): string {
  return count === 1 ? 'argument' : 'arguments';
}

/**
 * What is wrong with one call found by `analyzeJsonata`, or undefined: an unknown or unavailable
 * function, or an argument count its signature does not allow. (Our wording: AWS only fails at
 * run time, with T1006 or T0410.)
 */
export function checkFunctionCall(call: FunctionCall): string | undefined {
  if (UNAVAILABLE_FUNCTIONS.includes(call.name)) {
    return call.name === 'eval'
      ? 'The function $eval is not available in Step Functions; use $parse to read a JSON string.'
      : `The function $${call.name} is not available in Step Functions.`;
  }
  const arity = KNOWN_FUNCTIONS.get(call.name);
  if (arity === undefined) return `Unknown function $${call.name}.`;
  // In a path step (or after ~>) the context item can stand in for a first `-` parameter.
  const min = arity.contextual && call.inPath ? arity.min - 1 : arity.min;
  if (call.argCount >= min && call.argCount <= arity.max) return undefined;
  const expected =
    arity.max === Infinity ? `at least ${min}` : min === arity.max ? `${min}` : `${min} to ${arity.max}`;
  const noun = arity.max === Infinity || arity.max === min ? plural(min) : 'arguments';
  return `The function $${call.name} takes ${expected} ${noun}, but was called with ${call.argCount}.`;
}
