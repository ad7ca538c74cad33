import rule from '../../../src/lint/rules/no-variable-scope-conflict.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'sibling branches may reuse a name; the owner and its catchers may too',
      code: `
StartAt: Par
States:
  Par:
    Type: Parallel
    Assign: { a: 1 }
    Branches:
      - { StartAt: A, States: { A: { Type: Pass, Assign: { a: 1, x: 1 }, End: true } } }
      - { StartAt: B, States: { B: { Type: Pass, Assign: { x: 2 }, End: true } } }
    Catch: [{ ErrorEquals: [States.ALL], Assign: { x: 0 }, Next: F }]
    End: true
  F: { Type: Fail }
`,
    },
    {
      name: 'a distributed Map iteration is a child workflow',
      code: `
StartAt: Init
States:
  Init: { Type: Pass, Assign: { x: 1 }, Next: M }
  M:
    Type: Map
    ItemProcessor:
      ProcessorConfig: { Mode: DISTRIBUTED, ExecutionType: STANDARD }
      StartAt: P
      States: { P: { Type: Pass, Assign: { x: 2 }, End: true } }
    End: true
`,
    },
  ],
  invalid: [
    {
      code: `
StartAt: Init
States:
  Init: { Type: Pass, Assign: { total: 0, "count.$": $.n }, Next: Par }
  Par:
    Type: Parallel
    Branches:
      - StartAt: M
        States:
          M:
            Type: Map
            ItemProcessor:
              StartAt: P
              States: { P: { Type: Pass, Assign: { total: 1 }, End: true } }
            End: true
      - { StartAt: B, States: { B: { Type: Pass, QueryLanguage: JSONata, Assign: { count: "{% 1 %}" }, End: true } } }
    End: true
`,
      errors: [
        {
          messageId: 'conflict',
          pointer: '/States/Par/Branches/0/States/M/ItemProcessor/States/P/Assign/total',
          line: 14,
          column: 52,
          data: { name: 'total', outer: '/States/Init/Assign/total' },
        },
        {
          messageId: 'conflict',
          pointer: '/States/Par/Branches/1/States/B/Assign/count',
          line: 16,
          column: 84,
          data: { name: 'count', outer: '/States/Init/Assign/count.$' },
        },
      ],
    },
  ],
});
