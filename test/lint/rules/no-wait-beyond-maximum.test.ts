import { expect, it } from 'vitest';
import { lint } from '../../../src/lint/index.js';
import rule from '../../../src/lint/rules/no-wait-beyond-maximum.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'the longest wait AWS runs, and waits it checks at run time',
      code: `
StartAt: A
States:
  A: { Type: Wait, Seconds: 2147483647, Next: B }
  B: { Type: Wait, SecondsPath: $.s, Next: C }
  C: { Type: Wait, Seconds: '{% $states.input.s %}', QueryLanguage: JSONata, End: true }
`,
    },
  ],
  invalid: [
    {
      name: 'a literal wait beyond what AWS runs, in either query language',
      code: `
StartAt: A
States:
  A: { Type: Wait, Seconds: 2147483648, Next: B }
  B: { Type: Wait, Seconds: 1e308, QueryLanguage: JSONata, End: true }
`,
      errors: [
        { messageId: 'tooLong', pointer: '/States/A/Seconds', line: 4, column: 29 },
        { messageId: 'tooLong', pointer: '/States/B/Seconds', line: 5, column: 29 },
      ],
    },
  ],
});

it('is a warning, so the definition AWS creates stays valid', () => {
  const result = lint({ StartAt: 'A', States: { A: { Type: 'Wait', Seconds: 2147483648, End: true } } });
  expect(result.valid).toBe(true);
  expect(result.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([['no-wait-beyond-maximum', 'warning']]);
});
