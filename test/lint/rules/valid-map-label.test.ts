import rule from '../../../src/lint/rules/valid-map-label.js';
import { ruleTester } from '../rule-tester.js';

const map = (label: string): string => `
StartAt: M
States:
  M:
    Type: Map
    Label: ${JSON.stringify(label)}
    ItemProcessor:
      StartAt: P
      States:
        P: { Type: Pass, End: true }
    End: true
`;

ruleTester(rule, {
  valid: [{ code: map('resize-images_2') }, { code: map('x'.repeat(40)) }],
  invalid: [
    { code: map(''), errors: [{ messageId: 'empty', pointer: '/States/M/Label', line: 6, column: 12 }] },
    { code: map('x'.repeat(41)), errors: [{ messageId: 'tooLong', pointer: '/States/M/Label', line: 6, column: 12, data: { length: 41 } }] },
    {
      code: map('resize images'),
      errors: [{ messageId: 'invalidCharacter', pointer: '/States/M/Label', line: 6, column: 12, data: { character: "' '" } }],
    },
    {
      code: map('a\u0085b'),
      errors: [{ messageId: 'invalidCharacter', pointer: '/States/M/Label', line: 6, column: 12, data: { character: "'\\x85'" } }],
    },
    {
      code: map('tab\there'),
      errors: [{ messageId: 'invalidCharacter', pointer: '/States/M/Label', line: 6, column: 12, data: { character: "'\\t'" } }],
    },
  ],
});
