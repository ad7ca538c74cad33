import rule from '../../../src/lint/rules/no-unused-variable.js';
import { longChain } from '../long-chain.js';
import { ruleTester } from '../rule-tester.js';

const readFirst = longChain(5, 2);

ruleTester(rule, {
  valid: [
    { name: 'read far after the Assign', code: longChain(2, 90) },
    {
      name: 'read later, read in a nested iteration, read by a catcher',
      code: `
StartAt: Init
States:
  Init: { Type: Pass, Assign: { a: 1, b: 2 }, Next: M }
  M:
    Type: Map
    ItemProcessor:
      StartAt: P
      States: { P: { Type: Pass, QueryLanguage: JSONata, Output: "{% $a %}", End: true } }
    Catch: [{ ErrorEquals: [States.ALL], Assign: { "c.$": $b }, Next: F }]
    End: true
  F: { Type: Fail, QueryLanguage: JSONata, Cause: "{% $c %}" }
`,
    },
  ],
  invalid: [
    {
      code: `
StartAt: Init
States:
  Init: { Type: Pass, Assign: { used: 1, unused: 2 }, Next: Par }
  Par:
    Type: Parallel
    Branches:
      - { StartAt: A, States: { A: { Type: Pass, Assign: { inner: "$used" }, End: true } } }
    Next: Read
  Read: { Type: Pass, Parameters: { "x.$": $inner, "y.$": $used }, End: true }
`,
      errors: [
        { messageId: 'unused', pointer: '/States/Init/Assign/unused', line: 4, column: 42, data: { name: 'unused' } },
        { messageId: 'unused', pointer: '/States/Par/Branches/0/States/A/Assign/inner', line: 8, column: 60, data: { name: 'inner' } },
      ],
    },
    {
      name: 'reassigned where nothing after reads it; a loop back reads it again',
      code: `
StartAt: S0
States:
  S0: { Type: Pass, Assign: { answer: 42, n: 0 }, Next: S1 }
  S1: { Type: Pass, OutputPath: $answer, Assign: { answer: 0 }, Next: Loop }
  Loop: { Type: Pass, Parameters: { "n.$": $n }, Assign: { n: 1 }, Next: Check }
  Check:
    Type: Choice
    Choices: [{ Variable: $.again, BooleanEquals: true, Next: Loop }]
    Default: Done
  Done: { Type: Succeed }
`,
      errors: [{ messageId: 'notReadAfter', pointer: '/States/S1/Assign/answer', line: 5, column: 52, data: { name: 'answer' } }],
    },
    {
      name: 'a Distributed Map iteration cannot read it',
      code: `
StartAt: Init
States:
  Init: { Type: Pass, Assign: { x: 1 }, Next: M }
  M:
    Type: Map
    ItemProcessor:
      ProcessorConfig: { Mode: DISTRIBUTED, ExecutionType: STANDARD }
      StartAt: P
      States: { P: { Type: Pass, OutputPath: $x, End: true } }
    End: true
`,
      errors: [{ messageId: 'unused', pointer: '/States/Init/Assign/x', line: 4, column: 33, data: { name: 'x' } }],
    },
    {
      name: 'read only before the Assign, in a chain longer than a short forward search',
      code: readFirst,
      errors: [{ messageId: 'notReadAfter', pointer: '/States/S5/Assign/far', line: 1, column: readFirst.indexOf('"far"') + 1, data: { name: 'far' } }],
    },
  ],
});
