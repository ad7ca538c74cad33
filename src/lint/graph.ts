import { derived, isObject, type DefinitionWalk, type Scope, type WalkedState } from '../definition/walk.js';

/**
 * The transition graph of one scope, built once per scope and shared by the graph
 * rules (targets, reachability, terminal states, loops) through derived(), so that
 * several rules reading it cost one build. Edges come only from fields of the
 * scope's own states (https://states-language.net/spec.html#state-machine-structure).
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

const NO_TRANSITIONS: readonly Transition[] = Object.freeze([]);

/** Every transition of a state: Next, Default, each Choices[i].Next and each Catch[i].Next. */
export function transitionsOf(walked: WalkedState): readonly Transition[] {
  const { state, pointer } = walked;
  // Runs once per state of every lint: nothing allocated for a state with no transition.
  let out: Transition[] | undefined;
  const next = state['Next'];
  if (typeof next === 'string') (out ??= []).push({ target: next, pointer: `${pointer}/Next` });
  if (walked.type === 'Choice') {
    const fallback = state['Default'];
    if (typeof fallback === 'string') (out ??= []).push({ target: fallback, pointer: `${pointer}/Default` });
    out = pushListTargets(out, state['Choices'], `${pointer}/Choices`);
  }
  out = pushListTargets(out, state['Catch'], `${pointer}/Catch`);
  return out ?? NO_TRANSITIONS;
}

/** The Next of each object in `list` (Choices or Catch). */
function pushListTargets(out: Transition[] | undefined, list: unknown, listPointer: string): Transition[] | undefined {
  if (!Array.isArray(list)) return out;
  for (let i = 0; i < list.length; i++) {
    const entry: unknown = list[i];
    if (isObject(entry) && typeof entry['Next'] === 'string') (out ??= []).push({ target: entry['Next'], pointer: `${listPointer}/${i}/Next` });
  }
  return out;
}

export function isTerminal(walked: WalkedState): boolean {
  return walked.type === 'Succeed' || walked.type === 'Fail' || walked.state['End'] === true;
}

function buildGraph(scope: Scope): ScopeGraph {
  const names = new Set(scope.names);
  const byName = new Map<string, WalkedState>();
  const transitions = new Map<WalkedState, readonly Transition[]>();
  const terminals: WalkedState[] = [];
  for (const walked of scope.walkedStates) {
    byName.set(walked.name, walked);
    transitions.set(walked, transitionsOf(walked));
    if (isTerminal(walked)) terminals.push(walked);
  }
  let reachable: Set<string> | undefined;
  if (typeof scope.startAt === 'string' && names.has(scope.startAt)) {
    reachable = new Set([scope.startAt]);
    // Searched by state, not by name: one lookup per new target instead of three.
    const start = byName.get(scope.startAt);
    const stack = start === undefined ? [] : [start];
    for (let walked = stack.pop(); walked !== undefined; walked = stack.pop()) {
      for (const { target } of transitions.get(walked) ?? NO_TRANSITIONS) {
        if (reachable.has(target)) continue;
        const to = byName.get(target);
        if (to !== undefined) {
          reachable.add(target);
          stack.push(to);
        } else if (names.has(target)) {
          // A name whose value is not a state object: reached, with nowhere further to go.
          reachable.add(target);
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
