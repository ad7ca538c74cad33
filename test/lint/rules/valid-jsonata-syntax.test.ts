import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/lint/index.js';
import rule from '../../../src/lint/rules/valid-jsonata-syntax.js';
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
    Output: { total: "{% $sum($states.input.items.(price * qty)) %}", n: "{%10%}" }
    Assign: { f: "{% ($double := function($v) { $v * 2 }; $double(2)) %}" }
    End: true
`,
    },
    {
      name: 'a JSONPath state holds literals',
      code: `
StartAt: P
States:
  P: { Type: Pass, Parameters: { a: "{% 10 + * 2 %}" }, End: true }
`,
    },
  ],
  invalid: [
    {
      name: 'the asl-validator fixtures',
      code: `
QueryLanguage: JSONata
StartAt: P
States:
  P:
    Type: Pass
    Output:
      arithmetic: "{% 10 + * 2 %}"
      jsonpath: "{% $.store.book[?(@.price < 10)].title %}"
      parens: "{% $sum($states.input.items.numbers %}"
    Assign: { top: { array: [{ child: "{% 420. %}" }] } }
    End: true
`,
      errors: [
        { messageId: 'invalid', pointer: '/States/P/Output/arithmetic', line: 8, column: 31, data: { message: 'Syntax error: 2', position: 12 } },
        {
          messageId: 'invalid',
          pointer: '/States/P/Output/jsonpath',
          line: 9,
          column: 34,
          data: { message: 'The symbol "?" cannot be used as a unary operator', position: 17 },
        },
        {
          messageId: 'invalid',
          pointer: '/States/P/Output/parens',
          line: 10,
          column: 52,
          data: { message: 'Expected ")" before end of expression', position: 37 },
        },
        { messageId: 'invalid', pointer: '/States/P/Assign/top/array/0/child', line: 11, column: 48, data: { message: 'Unexpected end of expression', position: 9 } },
      ],
    },
    {
      name: 'Choice conditions and catcher outputs',
      code: `
StartAt: T
States:
  T:
    Type: Task
    QueryLanguage: JSONata
    Resource: arn:aws:states:::lambda:invoke
    Arguments: { FunctionName: f }
    Catch: [{ ErrorEquals: [States.ALL], Output: "{% $states.errorOutput. %}", Next: C }]
    Next: C
  C:
    Type: Choice
    QueryLanguage: JSONata
    Choices: [{ Condition: "{% $states.input.a = %}", Next: D }]
    Default: D
  D: { Type: Succeed }
`,
      errors: [
        { messageId: 'invalid', pointer: '/States/T/Catch/0/Output', line: 9, column: 75 },
        { messageId: 'invalid', pointer: '/States/C/Choices/0/Condition', line: 14, column: 50 },
      ],
    },
  ],
});

describe('the JSONata and variable rules on arbitrary expressions', () => {
  it('never fail internally', () => {
    const token = fc.oneof(fc.constantFrom('$', '$$', '$states.result', '$x', 'a', '(', ')', '[', '{', '}', ':=', ';', "'", '1', '+', '?', '$eval(', 'function($v){'), fc.string({ maxLength: 3 }));
    const text = fc.array(token, { maxLength: 8 }).map((parts) => `{% ${parts.join(' ')} %}`);
    const value = fc.oneof(text, fc.jsonValue({ maxDepth: 1 }));
    const state = fc.record(
      {
        Type: fc.constantFrom('Task', 'Pass', 'Choice', 'Map'),
        Resource: fc.constant('arn:aws:states:::lambda:invoke'),
        Assign: fc.dictionary(fc.constantFrom('x', 'a', 'states', 'b.c'), value),
        Output: value,
        Arguments: value,
        Choices: fc.array(fc.record({ Condition: value, Next: fc.constant('A') }), { maxLength: 2 }),
        Catch: fc.array(fc.record({ ErrorEquals: fc.constant(['States.ALL']), Output: value, Next: fc.constant('A') }), { maxLength: 2 }),
        Next: fc.constantFrom('A', 'B'),
      },
      { requiredKeys: ['Type'] },
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('A', 'B'), state, { minKeys: 1 }), (states) => {
        const result = lint({ QueryLanguage: 'JSONata', StartAt: 'A', States: states });
        expect(result.diagnostics.filter((d) => d.message.startsWith('Internal error'))).toEqual([]);
      }),
      { numRuns: 200, seed: 20261126 },
    );
  });
});
