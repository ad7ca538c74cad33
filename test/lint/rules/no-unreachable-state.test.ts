import rule from '../../../src/lint/rules/no-unreachable-state.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      code: `
StartAt: A
States:
  A: { Type: Pass, Next: C }
  C:
    Type: Choice
    Choices:
      - { Variable: $.x, IsPresent: true, Next: T }
    Default: A
  T:
    Type: Task
    Resource: arn:aws:states:::lambda:invoke
    Catch:
      - { ErrorEquals: [States.ALL], Next: F }
    End: true
  F: { Type: Fail }
`,
    },
    {
      name: "a scope without a terminal state is require-terminal-state's finding only",
      code: `
StartAt: A
States:
  A: { Type: Pass, Next: A }
  B: { Type: Pass, Next: A }
`,
    },
    {
      name: "a StartAt that names no state is valid-start-at's finding only",
      code: `
StartAt: Nope
States:
  A: { Type: Succeed }
`,
    },
  ],
  invalid: [
    {
      code: `
StartAt: A
States:
  A: { Type: Succeed }
  B: { Type: Succeed }
`,
      errors: [{ messageId: 'unreachable', pointer: '/States/B', line: 5, column: 3, data: { name: 'B' } }],
    },
    {
      name: 'a cycle that nothing enters',
      code: `
StartAt: A
States:
  A: { Type: Succeed }
  X: { Type: Pass, Next: Y }
  Y: { Type: Pass, Next: X }
`,
      errors: [
        { messageId: 'onlyFromUnreachable', pointer: '/States/X', line: 5, column: 3, data: { name: 'X' } },
        { messageId: 'onlyFromUnreachable', pointer: '/States/Y', line: 6, column: 3, data: { name: 'Y' } },
      ],
    },
    {
      name: 'inside a Map processor',
      code: `
StartAt: M
States:
  M:
    Type: Map
    ItemProcessor:
      StartAt: P
      States:
        P: { Type: Pass, End: true }
        Q: { Type: Pass, End: true }
    End: true
`,
      errors: [{ messageId: 'unreachable', pointer: '/States/M/ItemProcessor/States/Q', line: 10, column: 9, data: { name: 'Q' } }],
    },
  ],
});
