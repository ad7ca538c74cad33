import rule from '../../../src/lint/rules/valid-payload-template.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'paths, context paths, variables and intrinsics at any depth; literal keys stay literal',
      code: `
StartAt: P
States:
  P:
    Type: Pass
    Parameters:
      id.$: $.order.id
      token.$: $$.Task.Token
      whole.$: $$
      nested:
        - plain
        - { sku.$: $sku, label.$: "States.Format('{}-{}', $.a, $.b)", deep: [{ n.$: "$.items[0]" }] }
      not-evaluated: $customerName
    Result: { TestResult.$: ConditionTrue }
    Assign: { count.$: "States.ArrayLength($.items)" }
    End: true
`,
    },
    {
      name: 'filters and template placeholders are not judged',
      code: `
StartAt: P
States:
  P:
    Type: Pass
    Parameters:
      FooBar.$: "States.ArrayGetItem($.Outputs[?(@.OutputKey == FooBar)].OutputValue, 0)"
      Sub.$: "\${PathFromTemplate}"
    End: true
`,
    },
    {
      name: 'JSONata states have no payload templates',
      code: `
QueryLanguage: JSONata
StartAt: P
States:
  P: { Type: Pass, Assign: { x.$: not a path }, End: true }
`,
    },
  ],
  invalid: [
    {
      name: 'the statelint parameter-path-problems cases',
      code: `
StartAt: P
States:
  P:
    Type: Pass
    Parameters:
      good1.$: $.g1
      bad1.$: 23
      bad2.$: "23"
      f3:
        bad3.$: [1, 2, 3]
        f5: [f6, { f7: { bad4.$: { f9: 1 }, good3.$: "$.x.y.z[2]" } }]
      bad5.$: $$23
    End: true
`,
      errors: [
        { messageId: 'invalid', data: { field: 'bad1.$' }, pointer: '/States/P/Parameters/bad1.$', line: 8, column: 15 },
        { messageId: 'invalid', data: { field: 'bad2.$' }, pointer: '/States/P/Parameters/bad2.$', line: 9, column: 15 },
        { messageId: 'invalid', data: { field: 'bad3.$' }, pointer: '/States/P/Parameters/f3/bad3.$', line: 11, column: 17 },
        { messageId: 'invalid', data: { field: 'bad4.$' }, pointer: '/States/P/Parameters/f3/f5/1/f7/bad4.$', line: 12, column: 34 },
        {
          messageId: 'invalidExpression',
          data: { field: 'bad5.$', detail: "Unexpected character '2' at position 2" },
          pointer: '/States/P/Parameters/bad5.$',
          line: 13,
          column: 15,
        },
      ],
    },
    {
      name: 'every template field of Task and Map, catchers and Choice rules',
      code: `
StartAt: T
States:
  T:
    Type: Task
    Resource: arn:aws:states:::lambda:invoke
    Credentials: { RoleArn.$: roleArn }
    ResultSelector: { r.$: "States.JsonToString($" }
    Catch: [{ ErrorEquals: [States.ALL], Assign: { e.$: error }, Next: C }]
    Next: C
  C:
    Type: Choice
    Choices: [{ Variable: $.x, IsPresent: true, Assign: { y.$: "" }, Next: M }]
    Default: M
  M:
    Type: Map
    ItemSelector: { v.$: value }
    ItemReader: { Resource: "arn:aws:states:::s3:getObject", Parameters: { Bucket.$: bucket } }
    ResultWriter: { Resource: "arn:aws:states:::s3:putObject", Parameters: { Prefix.$: prefix } }
    ItemBatcher: { BatchInput: { b.$: batch } }
    ItemProcessor:
      ProcessorConfig: { Mode: DISTRIBUTED, ExecutionType: STANDARD }
      StartAt: P
      States: { P: { Type: Pass, End: true } }
    End: true
`,
      errors: [
        { messageId: 'invalid', data: { field: 'RoleArn.$' }, pointer: '/States/T/Credentials/RoleArn.$', line: 7, column: 31 },
        {
          messageId: 'invalidExpression',
          data: { field: 'r.$', detail: "Expected ')' but found the end of the text" },
          pointer: '/States/T/ResultSelector/r.$',
          line: 8,
          column: 28,
        },
        { messageId: 'invalid', data: { field: 'e.$' }, pointer: '/States/T/Catch/0/Assign/e.$', line: 9, column: 57 },
        { messageId: 'invalid', data: { field: 'y.$' }, pointer: '/States/C/Choices/0/Assign/y.$', line: 13, column: 64 },
        { messageId: 'invalid', data: { field: 'v.$' }, pointer: '/States/M/ItemSelector/v.$', line: 17, column: 26 },
        { messageId: 'invalid', data: { field: 'Bucket.$' }, pointer: '/States/M/ItemReader/Parameters/Bucket.$', line: 18, column: 86 },
        { messageId: 'invalid', data: { field: 'Prefix.$' }, pointer: '/States/M/ResultWriter/Parameters/Prefix.$', line: 19, column: 88 },
        { messageId: 'invalid', data: { field: 'b.$' }, pointer: '/States/M/ItemBatcher/BatchInput/b.$', line: 20, column: 39 },
      ],
    },
  ],
});
