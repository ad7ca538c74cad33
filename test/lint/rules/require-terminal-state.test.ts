import rule from '../../../src/lint/rules/require-terminal-state.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    { code: `{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}` },
    { name: 'a Fail state is terminal', code: `{"StartAt": "A", "States": {"A": {"Type": "Fail"}}}` },
    { name: "an empty States object is the schema's finding", code: `{"StartAt": "A", "States": {}}` },
  ],
  invalid: [
    {
      code: `{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "A"}}}`,
      errors: [{ messageId: 'missing', pointer: '/States', line: 1, column: 18 }],
    },
    {
      name: 'each branch needs its own',
      code: `
StartAt: P
States:
  P:
    Type: Parallel
    Branches:
      - StartAt: B
        States:
          B: { Type: Wait, Seconds: 1, Next: B }
    End: true
`,
      errors: [{ messageId: 'missing', pointer: '/States/P/Branches/0/States', line: 8, column: 9 }],
    },
  ],
});
