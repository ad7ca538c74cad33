import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/lint/index.js';
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

describe('no-duplicate-template-keys on a definition changed between lint calls', () => {
  it('reads the template as it is now, not as an earlier call saw it', () => {
    const parameters: Record<string, unknown> = { 'channel.$': '$.channel', channel: 'literal' };
    const definition = { StartAt: 'P', States: { P: { Type: 'Pass', Parameters: parameters, End: true } } };
    const duplicates = () => lint(definition).diagnostics.filter((d) => d.ruleId === 'no-duplicate-template-keys').map((d) => d.pointer);
    expect(duplicates()).toEqual(['/States/P/Parameters/channel']);
    delete parameters['channel'];
    expect(duplicates()).toEqual([]);
  });
});
