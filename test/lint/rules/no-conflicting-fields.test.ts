import rule from '../../../src/lint/rules/no-conflicting-fields.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      code: `
StartAt: F
States:
  F: { Type: Fail, Error: Oops, CausePath: $.reason }
`,
    },
    {
      name: "a Type that is not a state type is the schema's finding",
      code: `
StartAt: F
States:
  F: { Type: constructor, Error: Oops, ErrorPath: $.e }
`,
    },
  ],
  invalid: [
    {
      code: `
StartAt: F
States:
  F: { Type: Fail, Error: Oops, ErrorPath: $.error }
`,
      errors: [{ messageId: 'conflict', pointer: '/States/F/ErrorPath', line: 4, column: 33, data: { fields: 'Error, ErrorPath' } }],
    },
    {
      code: `
StartAt: T
States:
  T:
    Type: Task
    Resource: arn:aws:states:::lambda:invoke
    HeartbeatSeconds: 10
    HeartbeatSecondsPath: $.hb
    Credentials: { RoleArn: arn:aws:iam::123456789012:role/R, RoleArn.$: $.role }
    End: true
`,
      errors: [
        {
          messageId: 'conflict',
          pointer: '/States/T/HeartbeatSecondsPath',
          line: 8,
          column: 5,
          data: { fields: 'HeartbeatSeconds, HeartbeatSecondsPath' },
        },
        { messageId: 'conflict', pointer: '/States/T/Credentials/RoleArn.$', line: 9, column: 63, data: { fields: 'RoleArn, RoleArn.$' } },
      ],
    },
    {
      code: `
StartAt: M
States:
  M:
    Type: Map
    ItemsPath: $.items
    Items: [1, 2]
    ItemSelector: {}
    Parameters: {}
    ItemBatcher: { MaxItemsPerBatch: 5, MaxItemsPerBatchPath: $.n }
    ItemProcessor:
      StartAt: P
      States:
        P: { Type: Pass, End: true }
    End: true
`,
      errors: [
        { messageId: 'conflict', pointer: '/States/M/ItemsPath', line: 6, column: 5, data: { fields: 'Items, ItemsPath' } },
        { messageId: 'conflict', pointer: '/States/M/Parameters', line: 9, column: 5, data: { fields: 'ItemSelector, Parameters' } },
        {
          messageId: 'conflict',
          pointer: '/States/M/ItemBatcher/MaxItemsPerBatchPath',
          line: 10,
          column: 41,
          data: { fields: 'MaxItemsPerBatch, MaxItemsPerBatchPath' },
        },
      ],
    },
  ],
});
