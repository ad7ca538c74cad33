import rule from '../../../src/lint/rules/require-choice-default.js';
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
      - { Variable: $.x, IsPresent: true, Next: S }
    Default: S
  S: { Type: Succeed }
`,
    },
  ],
  invalid: [
    {
      code: `
StartAt: C
States:
  C:
    Type: Choice
    Choices:
      - { Variable: $.x, IsPresent: true, Next: S }
  S: { Type: Succeed }
`,
      errors: [{ messageId: 'missing', pointer: '/States/C', line: 4, column: 3, data: { name: 'C' } }],
    },
  ],
});
