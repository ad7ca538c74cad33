import { derived, isObject, type DefinitionWalk, type Scope, type WalkedState } from '../definition/walk.js';

/**
 * The transition graph of one scope, built once per scope and shared by the graph
 * rules (targets, reachability, terminal states, loops) through derived(), so that
 * several rules reading it cost one build. Edges come only from fields of the
 * scope's own states (ASL-NOTES §8.3).
 */

export interface Transition {
  /** The target name as written. */
  target: string;
  /** Pointer of the field holding the target (…/Next, …/Default, …/Choices/0/Next, …/Catch/1/Next). */
  pointer: string;
}

export interface ScopeGraph {
  /** Every name of the scope, whatever its value. */
  names: ReadonlySet<string>;
  /** The state objects by name. */
  byName: ReadonlyMap<string, WalkedState>;
  /** Outgoing transitions of each state (targets not checked). */
  transitions: ReadonlyMap<WalkedState, readonly Transition[]>;
  /** States with `End: true`, and Succeed and Fail states. */
  terminals: readonly WalkedState[];
  /** Names reachable from StartAt; undefined when StartAt names no state of the scope. */
  reachable: ReadonlySet<string> | undefined;
}

export function scopeGraph(scope: Scope): ScopeGraph {
  return derived(scope, buildGraph);
}

/** Every transition of a state: Next, Default, each Choices[i].Next and each Catch[i].Next. */
export function transitionsOf(walked: WalkedState): Transition[] {
  const { state, pointer } = walked;
  const out: Transition[] = [];
  const next = state['Next'];
  if (typeof next === 'string') out.push({ target: next, pointer: `${pointer}/Next` });
  const fallback = state['Default'];
  if (walked.type === 'Choice' && typeof fallback === 'string') {
    out.push({ target: fallback, pointer: `${pointer}/Default` });
  }
  for (const field of ['Choices', 'Catch'] as const) {
    const list = state[field];
    if (!Array.isArray(list)) continue;
    list.forEach((entry: unknown, i) => {
      if (isObject(entry) && typeof entry['Next'] === 'string') {
        out.push({ target: entry['Next'], pointer: `${pointer}/${field}/${i}/Next` });
      }
    });
  }
  return out;
}

export function isTerminal(walked: WalkedState): boolean {
  return walked.type === 'Succeed' || walked.type === 'Fail' || walked.state['End'] === true;
}

function buildGraph(scope: Scope): ScopeGraph {
  const names = new Set(scope.names);
  const byName = new Map<string, WalkedState>();
  const transitions = new Map<WalkedState, Transition[]>();
  const terminals: WalkedState[] = [];
  for (const walked of scope.walkedStates) {
    byName.set(walked.name, walked);
    transitions.set(walked, transitionsOf(walked));
    if (isTerminal(walked)) terminals.push(walked);
  }
  let reachable: Set<string> | undefined;
  if (typeof scope.startAt === 'string' && names.has(scope.startAt)) {
    reachable = new Set([scope.startAt]);
    const stack = [scope.startAt];
    for (let name = stack.pop(); name !== undefined; name = stack.pop()) {
      const walked = byName.get(name);
      if (walked === undefined) continue;
      for (const { target } of transitions.get(walked) ?? []) {
        if (names.has(target) && !reachable.has(target)) {
          reachable.add(target);
          stack.push(target);
        }
      }
    }
  }
  return { names, byName, transitions, terminals, reachable };
}

export interface NameIndex {
  /** The first scope (in walk order) that declares each name. */
  first: ReadonlyMap<string, Scope>;
  /** Every later declaration of a name already declared. */
  duplicates: readonly { name: string; scope: Scope }[];
}

/** Where each state name of the definition is declared. */
export function stateNames(walk: DefinitionWalk): NameIndex {
  return derived(walk, indexNames);
}

function indexNames(walk: DefinitionWalk): NameIndex {
  const first = new Map<string, Scope>();
  const duplicates: { name: string; scope: Scope }[] = [];
  for (const scope of walk.scopes) {
    for (const name of scope.names) {
      if (first.has(name)) duplicates.push({ name, scope });
      else first.set(name, scope);
    }
  }
  return { first, duplicates };
}
