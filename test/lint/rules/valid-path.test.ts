import rule from '../../../src/lint/rules/valid-path.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'input, context and variable paths, null, and a multi-node path',
      code: `
StartAt: P
States:
  P: { Type: Pass, InputPath: $, OutputPath: "$$.Execution.Input", Next: Q }
  Q: { Type: Pass, InputPath: $order.lines, OutputPath: null, Next: R }
  R: { Type: Pass, InputPath: "$..price", OutputPath: "$.items[*].id", End: true }
`,
    },
    {
      name: 'a filter is not judged (Jayway accepts more filters than the linter knows)',
      code: `
StartAt: P
States:
  P: { Type: Pass, OutputPath: "$.items[?(@.OutputKey == FooBar)]", End: true }
`,
    },
    {
      name: 'a template placeholder is substituted before AWS validates',
      code: `
StartAt: P
States:
  P: { Type: Pass, InputPath: "\${InputSelector}", End: true }
`,
    },
    {
      name: 'JSONata states have no InputPath (the schema reports it)',
      code: `
QueryLanguage: JSONata
StartAt: P
States:
  P: { Type: Pass, InputPath: nope, End: true }
`,
    },
  ],
  invalid: [
    {
      name: 'a path that does not start with $',
      code: `
StartAt: P
States:
  P: { Type: Pass, InputPath: bug$.library.movies, OutputPath: "$.a b", End: true }
`,
      errors: [
        { messageId: 'invalid', data: { detail: "Path didn't start with '$'" }, pointer: '/States/P/InputPath', line: 4, column: 31 },
        {
          messageId: 'invalid',
          data: { detail: "Use bracket notation ['my prop'] if a property contains blank characters" },
          pointer: '/States/P/OutputPath',
          line: 4,
          column: 64,
        },
      ],
    },
    {
      name: 'an intrinsic call where a Path belongs',
      code: `
StartAt: P
States:
  P:
    Type: Pass
    InputPath: "States.Format('{} xyz {}', 1, 'def')"
    End: true
`,
      errors: [{ messageId: 'intrinsic', data: { field: 'InputPath' }, pointer: '/States/P/InputPath', line: 6, column: 16 }],
    },
    {
      name: 'an empty string, in a Parallel branch',
      code: `
StartAt: Par
States:
  Par:
    Type: Parallel
    Branches:
      - StartAt: A
        States:
          A: { Type: Succeed, OutputPath: "" }
    End: true
`,
      errors: [{ messageId: 'invalid', data: { detail: "Path didn't start with '$'" }, pointer: '/States/Par/Branches/0/States/A/OutputPath', line: 9, column: 43 }],
    },
  ],
});
