import rule from '../../../src/lint/rules/no-jsonata-top-level-reference.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      code: `
QueryLanguage: JSONata
StartAt: P
States:
  P:
    Type: Pass
    Output:
      a: "{% $states.input.items[$.price > 10] %}"
      b: "{% $map($states.input.items, function($v) { $v.name }) %}"
      c: "{% $x.phone.number %}"
      d: "{% 'phone' %}"
    End: true
`,
    },
  ],
  invalid: [
    {
      code: `
QueryLanguage: JSONata
StartAt: E
States:
  E:
    Type: Pass
    Output: { v: "{% phone.number %}", w: "{% $ %}", x: "{% $$.a %}" }
    End: true
`,
      errors: [
        { messageId: 'topLevel', pointer: '/States/E/Output/v', line: 7, column: 18, data: { name: 'phone' } },
        { messageId: 'topLevel', pointer: '/States/E/Output/w', line: 7, column: 43, data: { name: '$' } },
        { messageId: 'topLevel', pointer: '/States/E/Output/x', line: 7, column: 57, data: { name: '$$' } },
      ],
    },
  ],
});
