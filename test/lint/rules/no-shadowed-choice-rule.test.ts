import rule from '../../../src/lint/rules/no-shadowed-choice-rule.js';
import { ruleTester } from '../rule-tester.js';

const targets = `
  A: { Type: Succeed }
  B: { Type: Succeed }
`;

ruleTester(rule, {
  valid: [
    {
      name: 'different values, operators or variables',
      code: `
StartAt: C
States:
  C:
    Type: Choice
    Choices:
      - { Variable: $.n, NumericGreaterThan: 10, Next: A }
      - { Variable: $.n, NumericGreaterThan: 0, Next: B }
      - { Variable: $.n, NumericLessThan: 10, Next: B }
      - { Variable: $.m, NumericGreaterThan: 10, Next: B }
      - And: [{ Variable: $.n, IsPresent: true }, { Variable: $.m, IsPresent: true }]
        Next: B
      - Or: [{ Variable: $.n, IsNull: true }, { Variable: $.x, IsPresent: true }]
        Next: B
    Default: A
${targets}`,
    },
    {
      name: 'an Or is not shadowed by one of its branches',
      code: `
StartAt: C
States:
  C:
    Type: Choice
    Choices:
      - { Variable: $.n, IsNull: true, Next: A }
      - Or: [{ Variable: $.n, IsNull: true }, { Variable: $.x, IsPresent: true }]
        Next: B
    Default: A
${targets}`,
    },
  ],
  invalid: [
    {
      name: 'a repeat of an earlier rule, with another Next',
      code: `
StartAt: C
States:
  C:
    Type: Choice
    Choices:
      - { Variable: $.status, StringEquals: done, Next: A }
      - { Variable: $.status, StringEquals: done, Next: B }
    Default: A
${targets}`,
      errors: [{ messageId: 'shadowed', pointer: '/States/C/Choices/1', line: 8, column: 9, data: { index: 1, by: 'Choices[0]' } }],
    },
    {
      name: 'an And that includes an earlier rule, and an Or whose branches earlier rules take',
      code: `
StartAt: C
States:
  C:
    Type: Choice
    Choices:
      - { Variable: $.a, BooleanEquals: true, Next: A }
      - { Variable: $.b, IsPresent: false, Next: A }
      - And: [{ Variable: $.c, IsPresent: true }, { Variable: $.a, BooleanEquals: true }]
        Next: B
      - Or: [{ Variable: $.b, IsPresent: false }, { Variable: $.a, BooleanEquals: true }]
        Next: B
      - Or: [{ Variable: $.z, IsPresent: true }, { Variable: $.y, IsPresent: true }]
        Next: B
      - { Variable: $.y, IsPresent: true, Next: A }
    Default: A
${targets}`,
      errors: [
        { messageId: 'shadowed', pointer: '/States/C/Choices/2', line: 9, column: 9, data: { index: 2, by: 'Choices[0]' } },
        { messageId: 'shadowed', pointer: '/States/C/Choices/3', line: 11, column: 9, data: { index: 3, by: 'Choices[0] and Choices[1]' } },
        { messageId: 'shadowed', pointer: '/States/C/Choices/5', line: 15, column: 9, data: { index: 5, by: 'Choices[4]' } },
      ],
    },
    {
      name: 'a JSONata Condition written twice',
      code: `
QueryLanguage: JSONata
StartAt: C
States:
  C:
    Type: Choice
    Choices:
      - { Condition: "{% $states.input.n > 1 %}", Next: A }
      - { Condition: "{% $states.input.n > 1 %} ", Next: B, Output: 1 }
    Default: A
${targets}`,
      errors: [{ messageId: 'shadowed', pointer: '/States/C/Choices/1', line: 9, column: 9, data: { index: 1, by: 'Choices[0]' } }],
    },
  ],
});
