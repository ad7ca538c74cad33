import rule from '../../../src/lint/rules/valid-task-resource.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      code: `
StartAt: A
States:
  A: { Type: Task, Resource: "arn:aws:lambda:us-east-1:123456789012:function:Hello:$LATEST", Next: B }
  B: { Type: Task, Resource: "arn:aws-cn:states:cn-north-1:123456789012:activity:Work", Next: C }
  C: { Type: Task, Resource: "arn:aws-us-gov:states:::aws-sdk:s3:listObjectsV2", Next: D }
  D: { Type: Task, Resource: "\${NotifyFunctionArn}", Next: E }
  E: { Type: Task, Resource: "arn:aws:lambda:\${AWS::Region}:\${AWS::AccountId}:function:x", End: true }
`,
    },
  ],
  invalid: [
    {
      code: `
StartAt: A
States:
  A: { Type: Task, Resource: foo:bar, Next: B }
  B: { Type: Task, Resource: "arn:aws-iso:states:::lambda:invoke", Next: C }
  C: { Type: Task, Resource: "arn:aws:lambda:us-east-1:123456789012:function:Hello:", Next: D }
  D: { Type: Task, Resource: "\${Unclosed", End: true }
`,
      errors: [
        { messageId: 'notRecognized', pointer: '/States/A/Resource', line: 4, column: 30, data: { resource: 'foo:bar' } },
        { messageId: 'notRecognized', pointer: '/States/B/Resource', line: 5, column: 30, data: { resource: 'arn:aws-iso:states:::lambda:invoke' } },
        {
          messageId: 'notRecognized',
          pointer: '/States/C/Resource',
          line: 6,
          column: 30,
          data: { resource: 'arn:aws:lambda:us-east-1:123456789012:function:Hello:' },
        },
        { messageId: 'notRecognized', pointer: '/States/D/Resource', line: 7, column: 30, data: { resource: '${Unclosed' } },
      ],
    },
  ],
});
