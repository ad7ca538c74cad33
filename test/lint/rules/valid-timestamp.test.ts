import { describe, expect, it } from 'vitest';
import rule, { isRfc3339 } from '../../../src/lint/rules/valid-timestamp.js';
import { ruleTester } from '../rule-tester.js';

describe('isRfc3339', () => {
  it.each([
    ['2016-03-05T21:29:29.243167252Z', true],
    ['2016-03-05T21:29:29+05:30', true],
    ['2016-03-05T21:29:29-00:00', true],
    ['2024-02-29T00:00:00Z', true],
    ['2016-03-05 21:29:29Z', false],
    ['2016-03-05t21:29:29Z', false],
    ['2016-03-05T21:29:29z', false],
    ['2016-12-05T21:29:29', false],
    ['2016-13-05T21:29:29Z', false],
    ['2016-12-05T25:29:29Z', false],
    ['2023-02-29T00:00:00Z', false],
    ['05-12-2016T21:29:29Z', false],
    ['2016-03-05T21:29:29+24:00', false],
  ])('%s -> %s', (text, expected) => {
    expect(isRfc3339(text)).toBe(expected);
  });
});

ruleTester(rule, {
  valid: [
    {
      code: `
StartAt: W
States:
  W: { Type: Wait, Timestamp: "2026-03-05T21:29:29.243Z", Next: C }
  C:
    Type: Choice
    Choices:
      - Not: { Variable: $.at, TimestampLessThan: "2026-03-05T21:29:29+01:00" }
        Next: D
      - { Variable: $.at, TimestampEqualsPath: $.other, Next: D }
    Default: D
  D: { Type: Succeed }
`,
    },
    {
      name: 'a JSONata expression',
      code: `
QueryLanguage: JSONata
StartAt: W
States:
  W: { Type: Wait, Timestamp: "{% $states.input.at %}", End: true }
`,
    },
  ],
  invalid: [
    {
      code: `
StartAt: W
States:
  W: { Type: Wait, Timestamp: "2026-03-05 21:29:29Z", Next: C }
  C:
    Type: Choice
    Choices:
      - And:
          - { Variable: $.at, TimestampGreaterThan: "2026-03-05T21:29:29", Next: D }
        Next: D
    Default: D
  D: { Type: Succeed }
`,
      errors: [
        { messageId: 'invalid', pointer: '/States/W/Timestamp', line: 4, column: 31 },
        { messageId: 'invalid', pointer: '/States/C/Choices/0/And/0/TimestampGreaterThan', line: 9, column: 53 },
      ],
    },
    {
      name: 'a JSONata expression under JSONPath is not a timestamp',
      code: `
StartAt: W
States:
  W: { Type: Wait, Timestamp: "{% $states.input.at %}", End: true }
`,
      errors: [{ messageId: 'invalid', pointer: '/States/W/Timestamp', line: 4, column: 31 }],
    },
  ],
});
