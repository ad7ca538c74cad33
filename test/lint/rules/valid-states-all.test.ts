import rule from '../../../src/lint/rules/valid-states-all.js';
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
      - ErrorEquals: [States.Timeout]
      - ErrorEquals: [States.ALL]
    End: true
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
      - ErrorEquals: [States.ALL, States.Timeout]
    Catch:
      - { ErrorEquals: [States.ALL], Next: F }
      - { ErrorEquals: [Custom], Next: F }
    End: true
  F: { Type: Fail }
`,
      errors: [
        { messageId: 'notAlone', pointer: '/States/T/Retry/0/ErrorEquals', line: 8, column: 22 },
        { messageId: 'notLast', pointer: '/States/T/Catch/0', line: 10, column: 9, data: { kind: 'catcher', field: 'Catch' } },
      ],
    },
  ],
});
