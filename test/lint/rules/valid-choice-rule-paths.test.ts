import rule from '../../../src/lint/rules/valid-choice-rule-paths.js';
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
      - { Variable: $.total, NumericLessThanPath: "$$.Execution.Input.limit", Next: D }
      - And:
          - { Variable: $retries, IsPresent: true }
          - Not: { Variable: "$['a b'][0]", StringEqualsPath: $.other }
        Next: D
      - { Variable: "$.items[?(@.keep)]", IsPresent: true, Next: D }
    Default: D
  D: { Type: Succeed }
`,
    },
  ],
  invalid: [
    {
      name: 'an intrinsic function as the Variable',
      code: `
StartAt: C
States:
  C:
    Type: Choice
    Choices:
      - Variable: "States.ArrayContains($.clients.unique, 'null')"
        NumericEquals: 1
        Next: D
    Default: D
  D: { Type: Succeed }
`,
      errors: [
        { messageId: 'invalid', data: { detail: "Reference path didn't start with '$'" }, pointer: '/States/C/Choices/0/Variable', line: 7, column: 19 },
      ],
    },
    {
      name: 'multi-node paths in nested rules and …Path operators',
      code: `
StartAt: C
States:
  C:
    Type: Choice
    Choices:
      - Or:
          - { Variable: "$.a[*]", IsNull: true }
          - Not: { Variable: $.b, TimestampEqualsPath: "$..at" }
        Next: D
    Default: D
  D: { Type: Succeed }
`,
      errors: [
        { messageId: 'invalid', data: { detail: "Reference path can't contain '*'" }, pointer: '/States/C/Choices/0/Or/0/Variable', line: 8, column: 25 },
        {
          messageId: 'invalid',
          data: { detail: "Reference path can't contain '..'" },
          pointer: '/States/C/Choices/0/Or/1/Not/TimestampEqualsPath',
          line: 9,
          column: 56,
        },
      ],
    },
  ],
});
