import rule from '../../../src/lint/rules/valid-jsonata-function.js';
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
      a: "{% $partition($range(1, 10, 1), 3) %}"
      b: "{% $states.input.name.$uppercase() %}"
      c: "{% $states.input.name ~> $substring(1) %}"
      d: "{% ($f := function($x) { $x }; $f(1)) %}"
      e: "{% $hash('a', 'SHA-256') & $uuid() & $string($random()) %}"
    End: true
`,
    },
  ],
  invalid: [
    {
      code: `
QueryLanguage: JSONata
StartAt: P
States:
  P:
    Type: Pass
    Output:
      a: "{% $eval('1') %}"
      b: "{% $randomSeeded(1) %}"
      c: "{% $substring() %}"
    End: true
`,
      errors: [
        {
          messageId: 'invalid',
          pointer: '/States/P/Output/a',
          line: 8,
          column: 10,
          data: { detail: 'The function $eval is not available in Step Functions; use $parse to read a JSON string.' },
        },
        { messageId: 'invalid', pointer: '/States/P/Output/b', line: 9, column: 10, data: { detail: 'Unknown function $randomSeeded.' } },
        {
          messageId: 'invalid',
          pointer: '/States/P/Output/c',
          line: 10,
          column: 10,
          data: { detail: 'The function $substring takes 2 to 3 arguments, but was called with 0.' },
        },
      ],
    },
  ],
});
