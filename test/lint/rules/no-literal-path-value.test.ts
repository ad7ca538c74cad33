import rule from '../../../src/lint/rules/no-literal-path-value.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: '.$ fields, variable-like and other literals, Pass Result and JSONata states',
      code: `
StartAt: P
States:
  P:
    Type: Pass
    Parameters: { id.$: $.id, currency: $USD, price: $5.00, note: "costs $ 5", call: "States.Nope(" }
    Next: R
  R:
    Type: Pass
    Result: { id: $.id }
    Next: J
  J:
    Type: Pass
    QueryLanguage: JSONata
    Output: { id: $.id }
    End: true
`,
    },
  ],
  invalid: [
    {
      name: 'paths, context paths and intrinsic calls in nested objects, arrays, Assign and ItemSelector',
      code: `
StartAt: P
States:
  P:
    Type: Pass
    Parameters:
      order: { id: $.order.id, items: [{ sku: "$['sku']" }] }
      started: $$.Execution.StartTime
    Assign: { label: "States.Format('n {}', $.n)" }
    End: true
`,
      errors: [
        { messageId: 'path', data: { key: 'id', value: '$.order.id' }, pointer: '/States/P/Parameters/order/id', line: 7, column: 20 },
        { messageId: 'path', data: { key: 'sku', value: "$['sku']" }, pointer: '/States/P/Parameters/order/items/0/sku', line: 7, column: 47 },
        { messageId: 'path', data: { key: 'started', value: '$$.Execution.StartTime' }, pointer: '/States/P/Parameters/started', line: 8, column: 16 },
        { messageId: 'intrinsic', data: { key: 'label', value: "States.Format('n {}', $.n)" }, pointer: '/States/P/Assign/label', line: 9, column: 22 },
      ],
    },
  ],
});
