import { scopeGraph, stateNames } from '../graph.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'no-missing-transition-target',
    description: 'Require every Next, Default, Choice rule Next and Catch Next to name a state of the same States block',
    severity: 'error',
    recommended: true,
    awsCode: 'MISSING_TRANSITION_TARGET',
    messages: {
      missing: "Missing 'Next' target: {{name}}",
      otherScope:
        "Missing 'Next' target: {{name}} (a state of another States block; nothing jumps into or out of a Parallel branch or Map processor)",
    },
    docs: {
      rationale:
        "A transition to a state that does not exist fails at creation time. Each Parallel branch and Map processor is a scope of its own: a transition never leaves it or enters another one. AWS words every such finding `Missing 'Next' target`, whatever the field.",
      valid: [
        {
          definition: {
            StartAt: 'Check',
            States: {
              Check: { Type: 'Choice', Choices: [{ Variable: '$.ok', BooleanEquals: true, Next: 'Done' }], Default: 'Failed' },
              Done: { Type: 'Succeed' },
              Failed: { Type: 'Fail' },
            },
          },
        },
      ],
      invalid: [
        {
          definition: {
            StartAt: 'Charge',
            States: {
              Charge: {
                Type: 'Task',
                Resource: 'arn:aws:states:::lambda:invoke',
                Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Handle error' }],
                End: true,
              },
            },
          },
        },
        {
          title: 'A branch state cannot jump to a state of the enclosing machine.',
          definition: {
            StartAt: 'P',
            States: {
              P: {
                Type: 'Parallel',
                Branches: [
                  {
                    StartAt: 'B',
                    States: {
                      B: { Type: 'Choice', Choices: [{ Variable: '$.x', IsNull: true, Next: 'Done' }], Default: 'C' },
                      C: { Type: 'Succeed' },
                    },
                  },
                ],
                Next: 'Done',
              },
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
        for (const transitions of graph.transitions.values()) {
          for (const { target, pointer } of transitions) {
            if (graph.names.has(target)) continue;
            const otherScope = stateNames(context.walk).first.has(target);
            context.report({ messageId: otherScope ? 'otherScope' : 'missing', pointer, data: { name: target } });
          }
        }
      },
    };
  },
});
