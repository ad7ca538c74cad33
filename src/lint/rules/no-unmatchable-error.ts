import { lambdaTaskMachine } from '../examples.js';
import { errorNames } from '../handlers.js';
import { defineRule } from '../rule.js';

const UNMATCHABLE: ReadonlyMap<string, string> = new Map([
  ['States.Runtime', 'States.Runtime is terminal: it is never retried or caught'],
  ['States.BranchFailed', "AWS never raises States.BranchFailed: a failed Parallel branch propagates the branch's own error"],
]);

export default defineRule({
  meta: {
    id: 'no-unmatchable-error',
    description: 'Disallow error names in ErrorEquals that can never match (States.Runtime, States.BranchFailed)',
    severity: 'warning',
    recommended: true,
    messages: {
      unmatchable: '"{{name}}" never matches here: {{reason}}',
    },
    docs: {
      rationale:
        'States.Runtime (a path that finds nothing, a bad Wait value, …) fails the execution without going through Retry or Catch, even when it is named explicitly. States.BranchFailed is in the spec, but AWS propagates the failed branch\'s own error instead. Name the real error, or States.ALL.',
      valid: [
        {
          definition: {
            StartAt: 'P',
            States: {
              P: {
                Type: 'Parallel',
                Branches: [{ StartAt: 'B', States: { B: { Type: 'Fail', Error: 'OrderRejected' } } }],
                Catch: [{ ErrorEquals: ['OrderRejected'], Next: 'Rejected' }],
                End: true,
              },
              Rejected: { Type: 'Fail' },
            },
          },
        },
      ],
      invalid: [
        { definition: lambdaTaskMachine({ Catch: [{ ErrorEquals: ['States.Runtime'], Next: 'Failed' }] }, { Failed: { Type: 'Fail' } }) },
      ],
    },
  },
  create(context) {
    return {
      state(walked) {
        for (const { name, pointer } of errorNames(walked)) {
          const reason = UNMATCHABLE.get(name);
          if (reason !== undefined) context.report({ messageId: 'unmatchable', pointer, data: { name, reason } });
        }
      },
    };
  },
});
