import { escapePointerToken } from './diagnostic.js';
import type { QueryLanguage } from './types.js';

/**
 * The scoped walker. Every `States` object is a scope of its own: the root machine,
 * each Parallel branch and each Map ItemProcessor (or legacy Iterator). Names never
 * resolve across scopes (https://states-language.net/spec.html#state-machine-structure), so graph checks work per scope.
 *
 * The walker reads an unvalidated definition and is total: anything that is not an
 * object where an object belongs is skipped, never thrown on. One pass, linear in the
 * size of the definition; it never copies or mutates the caller's data.
 */

export type ScopeKind = 'root' | 'branch' | 'processor';

export interface Scope {
  kind: ScopeKind;
  /** Pointer of the object holding StartAt and States ('' for the root). */
  pointer: string;
  /** That object: the definition, a branch, or a Map processor (with its ProcessorConfig). */
  container: Readonly<Record<string, unknown>>;
  /** Pointer of this scope's States object. */
  statesPointer: string;
  /** The raw StartAt value (not necessarily a string). */
  startAt: unknown;
  /** Every state name of this scope, in document order (whatever the state's value). */
  names: readonly string[];
  /** The States object, when it is an object. */
  states: Readonly<Record<string, unknown>> | undefined;
  /** The states of this scope that are objects, in document order. */
  walkedStates: WalkedState[];
  /** The enclosing scope (undefined for the root). */
  parent: Scope | undefined;
  /** The Parallel or Map state that owns this scope (undefined for the root). */
  owner: WalkedState | undefined;
  /** Nesting depth: 0 for the root. */
  depth: number;
  /** What has been derived from this scope so far; read it through derived(). */
  readonly derivations: Derivations;
}

export interface WalkedState {
  name: string;
  /** JSON pointer of the state object (for example /States/P/Branches/0/States/A). */
  pointer: string;
  /** The state object as written (read-only for everyone). */
  state: Readonly<Record<string, unknown>>;
  /** `Type` when it is a string. */
  type: string | undefined;
  scope: Scope;
  /**
   * The effective query language: the state's own QueryLanguage, else the top-level one,
   * never inherited from an enclosing Map or Parallel (https://docs.aws.amazon.com/step-functions/latest/dg/statemachine-structure.html).
   */
  queryLanguage: QueryLanguage;
}

export interface DefinitionWalk {
  /** Every scope, the root first, then in document order (preorder). */
  scopes: Scope[];
  /** Every state that is an object, in document order; a state's nested scopes follow it. */
  states: WalkedState[];
  /** The top-level QueryLanguage (JSONPath when absent or invalid). */
  queryLanguage: QueryLanguage;
  /** What has been derived from the whole walk so far; read it through derived(). */
  readonly derivations: Derivations;
}

/** Derived values by the function that derives them. */
export type Derivations = Map<(owner: never) => unknown, unknown>;

/**
 * `derive(owner)`, computed once per walk or scope and shared by every rule that asks (a
 * transition graph, a name index). The walk holds the value, so it lives exactly as long as
 * the walk and never outlives a change to the definition. A module-level WeakMap would too,
 * but V8 keeps WeakMap values alive until a full collection: with the graph of a 5000-state
 * scope in one, linting spent about 1 µs more per state collecting garbage.
 */
export function derived<Owner extends { readonly derivations: Derivations }, T>(owner: Owner, derive: (owner: Owner) => T): T {
  const { derivations } = owner;
  if (derivations.has(derive)) return derivations.get(derive) as T;
  const value = derive(owner);
  derivations.set(derive, value);
  return value;
}

/** `base` plus one token, escaped only when needed: this runs once per state. */
export function childPointer(base: string, token: string | number): string {
  return typeof token === 'string' && (token.includes('/') || token.includes('~')) ? `${base}/${escapePointerToken(token)}` : `${base}/${token}`;
}

export function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asQueryLanguage(value: unknown): QueryLanguage | undefined {
  return value === 'JSONPath' || value === 'JSONata' ? value : undefined;
}

/** Walk a definition (any value) into its scopes and states. */
export function walkDefinition(definition: unknown): DefinitionWalk {
  const root = isObject(definition) ? definition : undefined;
  const queryLanguage = asQueryLanguage(root?.['QueryLanguage']) ?? 'JSONPath';
  const walk: DefinitionWalk = { scopes: [], states: [], queryLanguage, derivations: new Map() };
  if (root !== undefined) visitScope(walk, root, '', 'root', undefined, undefined);
  return walk;
}

function visitScope(
  walk: DefinitionWalk,
  container: Readonly<Record<string, unknown>>,
  pointer: string,
  kind: ScopeKind,
  parent: Scope | undefined,
  owner: WalkedState | undefined,
): void {
  const statesValue = container['States'];
  const states = isObject(statesValue) ? statesValue : undefined;
  const scope: Scope = {
    kind,
    pointer,
    container,
    statesPointer: `${pointer}/States`,
    startAt: container['StartAt'],
    names: states === undefined ? [] : Object.keys(states),
    states,
    walkedStates: [],
    parent,
    owner,
    depth: parent === undefined ? 0 : parent.depth + 1,
    derivations: new Map(),
  };
  walk.scopes.push(scope);
  if (states === undefined) return;
  for (const name of scope.names) {
    const value = states[name];
    if (!isObject(value)) continue;
    const type = typeof value['Type'] === 'string' ? (value['Type'] as string) : undefined;
    const walked: WalkedState = {
      name,
      pointer: childPointer(scope.statesPointer, name),
      state: value,
      type,
      scope,
      queryLanguage: asQueryLanguage(value['QueryLanguage']) ?? walk.queryLanguage,
    };
    walk.states.push(walked);
    scope.walkedStates.push(walked);
    if (type === 'Parallel') {
      const branches = value['Branches'];
      if (Array.isArray(branches)) {
        branches.forEach((branch: unknown, i) => {
          if (isObject(branch)) visitScope(walk, branch, `${walked.pointer}/Branches/${i}`, 'branch', scope, walked);
        });
      }
    } else if (type === 'Map') {
      for (const field of ['ItemProcessor', 'Iterator']) {
        const processor = value[field];
        if (isObject(processor)) visitScope(walk, processor, `${walked.pointer}/${field}`, 'processor', scope, walked);
      }
    }
  }
}
