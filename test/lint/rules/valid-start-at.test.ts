import rule from '../../../src/lint/rules/valid-start-at.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      code: `
StartAt: A
States:
  A: { Type: Succeed }
`,
    },
    {
      name: 'a branch starts at one of its own states',
      code: `
StartAt: P
States:
  P:
    Type: Parallel
    Branches:
      - StartAt: B
        States:
          B: { Type: Succeed }
    End: true
`,
    },
  ],
  invalid: [
    {
      code: `
StartAt: Start
States:
  A: { Type: Succeed }
`,
      errors: [{ messageId: 'missing', pointer: '/StartAt', line: 2, column: 10, data: { name: 'Start' } }],
    },
    {
      name: 'a branch cannot start at a state of the enclosing machine',
      code: `
StartAt: P
States:
  P:
    Type: Parallel
    Branches:
      - StartAt: P
        States:
          B: { Type: Succeed }
    End: true
`,
      errors: [{ messageId: 'otherScope', pointer: '/States/P/Branches/0/StartAt', line: 7, column: 18, data: { name: 'P' } }],
    },
  ],
});
