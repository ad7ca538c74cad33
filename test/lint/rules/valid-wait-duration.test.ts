import rule from '../../../src/lint/rules/valid-wait-duration.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      code: `
StartAt: A
States:
  A: { Type: Wait, Seconds: 0, Next: B }
  B: { Type: Wait, SecondsPath: $.s, Next: C }
  C: { Type: Wait, Timestamp: "2026-01-01T00:00:00Z", Next: D }
  D: { Type: Wait, TimestampPath: $.t, End: true }
`,
    },
  ],
  invalid: [
    {
      code: `
StartAt: A
States:
  A: { Type: Wait, Next: B }
  B: { Type: Wait, Seconds: 5, SecondsPath: $.s, TimestampPath: $.t, End: true }
`,
      errors: [
        { messageId: 'missing', pointer: '/States/A', line: 4, column: 3 },
        {
          messageId: 'several',
          pointer: '/States/B/SecondsPath',
          line: 5,
          column: 32,
          data: { fields: 'Seconds, SecondsPath, TimestampPath' },
        },
      ],
    },
  ],
});
