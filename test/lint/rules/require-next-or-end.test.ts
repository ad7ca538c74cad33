import rule from '../../../src/lint/rules/require-next-or-end.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      code: `
StartAt: A
States:
  A: { Type: Pass, Next: B }
  B: { Type: Wait, Seconds: 1, End: true }
`,
    },
    {
      name: 'Choice, Succeed and Fail have neither',
      code: `
StartAt: C
States:
  C:
    Type: Choice
    Choices:
      - { Variable: $.x, IsPresent: true, Next: S }
    Default: F
  S: { Type: Succeed }
  F: { Type: Fail }
`,
    },
  ],
  invalid: [
    {
      code: `
StartAt: A
States:
  A: { Type: Pass }
`,
      errors: [{ messageId: 'missing', pointer: '/States/A', line: 4, column: 3, data: { name: 'A' } }],
    },
    {
      name: 'End: false counts as absent',
      code: `
StartAt: A
States:
  A: { Type: Pass, End: false }
`,
      errors: [{ messageId: 'endFalse', pointer: '/States/A', line: 4, column: 3, data: { name: 'A' } }],
    },
    {
      code: `
StartAt: A
States:
  A: { Type: Pass, Next: B, End: true }
  B: { Type: Succeed }
`,
      errors: [{ messageId: 'both', pointer: '/States/A/End', line: 4, column: 29 }],
    },
  ],
});
