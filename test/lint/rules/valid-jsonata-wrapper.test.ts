import rule from '../../../src/lint/rules/valid-jsonata-wrapper.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'whole-string expressions, with or without inner spaces, at any depth',
      code: `
QueryLanguage: JSONata
StartAt: P
States:
  P:
    Type: Pass
    Output: { a: "{%$states.input%}", b: ["{% 1 %}"] }
    Assign: { x: "{% $states.input.x %}" }
    Next: W
  W: { Type: Wait, Seconds: 5, Next: C }
  C:
    Type: Choice
    Choices:
      - { Condition: "{% $x > 1 %}", Next: D }
      - { Condition: true, Next: D }
    Default: D
  D: { Type: Succeed }
`,
    },
    {
      name: 'literal fields and JSONPath states are not read as JSONata',
      code: `
StartAt: P
States:
  P:
    Type: Pass
    Comment: "{% not an expression"
    Parameters: { a: "{% 1" }
    Next: Q
  Q: { Type: Pass, QueryLanguage: JSONata, Comment: "50 %}", End: true }
`,
    },
    {
      name: 'strings that merely contain the delimiters are literals',
      code: `
QueryLanguage: JSONata
StartAt: P
States:
  P: { Type: Pass, Output: "use {% and %} like this", End: true }
`,
    },
  ],
  invalid: [
    {
      name: 'no closing and no opening delimiter',
      code: `
QueryLanguage: JSONata
StartAt: P
States:
  P:
    Type: Pass
    Output: "{% 10 %"
    Assign: { top: { array: [{ child: "10 %}" }] } }
    End: true
`,
      errors: [
        { messageId: 'unclosed', pointer: '/States/P/Output', line: 7, column: 13 },
        { messageId: 'unopened', pointer: '/States/P/Assign/top/array/0/child', line: 8, column: 39 },
      ],
    },
    {
      name: 'catchers, Choice rules and nested configuration objects',
      code: `
QueryLanguage: JSONata
StartAt: C
States:
  C:
    Type: Choice
    Choices:
      - { Condition: "{% $x", Next: M }
    Default: M
  M:
    Type: Map
    ItemReader: { Resource: "arn:aws:states:::s3:getObject", ReaderConfig: { InputType: JSON, MaxItems: "{% 5" }, Arguments: { Bucket: b, Key: k } }
    ItemProcessor: { ProcessorConfig: { Mode: DISTRIBUTED, ExecutionType: STANDARD }, StartAt: P, States: { P: { Type: Pass, End: true } } }
    Catch: [{ ErrorEquals: [States.ALL], Output: "$states.errorOutput %}", Next: F }]
    End: true
  F: { Type: Fail }
`,
      errors: [
        { messageId: 'unclosed', pointer: '/States/C/Choices/0/Condition', line: 8, column: 22 },
        { messageId: 'unclosed', pointer: '/States/M/ItemReader/ReaderConfig/MaxItems', line: 12, column: 105 },
        { messageId: 'unopened', pointer: '/States/M/Catch/0/Output', line: 14, column: 50 },
      ],
    },
    {
      name: 'a plain string where a number, an array or a boolean is expected',
      code: `
QueryLanguage: JSONata
StartAt: W
States:
  W: { Type: Wait, Seconds: "10", Next: C }
  C:
    Type: Choice
    Choices:
      - { Condition: "true", Next: M }
    Default: M
  M:
    Type: Map
    Items: "items"
    ItemProcessor: { StartAt: P, States: { P: { Type: Pass, End: true } } }
    End: true
`,
      errors: [
        { messageId: 'notExpression', pointer: '/States/W/Seconds', line: 5, column: 29, data: { field: 'Seconds', expected: 'an integer' } },
        { messageId: 'notExpression', pointer: '/States/C/Choices/0/Condition', line: 9, column: 22, data: { field: 'Condition', expected: 'a boolean' } },
        { messageId: 'notExpression', pointer: '/States/M/Items', line: 13, column: 12, data: { field: 'Items', expected: 'an array' } },
      ],
    },
  ],
});
