import rule from '../../../src/lint/rules/no-missing-transition-target.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      code: `
StartAt: C
States:
  C:
    Type: Choice
    Choices:
      - { Variable: $.ok, BooleanEquals: true, Next: T }
    Default: F
  T:
    Type: Task
    Resource: arn:aws:states:::lambda:invoke
    Catch:
      - { ErrorEquals: [States.ALL], Next: F }
    End: true
  F: { Type: Fail }
`,
    },
  ],
  invalid: [
    {
      name: 'every kind of transition',
      code: `
StartAt: C
States:
  C:
    Type: Choice
    Choices:
      - { Variable: $.ok, BooleanEquals: true, Next: Nowhere }
    Default: Gone
  T:
    Type: Task
    Resource: arn:aws:states:::lambda:invoke
    Catch:
      - { ErrorEquals: [States.ALL], Next: Lost }
    Next: Missing
`,
      errors: [
        { messageId: 'missing', pointer: '/States/C/Choices/0/Next', line: 7, column: 54, data: { name: 'Nowhere' } },
        { messageId: 'missing', pointer: '/States/C/Default', line: 8, column: 14, data: { name: 'Gone' } },
        { messageId: 'missing', pointer: '/States/T/Catch/0/Next', line: 13, column: 44, data: { name: 'Lost' } },
        { messageId: 'missing', pointer: '/States/T/Next', line: 14, column: 11, data: { name: 'Missing' } },
      ],
    },
    {
      name: 'nothing jumps out of a branch',
      code: `
StartAt: P
States:
  P:
    Type: Parallel
    Branches:
      - StartAt: B
        States:
          B: { Type: Pass, Next: Done }
    Next: Done
  Done: { Type: Succeed }
`,
      errors: [{ messageId: 'otherScope', pointer: '/States/P/Branches/0/States/B/Next', line: 9, column: 34, data: { name: 'Done' } }],
    },
    {
      name: 'nothing jumps into a Map processor',
      code: `
StartAt: A
States:
  A: { Type: Pass, Next: Inner }
  M:
    Type: Map
    ItemProcessor:
      StartAt: Inner
      States:
        Inner: { Type: Succeed }
    End: true
`,
      errors: [{ messageId: 'otherScope', pointer: '/States/A/Next', line: 4, column: 26, data: { name: 'Inner' } }],
    },
  ],
});
