import rule from '../../../src/lint/rules/valid-error-equals.js';
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
      - ErrorEquals: [States.Timeout, Lambda.ServiceException, CustomError]
    Catch:
      - { ErrorEquals: [States.ALL], Next: F }
    End: true
  F: { Type: Fail }
`,
    },
    {
      // A deployed pattern: a Parallel branch throws a custom States.* error to stop its siblings.
      code: `
StartAt: P
States:
  P:
    Type: Parallel
    Branches:
      - StartAt: Met
        States:
          Met: { Type: Fail, Error: States.QuorumMet }
    Catch:
      - { ErrorEquals: [States.QuorumMet], Next: Done }
    End: true
  Done: { Type: Succeed }
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
      - ErrorEquals: [States.Runtime, States.Foo]
    Catch:
      - { ErrorEquals: [States.Timout], Next: F }
    End: true
  F: { Type: Fail }
`,
      errors: [
        { messageId: 'custom', pointer: '/States/T/Retry/0/ErrorEquals/1', line: 8, column: 39, data: { name: 'States.Foo' } },
        { messageId: 'nearMiss', pointer: '/States/T/Catch/0/ErrorEquals/0', line: 10, column: 25, data: { name: 'States.Timout', suggestion: 'States.Timeout' } },
      ],
    },
  ],
});
