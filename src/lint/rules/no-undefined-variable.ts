import { joinPointer } from '../../definition/diagnostic.js';
import type { VariableRead } from '../variables.js';
import { isDistributedProcessor, variablesOf, visibleScopes } from '../variables.js';
import { assignThenRead } from '../examples.js';
import { flowGraph, reachableAlong } from '../flow.js';
import type { FlowGraph, SearchBudget } from '../flow.js';
import { forEachJsonataExpression } from '../jsonata.js';
import type { Scope, WalkedState } from '../rule.js';
import { defineRule } from '../rule.js';

/** The members of JSONata's `$states` (ASL-NOTES §2.6). */
const STATES_MEMBERS: ReadonlySet<string> = new Set(['input', 'context', 'result', 'errorOutput']);

/** A backward search from a read gives up after this many states and reads the name's forward set instead. */
const BACKWARD_LIMIT = 64;
/** States visited by all searches of one definition, beyond which reads are assumed fine. */
const SEARCH_BUDGET = 500_000;

interface ScopeFlow extends FlowGraph {
  /** The names each state assigns (its own, its Choice rules' and its catchers' Assign). */
  assigns: Map<WalkedState, Set<string>>;
  /** For a name: the states that can run after some Assign of it (computed when a backward search is long). */
  after: Map<string, Set<WalkedState>>;
}

export default defineRule({
  meta: {
    id: 'no-undefined-variable',
    description: 'Disallow reading a variable that no state visible from the reader assigns, or that no Assign can have set yet',
    severity: 'warning',
    recommended: true,
    messages: {
      undefined: "The variable '{{name}}' is never assigned in this scope or an enclosing one; reading it fails at run time",
      notYetAssigned: "The variable '{{name}}' is read before any state that assigns it can have run; reading it fails at run time",
      statesMember: "$states has no member '{{member}}' (it has input, context, result and errorOutput); reading it gives nothing",
      distributed:
        "The variable '{{name}}' is assigned outside this Distributed Map, whose iterations run as child workflows that cannot read outer variables",
    },
    docs: {
      rationale:
        'A variable exists once an `Assign` in the same scope or an enclosing one has run, and is visible from the next state on. Reading a name that nothing visible assigns (a typo such as `$state` for `$states`, or a name assigned only inside a Parallel branch or Map iteration, whose variables disappear when it ends), or reading it where no path from StartAt passes an Assign of it first, is accepted at creation but fails at run time: JSONata raises `States.QueryEvaluationError`, a JSONPath path `States.Runtime`. Distributed Map iterations cannot read outer variables at all. In JSONata, `$states` has only `input`, `context`, `result` and `errorOutput`.',
      valid: [{ definition: assignThenRead() }],
      invalid: [
        {
          definition: {
            QueryLanguage: 'JSONata',
            StartAt: 'Use',
            States: { Use: { Type: 'Pass', Output: '{% $greting %}', End: true } },
          },
        },
        {
          definition: {
            StartAt: 'Use',
            States: {
              Use: { Type: 'Pass', Parameters: { 'text.$': '$greeting' }, Next: 'Init' },
              Init: { Type: 'Pass', Assign: { greeting: 'hello' }, End: true },
            },
          },
        },
      ],
    },
  },
  create(context) {
    const variables = variablesOf(context.walk);
    const flows = new Map<Scope, ScopeFlow>();
    const budget: SearchBudget = { left: SEARCH_BUDGET };

    const flowOf = (scope: Scope): ScopeFlow => {
      let flow = flows.get(scope);
      if (flow === undefined) {
        const assigns = new Map<WalkedState, Set<string>>();
        for (const { name, state } of variables.scopes.get(scope)?.assignments ?? []) {
          const names = assigns.get(state);
          if (names === undefined) assigns.set(state, new Set([name]));
          else names.add(name);
        }
        flow = { ...flowGraph(scope), assigns, after: new Map() };
        flows.set(scope, flow);
      }
      return flow;
    };

    /** Every state reachable from a successor of an Assign of `name`; undefined when the budget runs out. */
    const afterAssignments = (scope: Scope, flow: ScopeFlow, name: string): Set<WalkedState> | undefined => {
      let after = flow.after.get(name);
      if (after !== undefined) return after;
      const starts: WalkedState[] = [];
      for (const assignment of variables.scopes.get(scope)?.assignmentsByName.get(name) ?? []) starts.push(...(flow.successors.get(assignment.state) ?? []));
      after = reachableAlong(starts, flow.successors, budget);
      if (after !== undefined) flow.after.set(name, after);
      return after;
    };

    /**
     * Whether some state that can run before `target` (in `scope`) assigns `name`: a short backward
     * search from the reader (an Assign is usually a few states earlier), else the name's forward set.
     * True when the budget runs out: a warning is only given when it is certain.
     */
    const assignedBefore = (scope: Scope, target: WalkedState, name: string): boolean => {
      const flow = flowOf(scope);
      const known = flow.after.get(name);
      if (known !== undefined) return known.has(target);
      const seen = new Set<WalkedState>();
      const stack = [...(flow.predecessors.get(target) ?? [])];
      for (let state = stack.pop(); state !== undefined; state = stack.pop()) {
        if (seen.has(state)) continue;
        seen.add(state);
        if (--budget.left < 0) return true;
        if (seen.size > BACKWARD_LIMIT) return afterAssignments(scope, flow, name)?.has(target) ?? true;
        if (flow.assigns.get(state)?.has(name) === true) return true;
        for (const previous of flow.predecessors.get(state) ?? []) if (!seen.has(previous)) stack.push(previous);
      }
      return false;
    };

    const canBeAssigned = (visible: readonly Scope[], read: VariableRead): boolean => {
      let target: WalkedState | undefined = read.state;
      for (const scope of visible) {
        if (target === undefined) return true;
        if (variables.scopes.get(scope)?.assigned.has(read.name) === true && assignedBefore(scope, target, read.name)) return true;
        target = scope.owner;
      }
      return false;
    };

    return {
      state(walked) {
        forEachJsonataExpression(walked, ({ statesMembers }, { path }) => {
          const unknown = statesMembers.filter((member) => !STATES_MEMBERS.has(member));
          for (const member of unknown) context.report({ messageId: 'statesMember', pointer: joinPointer(walked.pointer, ...path), data: { member } });
        });
      },
      scope(scope) {
        const reads = variables.scopes.get(scope)?.reads;
        if (reads === undefined || reads.length === 0) return;
        const visible = visibleScopes(scope);
        const hidden: Scope[] = [];
        const last = visible[visible.length - 1];
        if (last !== undefined && isDistributedProcessor(last)) for (let s = last.parent; s !== undefined; s = s.parent) hidden.push(s);
        const reported = new Set<string>();
        for (const read of reads) {
          if (read.mayBeFunction) continue;
          const anywhere = visible.some((s) => variables.scopes.get(s)?.assigned.has(read.name));
          if (anywhere && canBeAssigned(visible, read)) continue;
          const pointer = read.pointer;
          const key = `${pointer}\n${read.name}`;
          if (reported.has(key)) continue;
          reported.add(key);
          const outside = !anywhere && hidden.some((s) => variables.scopes.get(s)?.assigned.has(read.name));
          const messageId = anywhere ? 'notYetAssigned' : outside ? 'distributed' : 'undefined';
          context.report({ messageId, pointer, data: { name: read.name } });
        }
      },
    };
  },
});
