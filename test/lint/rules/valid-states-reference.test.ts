import rule from '../../../src/lint/rules/valid-states-reference.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      code: `
QueryLanguage: JSONata
StartAt: T
States:
  T:
    Type: Task
    Resource: arn:aws:states:::lambda:invoke
    Arguments: { FunctionName: f, Payload: "{% $states.input %}" }
    Output: { r: "{% $states.result.Payload %}" }
    Assign: { r: "{% $states.result %}" }
    Catch: [{ ErrorEquals: [States.ALL], Output: "{% $states.errorOutput %}", Assign: { e: "{% $states.errorOutput.Cause %}" }, Next: P }]
    Next: P
  P: { Type: Pass, Output: "{% $states.context.Execution.Id %}", End: true }
`,
    },
    {
      name: 'JSONPath states are not read as JSONata',
      code: `
StartAt: P
States:
  P: { Type: Pass, Parameters: { a: "{% $states.result %}" }, End: true }
`,
    },
  ],
  invalid: [
    {
      code: `
QueryLanguage: JSONata
StartAt: T
States:
  T:
    Type: Task
    Resource: arn:aws:states:::lambda:invoke
    Arguments: { FunctionName: f, Payload: "{% $states.result %}" }
    Output: "{% $states.errorOutput %}"
    Catch: [{ ErrorEquals: [States.ALL], Output: "{% $states.result.Payload %}", Next: P }]
    Next: P
  P: { Type: Pass, Output: { x: ["{% $states.result %}"] }, End: true }
`,
      errors: [
        { messageId: 'result', pointer: '/States/T/Arguments/Payload', line: 8, column: 44, data: { location: 'Arguments/Payload', type: 'Task' } },
        { messageId: 'errorOutput', pointer: '/States/T/Output', line: 9, column: 13, data: { location: 'Output' } },
        { messageId: 'result', pointer: '/States/T/Catch/0/Output', line: 10, column: 50, data: { location: 'Catch[0]/Output', type: 'Task' } },
        { messageId: 'result', pointer: '/States/P/Output/x/0', line: 12, column: 34, data: { location: 'Output/x[0]', type: 'Pass' } },
      ],
    },
    {
      name: 'Choice conditions have no result',
      code: `
QueryLanguage: JSONata
StartAt: C
States:
  C:
    Type: Choice
    Choices: [{ Condition: "{% $states.result = 1 %}", Next: D }]
    Default: D
  D: { Type: Succeed }
`,
      errors: [{ messageId: 'result', pointer: '/States/C/Choices/0/Condition', line: 7, column: 28, data: { location: 'Choices[0]/Condition', type: 'Choice' } }],
    },
  ],
});
