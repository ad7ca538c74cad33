import { derived, type Scope, type WalkedState } from '../definition/walk.js';
import { scopeGraph } from './graph.js';

/** The transitions of one scope between its own states, both ways; targets that name no state are left out. */
export interface FlowGraph {
  /** The states each state has a transition to. */
  successors: ReadonlyMap<WalkedState, readonly WalkedState[]>;
  /** The states with a transition to each state. */
  predecessors: ReadonlyMap<WalkedState, readonly WalkedState[]>;
}

/** Built once per scope and shared by the variable rules, which search it forwards and backwards. */
export function flowGraph(scope: Scope): FlowGraph {
  return derived(scope, buildFlow);
}

function buildFlow(scope: Scope): FlowGraph {
  const graph = scopeGraph(scope);
  const successors = new Map<WalkedState, WalkedState[]>();
  const predecessors = new Map<WalkedState, WalkedState[]>();
  for (const [from, transitions] of graph.transitions) {
    for (const { target } of transitions) {
      const to = graph.byName.get(target);
      if (to === undefined) continue;
      push(successors, from, to);
      push(predecessors, to, from);
    }
  }
  return { successors, predecessors };
}

/** How many more states the searches of one definition may visit; shared by a rule's searches. */
export interface SearchBudget {
  left: number;
}

/** `starts` and every state reachable from them along `edges`; undefined when the budget runs out on the way. */
export function reachableAlong(
  starts: readonly WalkedState[],
  edges: ReadonlyMap<WalkedState, readonly WalkedState[]>,
  budget: SearchBudget,
): Set<WalkedState> | undefined {
  const reached = new Set<WalkedState>();
  const stack = [...starts];
  for (let state = stack.pop(); state !== undefined; state = stack.pop()) {
    if (reached.has(state)) continue;
    if (--budget.left < 0) return undefined;
    reached.add(state);
    for (const next of edges.get(state) ?? []) if (!reached.has(next)) stack.push(next);
  }
  return reached;
}

function push(map: Map<WalkedState, WalkedState[]>, key: WalkedState, value: WalkedState): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
