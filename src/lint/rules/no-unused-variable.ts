import { isDistributedProcessor, variablesOf } from '../../expressions/jsonata/index.js';
import type { Scope } from '../rule.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'no-unused-variable',
    description: 'Disallow assigning a variable that no state can read',
    severity: 'warning',
    recommended: true,
    messages: {
      unused: "The variable '{{name}}' is assigned but never read",
    },
    docs: {
      rationale:
        'A variable can be read by the states of the scope that assigns it and of the Parallel branches and Map iterations inside it (not by Distributed Map iterations). An assignment that nothing there reads is dead work, and often a misspelled name.',
      valid: [
        {
          definition: {
            StartAt: 'Init',
            States: {
              Init: { Type: 'Pass', Assign: { greeting: 'hello' }, Next: 'Use' },
              Use: { Type: 'Pass', Parameters: { 'text.$': '$greeting' }, End: true },
            },
          },
        },
      ],
      invalid: [{ definition: { StartAt: 'Init', States: { Init: { Type: 'Pass', Assign: { greeting: 'hello' }, End: true } } } }],
    },
  },
  create(context) {
    return {
      end() {
        const variables = variablesOf(context.walk);
        // Names read in each scope or in the scopes nested in it, built bottom-up (scopes are in preorder).
        const readBelow = new Map<Scope, Set<string>>();
        const scopes = context.walk.scopes;
        for (let i = scopes.length - 1; i >= 0; i--) {
          const scope = scopes[i] as Scope;
          const names = readBelow.get(scope) ?? new Set<string>();
          for (const read of variables.scopes.get(scope)?.reads ?? []) names.add(read.name);
          readBelow.set(scope, names);
          if (scope.parent === undefined || isDistributedProcessor(scope)) continue;
          const parent = readBelow.get(scope.parent) ?? new Set<string>();
          for (const name of names) parent.add(name);
          readBelow.set(scope.parent, parent);
        }
        for (const scope of scopes) {
          const own = variables.scopes.get(scope);
          if (own === undefined) continue;
          const read = readBelow.get(scope);
          for (const [name, assignment] of own.assigned) {
            if (!read?.has(name)) context.report({ messageId: 'unused', pointer: assignment.pointer, data: { name }, at: 'key' });
          }
        }
      },
    };
  },
});
