import rule from '../../../src/lint/rules/no-reserved-variable-name.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      code: `
StartAt: P
States:
  P: { Type: Pass, Assign: { state: 1, statesList: 2 }, End: true }
`,
    },
  ],
  invalid: [
    {
      code: `
StartAt: C
States:
  C:
    Type: Choice
    Choices: [{ Variable: $.a, IsPresent: true, Assign: { "states.$": $.a }, Next: D }]
    Default: D
  D: { Type: Pass, QueryLanguage: JSONata, Assign: { states: 1 }, End: true }
`,
      errors: [
        { messageId: 'reserved', pointer: '/States/C/Choices/0/Assign/states.$', line: 6, column: 59 },
        { messageId: 'reserved', pointer: '/States/D/Assign/states', line: 8, column: 54 },
      ],
    },
  ],
});
