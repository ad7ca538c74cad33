import rule from '../../../src/lint/rules/state-name-length.js';
import { ruleTester } from '../rule-tester.js';

const long = 'x'.repeat(81);
const max = 'y'.repeat(80);

ruleTester(rule, {
  valid: [{ code: `{"StartAt": "${max}", "States": {"${max}": {"Type": "Succeed"}}}` }],
  invalid: [
    {
      code: `{"StartAt": "${long}", "States": {"${long}": {"Type": "Succeed"}}}`,
      errors: [{ messageId: 'tooLong', pointer: `/States/${long}`, line: 1, column: 109, data: { name: long, length: 81 } }],
    },
    {
      code: `{"StartAt": "", "States": {"": {"Type": "Succeed"}}}`,
      errors: [{ messageId: 'empty', pointer: '/States/', line: 1, column: 28 }],
    },
  ],
});
