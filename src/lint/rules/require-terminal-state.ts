import { scopeGraph } from '../graph.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'require-terminal-state',
    description: 'Require each States block to have a terminal state (End: true, Succeed or Fail)',
    severity: 'error',
    recommended: true,
    awsCode: 'MISSING_END_STATE',
    messages: {
      missing: 'Workflow has no terminal state',
    },
    docs: {
      rationale:
        'An execution ends only in a terminal state. AWS checks the machine and each Parallel branch and Map processor separately, and gives this finding no location; aslkit places it at the `States` key of the scope.',
      valid: [{ definition: { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } } }],
      invalid: [
        { definition: { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', Next: 'A' } } } },
        {
          title: 'A Map processor needs its own terminal state.',
          definition: {
            StartAt: 'M',
            States: {
              M: {
                Type: 'Map',
                ItemProcessor: { StartAt: 'Loop', States: { Loop: { Type: 'Wait', Seconds: 1, Next: 'Loop' } } },
                End: true,
              },
            },
          },
        },
      ],
    },
  },
  create(context) {
    return {
      scope(scope) {
        if (scope.walkedStates.length === 0) return;
        if (scopeGraph(scope).terminals.length === 0) context.report({ messageId: 'missing', pointer: scope.statesPointer, at: 'key' });
      },
    };
  },
});
