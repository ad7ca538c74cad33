import rule from '../../../src/lint/rules/no-undefined-variable.js';
import { longChain } from '../long-chain.js';
import { ruleTester } from '../rule-tester.js';

const readFirst = longChain(99, 95);

ruleTester(rule, {
  valid: [
    {
      name: 'JSONPath paths, intrinsic arguments, Choice paths and JSONata reads of assigned names',
      code: `
StartAt: Init
States:
  Init: { Type: Pass, Assign: { a: 1, b: 2, c: 3, d: [1] }, Next: Use }
  Use:
    Type: Pass
    InputPath: $a
    Parameters: { "x.$": "States.Format('{} $notAVariable', $b)", "y.$": $$.Execution.Id }
    Next: C
  C:
    Type: Choice
    Choices: [{ Variable: $c, NumericEqualsPath: $c, Next: M }]
    Default: M
  M:
    Type: Map
    QueryLanguage: JSONata
    Items: "{% $d %}"
    ItemProcessor:
      StartAt: P
      States: { P: { Type: Pass, QueryLanguage: JSONata, Output: "{% $map($d, $string) & $a %}", End: true } }
    End: true
`,
    },
    {
      name: 'assigned on some path before the read: a loop back, a Choice rule, a catcher, before the enclosing Map',
      code: `
StartAt: Init
States:
  Init: { Type: Pass, Assign: { items: [1] }, Next: Loop }
  Loop:
    Type: Choice
    Choices:
      - { Variable: $count, IsPresent: true, Next: Work }
      - { Variable: $.go, BooleanEquals: true, Assign: { count: 0 }, Next: Work }
    Default: Work
  Work:
    Type: Task
    Resource: arn:aws:states:::lambda:invoke
    Parameters: { "n.$": $count }
    Catch: [{ ErrorEquals: [States.ALL], Assign: { failed: true }, Next: Bump }]
    Next: Bump
  Bump: { Type: Pass, Assign: { "count.$": $failed }, Next: Each }
  Each:
    Type: Map
    ItemsPath: $items
    ItemProcessor: { StartAt: P, States: { P: { Type: Pass, OutputPath: $count, Next: P2 } , P2: { Type: Pass, Next: Loop2 }, Loop2: { Type: Pass, End: true } } }
    Next: Loop
`,
    },
    { name: 'an Assign far before the read', code: longChain(2, 90) },
  ],
  invalid: [
    {
      name: 'a read far before the only Assign',
      code: readFirst,
      errors: [{ messageId: 'notYetAssigned', pointer: '/States/S95/InputPath', line: 1, column: readFirst.indexOf('"$far"') + 1, data: { name: 'far' } }],
    },
    {
      name: 'read before the only assignment can have run',
      code: `
StartAt: Use
States:
  Use: { Type: Pass, InputPath: $later, Next: M }
  M:
    Type: Map
    Assign: { late: 1 }
    ItemProcessor: { StartAt: P, States: { P: { Type: Pass, QueryLanguage: JSONata, Output: "{% $late %}", End: true } } }
    Next: Set
  Set: { Type: Pass, Assign: { later: 1 }, End: true }
`,
      errors: [
        { messageId: 'notYetAssigned', pointer: '/States/Use/InputPath', line: 4, column: 33, data: { name: 'later' } },
        { messageId: 'notYetAssigned', pointer: '/States/M/ItemProcessor/States/P/Output', line: 8, column: 93, data: { name: 'late' } },
      ],
    },
    {
      code: `
StartAt: Par
States:
  Par:
    Type: Parallel
    Branches:
      - { StartAt: A, States: { A: { Type: Pass, Assign: { inner: 1 }, End: true } } }
      - { StartAt: B, States: { B: { Type: Pass, Parameters: { "v.$": $inner.x }, End: true } } }
    Next: Use
  Use: { Type: Pass, QueryLanguage: JSONata, Output: "{% $state.input & $inner %}", End: true }
`,
      errors: [
        { messageId: 'undefined', pointer: '/States/Par/Branches/1/States/B/Parameters/v.$', line: 8, column: 71, data: { name: 'inner' } },
        { messageId: 'undefined', pointer: '/States/Use/Output', line: 10, column: 54, data: { name: 'state' } },
        { messageId: 'undefined', pointer: '/States/Use/Output', line: 10, column: 54, data: { name: 'inner' } },
      ],
    },
    {
      name: 'an unknown member of $states',
      code: `
QueryLanguage: JSONata
StartAt: T
States:
  T: { Type: Pass, Output: { f: "{% $states.function %}", i: "{% $states.input.function %}" }, End: true }
`,
      errors: [{ messageId: 'statesMember', pointer: '/States/T/Output/f', line: 5, column: 33, data: { member: 'function' } }],
    },
    {
      name: 'a Distributed Map cannot read outer variables',
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
      errors: [{ messageId: 'distributed', pointer: '/States/M/ItemProcessor/States/P/OutputPath', line: 10, column: 46, data: { name: 'x' } }],
    },
  ],
});
