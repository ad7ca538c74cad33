import { expect, it } from 'vitest';
import { createStateMachine, DefinitionError } from '../../../src/index.js';
import { lint } from '../../../src/lint/index.js';
import rule from '../../../src/lint/rules/no-unsupported-filter.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'filters the interpreter evaluates, paths without filters, placeholders and JSONata states',
      code: `
StartAt: A
States:
  A:
    Type: Pass
    InputPath: $.items[?(@.price < 10 && @.stock)]
    OutputPath: $..book[?(@.isbn)]
    Parameters:
      plain.$: $.a
      nested: { cheap.$: "$.items[?(@.tag == 'x' || @.n >= 2)]" }
      templated.$: $.items[?(@.n == \${Limit})]
    Next: B
  B:
    Type: Pass
    QueryLanguage: JSONata
    Output: "{% $states.input.items[price < 10] %}"
    End: true
`,
    },
  ],
  invalid: [
    {
      name: 'a method call, a regex match and a script step, in a path field and in templates',
      code: `
StartAt: A
States:
  A:
    Type: Pass
    InputPath: "$..[?(@.constructor.constructor('return process')())]"
    Parameters:
      list:
        - match.$: $.items[?(@.name =~ /a.*/)]
    ResultSelector:
      last.$: $.items[(@.length-1)]
    End: true
`,
      errors: [
        { messageId: 'unsupported', pointer: '/States/A/InputPath', line: 6, column: 16 },
        { messageId: 'unsupported', pointer: '/States/A/Parameters/list/0/match.$', line: 9, column: 20 },
        { messageId: 'unsupported', pointer: '/States/A/ResultSelector/last.$', line: 11, column: 15 },
      ],
    },
  ],
});

it('warns where createStateMachine refuses, so lint and the interpreter tell one story', () => {
  const definition = {
    StartAt: 'A',
    States: { A: { Type: 'Pass', InputPath: "$..[?(@.constructor.constructor('return process')())]", End: true } },
  };
  const result = lint(definition);
  expect(result.valid).toBe(true);
  expect(result.diagnostics.map((d) => [d.ruleId, d.severity, d.pointer])).toEqual([
    ['no-unsupported-filter', 'warning', '/States/A/InputPath'],
  ]);
  expect(() => createStateMachine(definition)).toThrow(DefinitionError);
});
