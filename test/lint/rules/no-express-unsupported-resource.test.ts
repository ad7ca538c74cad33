import rule from '../../../src/lint/rules/no-express-unsupported-resource.js';
import { ruleTester } from '../rule-tester.js';

const machine = `
StartAt: A
States:
  A: { Type: Task, Resource: "arn:aws:states:us-east-1:123456789012:activity:Work", Next: B }
  B: { Type: Task, Resource: "arn:aws:states:::ecs:runTask.sync", Next: C }
  C: { Type: Task, Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken", Next: D }
  D: { Type: Task, Resource: "arn:aws:states:::lambda:invoke", End: true }
`;

ruleTester(rule, {
  valid: [
    { name: 'STANDARD allows them all', code: machine },
    {
      name: 'a Distributed Map with STANDARD children inside an EXPRESS machine',
      type: 'EXPRESS',
      code: `
StartAt: M
States:
  M:
    Type: Map
    ItemProcessor:
      ProcessorConfig: { Mode: DISTRIBUTED, ExecutionType: STANDARD }
      StartAt: S
      States:
        S: { Type: Task, Resource: "arn:aws:states:::states:startExecution.sync:2", End: true }
    End: true
`,
    },
  ],
  invalid: [
    {
      type: 'EXPRESS',
      code: machine,
      errors: [
        { messageId: 'activity', pointer: '/States/A/Resource', line: 4, column: 30 },
        { messageId: 'sync', pointer: '/States/B/Resource', line: 5, column: 30 },
        { messageId: 'callback', pointer: '/States/C/Resource', line: 6, column: 30 },
      ],
    },
    {
      name: 'the EXPRESS children of a Distributed Map',
      code: `
StartAt: M
States:
  M:
    Type: Map
    ItemProcessor:
      ProcessorConfig: { Mode: DISTRIBUTED, ExecutionType: EXPRESS }
      StartAt: S
      States:
        S: { Type: Task, Resource: "arn:aws:states:::glue:startJobRun.sync", End: true }
    End: true
`,
      errors: [{ messageId: 'sync', pointer: '/States/M/ItemProcessor/States/S/Resource', line: 10, column: 36 }],
    },
  ],
});
