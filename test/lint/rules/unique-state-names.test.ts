import rule from '../../../src/lint/rules/unique-state-names.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      code: `
StartAt: P
States:
  P:
    Type: Parallel
    Branches:
      - StartAt: A
        States:
          A: { Type: Succeed }
      - StartAt: B
        States:
          B: { Type: Succeed }
    End: true
`,
    },
  ],
  invalid: [
    {
      name: 'the same name in two branches and in the root',
      code: `
StartAt: A
States:
  A:
    Type: Parallel
    Branches:
      - StartAt: B
        States:
          B: { Type: Succeed }
      - StartAt: B
        States:
          B: { Type: Succeed }
    Next: B
  B: { Type: Succeed }
`,
      errors: [
        {
          messageId: 'duplicate',
          pointer: '/States/A/Branches/0/States/B',
          line: 9,
          column: 11,
          data: { name: 'B', first: '/States/B' },
        },
        {
          messageId: 'duplicate',
          pointer: '/States/A/Branches/1/States/B',
          line: 12,
          column: 11,
          data: { name: 'B', first: '/States/B' },
        },
      ],
    },
  ],
});
