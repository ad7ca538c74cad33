import type { WalkedState } from '../../definition/walk.js';
import { isTerminal, scopeGraph, type ScopeGraph, type Transition } from '../graph.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'no-infinite-loop',
    description: 'Disallow states from which no terminal state can be reached',
    severity: 'warning',
    recommended: true,
    messages: {
      noExit: 'No terminal state can be reached from state "{{name}}": it is caught in a loop with no exit.',
    },
    docs: {
      rationale:
        'A loop with no way out runs until the execution times out (a year for a STANDARD machine) or hits the history limit. AWS accepts it, so this is a warning. Catch transitions count as ways out.',
      valid: [
        {
          definition: {
            StartAt: 'Poll',
            States: {
              Poll: { Type: 'Wait', Seconds: 5, Next: 'Ready?' },
              'Ready?': { Type: 'Choice', Choices: [{ Variable: '$.ready', BooleanEquals: true, Next: 'Done' }], Default: 'Poll' },
              Done: { Type: 'Succeed' },
            },
          },
        },
      ],
      invalid: [
        {
          definition: {
            StartAt: 'Start',
            States: {
              Start: { Type: 'Choice', Choices: [{ Variable: '$.go', BooleanEquals: true, Next: 'Spin' }], Default: 'Done' },
              Spin: { Type: 'Wait', Seconds: 5, Next: 'Spin' },
              Done: { Type: 'Succeed' },
            },
          },
        },
      ],
    },
  },
  create(context) {
    return {
      scope(scope) {
        const graph = scopeGraph(scope);
        // No terminal at all is require-terminal-state's finding.
        if (graph.terminals.length === 0) return;
        const canExit = statesThatCanExit(graph, scope.walkedStates);
        for (const walked of scope.walkedStates) {
          // Unreachable states are no-unreachable-state's finding.
          if (canExit.has(walked.name) || (graph.reachable !== undefined && !graph.reachable.has(walked.name))) continue;
          context.report({ messageId: 'noExit', pointer: walked.pointer, data: { name: walked.name }, at: 'key' });
        }
      },
    };
  },
});

/**
 * Names from which a terminal state can be reached. A dangling transition counts as an exit,
 * so that a missing target is reported once (by no-missing-transition-target), and so do
 * states with no transition at all (require-next-or-end) and states that are not objects
 * or have an unknown Type (the schema's findings).
 */
function statesThatCanExit(graph: ScopeGraph, states: readonly WalkedState[]): Set<string> {
  const canExit = new Set<string>();
  for (const name of graph.names) if (!KNOWN_TYPES.has(graph.byName.get(name)?.type ?? '')) canExit.add(name);
  // One pass in reverse document order settles machines written top to bottom (the usual case)...
  let unsettled = 0;
  for (let i = states.length - 1; i >= 0; i--) {
    const walked = states[i] as WalkedState;
    if (isExit(walked, graph.transitions.get(walked) ?? [], graph, canExit)) canExit.add(walked.name);
    else unsettled++;
  }
  if (unsettled === 0) return canExit;
  // ...and a walk backwards from the exits settles the rest, in linear time.
  const incoming = new Map<string, string[]>();
  for (const [walked, transitions] of graph.transitions) {
    for (const { target } of transitions) {
      const list = incoming.get(target);
      if (list === undefined) incoming.set(target, [walked.name]);
      else list.push(walked.name);
    }
  }
  const stack = [...canExit];
  for (let name = stack.pop(); name !== undefined; name = stack.pop()) {
    for (const source of incoming.get(name) ?? []) {
      if (!canExit.has(source)) {
        canExit.add(source);
        stack.push(source);
      }
    }
  }
  return canExit;
}

function isExit(walked: WalkedState, transitions: readonly Transition[], graph: ScopeGraph, canExit: ReadonlySet<string>): boolean {
  if (isTerminal(walked) || transitions.length === 0) return true;
  for (const { target } of transitions) if (!graph.names.has(target) || canExit.has(target)) return true;
  return false;
}

const KNOWN_TYPES = new Set(['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map']);
