import rule from '../../../src/lint/rules/valid-variable-name.js';
import { ruleTester } from '../rule-tester.js';

const LONG = 'a'.repeat(81);

ruleTester(rule, {
  valid: [
    {
      code: `
StartAt: P
States:
  P:
    Type: Pass
    Assign: { orderId: 1, "total.$": $.total, _private: 2, "número": 3, ${'b'.repeat(80)}: 4 }
    End: true
`,
    },
  ],
  invalid: [
    {
      code: `
StartAt: T
States:
  T:
    Type: Task
    Resource: arn:aws:states:::lambda:invoke
    Parameters: { FunctionName: f }
    Assign: { "order.id": 1, "items[0].$": $.x, top-level: 2, 1st: 3, ${LONG}: 4 }
    Catch: [{ ErrorEquals: [States.ALL], Assign: { "a b": 1 }, Next: F }]
    End: true
  F: { Type: Fail }
`,
      errors: [
        { messageId: 'invalid', pointer: '/States/T/Assign/order.id', line: 8, column: 15, data: { name: 'order.id' } },
        { messageId: 'invalid', pointer: '/States/T/Assign/items[0].$', line: 8, column: 30, data: { name: 'items[0]' } },
        { messageId: 'invalid', pointer: '/States/T/Assign/top-level', line: 8, column: 49, data: { name: 'top-level' } },
        { messageId: 'invalid', pointer: '/States/T/Assign/1st', line: 8, column: 63, data: { name: '1st' } },
        { messageId: 'tooLong', pointer: `/States/T/Assign/${LONG}`, line: 8, column: 71, data: { name: LONG, length: 81 } },
        { messageId: 'invalid', pointer: '/States/T/Catch/0/Assign/a b', line: 9, column: 52, data: { name: 'a b' } },
      ],
    },
    {
      name: 'under JSONata a .$ suffix is part of the key',
      code: `
QueryLanguage: JSONata
StartAt: P
States:
  P: { Type: Pass, Assign: { "x.$": "{% 1 %}" }, End: true }
`,
      errors: [{ messageId: 'invalid', pointer: '/States/P/Assign/x.$', line: 5, column: 30, data: { name: 'x.$' } }],
    },
  ],
});
