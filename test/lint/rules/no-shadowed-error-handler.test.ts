import rule from '../../../src/lint/rules/no-shadowed-error-handler.js';
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
      - { ErrorEquals: [Lambda.TooManyRequestsException], MaxAttempts: 6 }
      - ErrorEquals: [States.TaskFailed]
      - ErrorEquals: [States.Timeout]
    End: true
`,
    },
    {
      name: 'States.TaskFailed is not taken to shadow a predefined error',
      code: `
StartAt: T
States:
  T:
    Type: Task
    Resource: arn:aws:states:::lambda:invoke
    Catch:
      - { ErrorEquals: [States.TaskFailed], Next: F }
      - { ErrorEquals: [States.Permissions], Next: F }
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
      - ErrorEquals: [States.TaskFailed]
      - ErrorEquals: [Lambda.TooManyRequestsException]
    Catch:
      - { ErrorEquals: [A, B], Next: F }
      - { ErrorEquals: [B], Next: F }
      - { ErrorEquals: [States.ALL], Next: F }
      - { ErrorEquals: [C], Next: F }
    End: true
  F: { Type: Fail }
`,
      errors: [
        {
          messageId: 'shadowed',
          pointer: '/States/T/Retry/1',
          line: 9,
          column: 9,
          data: { field: 'Retry', index: 1, kind: 'retrier', by: 'Retry[0]' },
        },
        {
          messageId: 'shadowed',
          pointer: '/States/T/Catch/1',
          line: 12,
          column: 9,
          data: { field: 'Catch', index: 1, kind: 'catcher', by: 'Catch[0]' },
        },
        {
          messageId: 'shadowed',
          pointer: '/States/T/Catch/3',
          line: 14,
          column: 9,
          data: { field: 'Catch', index: 3, kind: 'catcher', by: 'Catch[2]' },
        },
      ],
    },
  ],
});
