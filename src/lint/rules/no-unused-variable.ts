import { isDistributedProcessor, variablesOf } from '../variables.js';
import { assignThenRead } from '../examples.js';
import { flowGraph, reachableAlong } from '../flow.js';
import type { FlowGraph, SearchBudget } from '../flow.js';
import type { Scope, WalkedState } from '../rule.js';
import { defineRule } from '../rule.js';

/** A forward search from an Assign gives up after this many states and reads the name's backward set instead. */
const FORWARD_LIMIT = 64;
/** States visited by all searches of one definition, beyond which assignments are assumed read. */
const SEARCH_BUDGET = 500_000;

export default defineRule({
  meta: {
    id: 'no-unused-variable',
    description: 'Disallow assigning a variable that no state can read',
    severity: 'warning',
    recommended: true,
    messages: {
      unused: "The variable '{{name}}' is assigned but never read",
      notReadAfter: "The variable '{{name}}' is assigned here, but no state that can run afterwards reads it",
    },
    docs: {
      rationale:
        'A variable can be read by the states of the scope that assigns it and of the Parallel branches and Map iterations inside it (not by Distributed Map iterations). An assignment that nothing there reads, or that no state able to run after it reads, is dead work, and often a misspelled name.',
      valid: [{ definition: assignThenRead() }],
      invalid: [{ definition: { StartAt: 'Init', States: { Init: { Type: 'Pass', Assign: { greeting: 'hello' }, End: true } } } }],
    },
  },
  create(context) {
    return {
      end() {
        const variables = variablesOf(context.walk);
        const budget: SearchBudget = { left: SEARCH_BUDGET };
        // For each scope and name: the states of that scope that read it, themselves or inside the
        // Parallel branches and Map iterations they run (Distributed Map iterations cannot).
        const readers = new Map<Scope, Map<string, Set<WalkedState>>>();
        for (const [scope, { reads }] of variables.scopes) {
          for (const read of reads) {
            let state: WalkedState | undefined = read.state;
            for (let s: Scope | undefined = scope; s !== undefined && state !== undefined; state = s.owner, s = s.parent) {
              let byName = readers.get(s);
              if (byName === undefined) readers.set(s, (byName = new Map()));
              let states = byName.get(read.name);
              if (states === undefined) byName.set(read.name, (states = new Set()));
              states.add(state);
              if (isDistributedProcessor(s)) break;
            }
          }
        }

        for (const scope of context.walk.scopes) {
          const own = variables.scopes.get(scope);
          if (own === undefined || own.assignments.length === 0) continue;
          const byName = readers.get(scope);
          let graph: FlowGraph | undefined;
          const reachesRead = new Map<string, Set<WalkedState> | undefined>();
          for (const [name, assignments] of own.assignmentsByName) {
            const readBy = byName?.get(name);
            if (readBy === undefined) {
              context.report({ messageId: 'unused', pointer: (assignments[0] as (typeof assignments)[number]).pointer, data: { name }, at: 'key' });
              continue;
            }
            graph ??= flowGraph(scope);
            for (const assignment of assignments) {
              if (readAfter(graph, assignment.state, readBy, name, reachesRead)) continue;
              context.report({ messageId: 'notReadAfter', pointer: assignment.pointer, data: { name }, at: 'key' });
            }
          }
        }

        /**
         * Whether a state that can run after `from` reads the name: a short forward search (a read
         * is usually a few states later), else the name's set of states that can reach a reader.
         * True when the budget runs out: a warning is only given when it is certain.
         */
        function readAfter(
          graph: FlowGraph,
          from: WalkedState,
          readBy: ReadonlySet<WalkedState>,
          name: string,
          reachesRead: Map<string, Set<WalkedState> | undefined>,
        ): boolean {
          const seen = new Set<WalkedState>();
          const stack = [...(graph.successors.get(from) ?? [])];
          for (let state = stack.pop(); state !== undefined; state = stack.pop()) {
            if (seen.has(state)) continue;
            seen.add(state);
            if (--budget.left < 0) return true;
            if (readBy.has(state)) return true;
            if (seen.size > FORWARD_LIMIT) {
              // The readers and every state with a path to one.
              if (!reachesRead.has(name)) reachesRead.set(name, reachableAlong([...readBy], graph.predecessors, budget));
              const reaching = reachesRead.get(name);
              return reaching === undefined || (graph.successors.get(from) ?? []).some((next) => reaching.has(next));
            }
            for (const next of graph.successors.get(state) ?? []) if (!seen.has(next)) stack.push(next);
          }
          return false;
        }
      },
    };
  },
});
