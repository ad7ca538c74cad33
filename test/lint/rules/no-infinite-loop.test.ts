import rule from '../../../src/lint/rules/no-infinite-loop.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'a polling loop with a way out',
      code: `
StartAt: Poll
States:
  Poll: { Type: Wait, Seconds: 5, Next: Check }
  Check:
    Type: Choice
    Choices:
      - { Variable: $.ready, BooleanEquals: true, Next: Done }
    Default: Poll
  Done: { Type: Succeed }
`,
    },
    {
      name: 'a Catch is a way out',
      code: `
StartAt: T
States:
  T:
    Type: Task
    Resource: arn:aws:states:::lambda:invoke
    Catch:
      - { ErrorEquals: [States.ALL], Next: F }
    Next: T
  F: { Type: Fail }
`,
    },
    {
      name: 'a missing target is reported by no-missing-transition-target only',
      code: `
StartAt: A
States:
  A: { Type: Pass, Next: Nowhere }
  B: { Type: Succeed }
`,
    },
  ],
  invalid: [
    {
      code: `
StartAt: Start
States:
  Start:
    Type: Choice
    Choices:
      - { Variable: $.go, BooleanEquals: true, Next: Spin }
    Default: Done
  Spin: { Type: Wait, Seconds: 5, Next: Again }
  Again: { Type: Pass, Next: Spin }
  Done: { Type: Succeed }
`,
      errors: [
        { messageId: 'noExit', pointer: '/States/Spin', line: 9, column: 3, data: { name: 'Spin' } },
        { messageId: 'noExit', pointer: '/States/Again', line: 10, column: 3, data: { name: 'Again' } },
      ],
    },
  ],
});
