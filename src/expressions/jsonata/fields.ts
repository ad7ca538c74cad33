/**
 * Where a JSONata state holds expressions (https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html): the fields whose string values may
 * be `{% … %}`, at any depth for templates, and which object holds them (the state, a Choice
 * rule, a catcher). The linter reads definitions through this one table.
 */
import { isObject as isRecord } from '../../definition/walk.js';

/** The object a field belongs to: `$states.result` and `$states.errorOutput` depend on it. */
export type JsonataOwner = 'state' | 'choiceRule' | 'catcher';

export interface JsonataString {
  /** The string as written: a `{% … %}` expression, or one with only one of the delimiters. */
  readonly text: string;
  /** Keys and indexes from the state object to the string. */
  readonly path: readonly (string | number)[];
  /** The field of the owner that holds it: `Output`, `Assign`, `Condition`, `ItemReader`... */
  readonly field: string;
  readonly owner: JsonataOwner;
}

/** Fields evaluated as templates: every string at any depth may be an expression. */
const TEMPLATE_FIELDS = new Set(['Arguments', 'Output', 'Assign', 'Items', 'ItemSelector']);
/** Fields that take a literal or one expression. */
const SCALAR_FIELDS = [
  'TimeoutSeconds',
  'HeartbeatSeconds',
  'Seconds',
  'Timestamp',
  'Error',
  'Cause',
  'MaxConcurrency',
  'ToleratedFailureCount',
  'ToleratedFailurePercentage',
] as const;
/** Expression-capable members of the nested configuration objects; the rest of them is literal. */
const NESTED_FIELDS: Readonly<Record<string, readonly (readonly string[])[]>> = {
  Credentials: [['RoleArn']],
  ItemReader: [['Arguments'], ['ReaderConfig', 'MaxItems']],
  ItemBatcher: [['BatchInput'], ['MaxItemsPerBatch'], ['MaxInputBytesPerBatch']],
  ResultWriter: [['Arguments']],
};
/** Deeper than any real template; keeps hostile input from exhausting the stack. */
const MAX_DEPTH = 500;

/** `{%` at the start or `%}` at the end: an expression, or a malformed one (J1). */
export function looksLikeJsonata(text: string): boolean {
  return text.startsWith('{%') || text.endsWith('%}');
}

type Visit = (found: JsonataString) => void;

function deep(value: unknown, path: (string | number)[], field: string, owner: JsonataOwner, visit: Visit, depth: number): void {
  if (typeof value === 'string') {
    if (looksLikeJsonata(value)) visit({ text: value, path: [...path], field, owner });
    return;
  }
  if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    value.forEach((item: unknown, i) => {
      path.push(i);
      deep(item, path, field, owner, visit, depth + 1);
      path.pop();
    });
    return;
  }
  for (const key of Object.keys(value)) {
    path.push(key);
    deep((value as Record<string, unknown>)[key], path, field, owner, visit, depth + 1);
    path.pop();
  }
}

function ownFields(object: Readonly<Record<string, unknown>>, base: (string | number)[], owner: JsonataOwner, visit: Visit): void {
  for (const field of Object.keys(object)) {
    const value = object[field];
    if (TEMPLATE_FIELDS.has(field)) deep(value, [...base, field], field, owner, visit, 0);
    else if (field === 'Condition' && owner === 'choiceRule' && typeof value === 'string' && looksLikeJsonata(value)) {
      visit({ text: value, path: [...base, field], field, owner });
    }
  }
}

function collect(state: Readonly<Record<string, unknown>>, visit: Visit): void {
  ownFields(state, [], 'state', visit);
  for (const field of SCALAR_FIELDS) {
    const value = state[field];
    if (typeof value === 'string' && looksLikeJsonata(value)) visit({ text: value, path: [field], field, owner: 'state' });
  }
  for (const [field, members] of Object.entries(NESTED_FIELDS)) {
    const holder = state[field];
    if (!isRecord(holder)) continue;
    for (const member of members) {
      let value: unknown = holder;
      for (const key of member) value = isRecord(value) ? value[key] : undefined;
      deep(value, [field, ...member], field, 'state', visit, 0);
    }
  }
  for (const [list, owner] of [
    ['Choices', 'choiceRule'],
    ['Catch', 'catcher'],
  ] as const) {
    const items = state[list];
    if (!Array.isArray(items)) continue;
    items.forEach((item: unknown, i) => {
      if (isRecord(item)) ownFields(item, [list, i], owner, visit);
    });
  }
}

/**
 * Several lint rules read the same state: its strings are collected once per walked state. The
 * key is the walk's record of the state, not the caller's state object, which may be edited
 * between two lint runs.
 */
const collected = new WeakMap<object, readonly JsonataString[]>();
const NONE: readonly JsonataString[] = [];

/**
 * Every string of a JSONata state that starts with `{%` or ends with `%}` and sits where AWS
 * evaluates expressions, in document order. Object keys and literal-only fields (`Type`, `Next`,
 * `Comment`, `Label`, `Resource`, Retry...) are never included. Read the result, never change it.
 */
export function jsonataStringsOf(walked: { readonly state: Readonly<Record<string, unknown>> }): readonly JsonataString[] {
  let found = collected.get(walked);
  if (found === undefined) {
    const list: JsonataString[] = [];
    collect(walked.state, (item) => list.push(item));
    found = list.length === 0 ? NONE : list;
    collected.set(walked, found);
  }
  return found;
}

/** Calls `visit` for each of `jsonataStringsOf(walked)`. */
export function forEachJsonataString(walked: { readonly state: Readonly<Record<string, unknown>> }, visit: Visit): void {
  for (const found of jsonataStringsOf(walked)) visit(found);
}

/**
 * AWS's location of a string in a state, as causes and diagnostics print it: `/` before each key,
 * `[i]` for each index (`Output/values[0]`, `Catch[0]/Assign/x`).
 */
export function jsonataLocation(path: readonly (string | number)[]): string {
  let out = '';
  for (const token of path) out += typeof token === 'number' ? `[${token}]` : out === '' ? token : `/${token}`;
  return out;
}
