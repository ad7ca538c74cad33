import rule from '../../../src/lint/rules/no-unmatchable-error.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      code: `
StartAt: T
States:
  T:
    Type: Task
    Resource: arn:aws:states:::lambda:invoke
    Retry:
      - ErrorEquals: [States.Timeout, States.TaskFailed]
    Catch:
      - { ErrorEquals: [States.ALL], Next: F }
    End: true
  F: { Type: Fail }
`,
    },
  ],
  invalid: [
    {
      code: `
StartAt: T
States:
  T:
    Type: Task
    Resource: arn:aws:states:::lambda:invoke
    Retry:
      - ErrorEquals: [States.Timeout, States.Runtime]
    Catch:
      - { ErrorEquals: [States.BranchFailed], Next: F }
    End: true
  F: { Type: Fail }
`,
      errors: [
        {
          messageId: 'unmatchable',
          pointer: '/States/T/Retry/0/ErrorEquals/1',
          line: 8,
          column: 39,
          data: { name: 'States.Runtime', reason: 'States.Runtime is terminal: it is never retried or caught' },
        },
        {
          messageId: 'unmatchable',
          pointer: '/States/T/Catch/0/ErrorEquals/0',
          line: 10,
          column: 25,
          data: {
            name: 'States.BranchFailed',
            reason: "AWS never raises States.BranchFailed: a failed Parallel branch propagates the branch's own error",
          },
        },
      ],
    },
  ],
});
