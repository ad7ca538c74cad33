import rule from '../../../src/lint/rules/no-duplicate-template-keys.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'the same name in different objects',
      code: `
StartAt: P
States:
  P:
    Type: Pass
    Parameters: { channel.$: $.channel, message: { channel: literal } }
    Result: { a: 1 }
    End: true
`,
    },
  ],
  invalid: [
    {
      name: 'a literal key and its .$ twin, in nested objects and arrays',
      code: `
StartAt: T
States:
  T:
    Type: Task
    Resource: arn:aws:lambda:us-east-1:123456789012:function:f
    Parameters:
      slackMessage:
        channel.$: $.slackErrorChannel
        channel: conflicting field
        blocks:
          - text: { type: mrkdwn, type.$: $.format }
    Assign: { x: 1, x.$: $.x }
    End: true
`,
      errors: [
        {
          messageId: 'duplicate',
          data: { name: 'channel', first: 'channel.$', second: 'channel' },
          pointer: '/States/T/Parameters/slackMessage/channel',
          line: 10,
          column: 9,
        },
        {
          messageId: 'duplicate',
          data: { name: 'type', first: 'type', second: 'type.$' },
          pointer: '/States/T/Parameters/slackMessage/blocks/0/text/type.$',
          line: 12,
          column: 35,
        },
        { messageId: 'duplicate', data: { name: 'x', first: 'x', second: 'x.$' }, pointer: '/States/T/Assign/x.$', line: 13, column: 21 },
      ],
    },
  ],
});
