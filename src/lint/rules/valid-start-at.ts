import { joinPointer } from '../../definition/diagnostic.js';
import { stateNames } from '../graph.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'valid-start-at',
    description: 'Require StartAt to name a state of the same States block',
    severity: 'error',
    recommended: true,
    awsCode: 'MISSING_TRANSITION_TARGET',
    messages: {
      missing: "Missing 'StartAt' target: {{name}}",
      otherScope:
        "Missing 'StartAt' target: {{name}} (a state of another States block; each Parallel branch and Map processor starts at one of its own states)",
    },
    docs: {
      rationale:
        'Execution begins at the state StartAt names. Each Parallel branch and Map processor is a scope of its own, so its StartAt must name one of its own states.',
      valid: [{ definition: { StartAt: 'A', States: { A: { Type: 'Succeed' } } } }],
      invalid: [
        { definition: { StartAt: 'Start', States: { A: { Type: 'Succeed' } } } },
        {
          title: 'A branch cannot start at a state of the enclosing machine.',
          definition: {
            StartAt: 'P',
            States: {
              P: { Type: 'Parallel', Branches: [{ StartAt: 'Done', States: { B: { Type: 'Succeed' } } }], Next: 'Done' },
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
        if (typeof scope.startAt !== 'string' || scope.states === undefined) return;
        if (Object.prototype.hasOwnProperty.call(scope.states, scope.startAt)) return;
        const inOtherScope = stateNames(context.walk).first.has(scope.startAt);
        context.report({
          messageId: inOtherScope ? 'otherScope' : 'missing',
          pointer: joinPointer(scope.pointer, 'StartAt'),
          data: { name: scope.startAt },
        });
      },
    };
  },
});
