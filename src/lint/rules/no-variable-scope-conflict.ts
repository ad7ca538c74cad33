import { isDistributedProcessor, variablesOf } from '../variables.js';
import type { Scope } from '../rule.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'no-variable-scope-conflict',
    description: 'Disallow assigning, inside a Parallel branch or Map iteration, a variable that an enclosing scope also assigns',
    severity: 'error',
    recommended: true,
    awsCode: 'SCHEMA_VALIDATION_FAILED',
    messages: {
      conflict: "The variable '{{name}}' is already assigned in an enclosing scope (at {{outer}}); a Parallel branch or Map iteration cannot assign it",
    },
    docs: {
      rationale:
        "Each Parallel branch and Map iteration reads the outer variables but keeps its own: AWS rejects a definition where a name assigned inside a branch or an iteration is also assigned in an enclosing scope. The Assign of the Parallel or Map state itself and of its catchers runs in the enclosing scope after the branches end, and AWS accepts it reusing a name of the branch.",
      valid: [
        {
          definition: {
            StartAt: 'Init',
            States: {
              Init: { Type: 'Pass', Assign: { total: 0 }, Next: 'Each' },
              Each: { Type: 'Map', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', Assign: { item: 1 }, End: true } } }, End: true },
            },
          },
        },
      ],
      invalid: [
        {
          definition: {
            StartAt: 'Init',
            States: {
              Init: { Type: 'Pass', Assign: { total: 0 }, Next: 'Each' },
              Each: { Type: 'Map', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', Assign: { total: 1 }, End: true } } }, End: true },
            },
          },
        },
      ],
    },
  },
  create(context) {
    return {
      scope(scope) {
        if (scope.parent === undefined || isDistributedProcessor(scope)) return;
        const variables = variablesOf(context.walk);
        const own = variables.scopes.get(scope);
        if (own === undefined || own.assignments.length === 0) return;
        for (const assignment of own.assignments) {
          // `inner` is the scope whose owner (the Parallel or Map state) lives in `outer`.
          let inner: Scope = scope;
          for (let outer: Scope | undefined = scope.parent; outer !== undefined; inner = outer, outer = outer.parent) {
            // The owner's own Assign and its catchers' do not conflict: AWS runs a Parallel whose
            // branch and catcher both assign `inputVar` (exec corpus, PARALLEL_CATCH_ERROR_VARIABLE_SAMPLING).
            const found = variables.scopes.get(outer)?.assignmentsByName.get(assignment.name)?.find((a) => a.state !== inner.owner);
            if (found !== undefined) {
              context.report({ messageId: 'conflict', pointer: assignment.pointer, data: { name: assignment.name, outer: found.pointer }, at: 'key' });
              break;
            }
            // A distributed Map's iterations are child executions: what lies beyond is not their scope.
            if (isDistributedProcessor(outer)) break;
          }
        }
      },
    };
  },
});
