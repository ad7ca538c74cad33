import rule from '../../../src/lint/rules/no-filter-in-reference-path.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'filters where a Path is allowed, and in an intrinsic argument',
      code: `
StartAt: P
States:
  P:
    Type: Pass
    InputPath: "$.items[?(@.keep)]"
    Parameters: { first.$: "States.ArrayGetItem($.items[?(@.keep)], 0)" }
    ResultPath: $.kept
    Next: F
  F: { Type: Fail, CausePath: "States.Format('{}', $.causes[?(@.main)])" }
`,
    },
  ],
  invalid: [
    {
      name: 'filters and scripts in reference-path fields of every kind',
      code: `
StartAt: M
States:
  M:
    Type: Map
    ItemsPath: "$.orders[?(@.open)]"
    ItemProcessor: { StartAt: P, States: { P: { Type: Pass, End: true } } }
    Catch: [{ ErrorEquals: [States.ALL], ResultPath: "$.errors[(@.length-1)]", Next: C }]
    Next: C
  C:
    Type: Choice
    Choices:
      - Not: { Variable: $.a, StringEqualsPath: "$.names[?(@.main)]" }
        Next: F
    Default: F
  F: { Type: Fail, ErrorPath: "$.errors[?(@.first)]" }
`,
      errors: [
        { messageId: 'filter', data: { field: 'ItemsPath', path: '$.orders[?(@.open)]' }, pointer: '/States/M/ItemsPath', line: 6, column: 16 },
        {
          messageId: 'filter',
          data: { field: 'ResultPath', path: '$.errors[(@.length-1)]' },
          pointer: '/States/M/Catch/0/ResultPath',
          line: 8,
          column: 54,
        },
        {
          messageId: 'filter',
          data: { field: 'StringEqualsPath', path: '$.names[?(@.main)]' },
          pointer: '/States/C/Choices/0/Not/StringEqualsPath',
          line: 13,
          column: 49,
        },
        { messageId: 'filter', data: { field: 'ErrorPath', path: '$.errors[?(@.first)]' }, pointer: '/States/F/ErrorPath', line: 16, column: 31 },
      ],
    },
  ],
});
