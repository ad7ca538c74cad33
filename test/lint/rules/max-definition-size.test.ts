import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/lint/index.js';
import rule from '../../../src/lint/rules/max-definition-size.js';
import { ruleTester } from '../rule-tester.js';

const withResult = (result: string): string =>
  JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Result: result, End: true } } });
// The compact definition without the Result text is 57 bytes.
const overhead = withResult('').length;

ruleTester(rule, {
  valid: [{ name: 'exactly 1 MB', code: withResult('x'.repeat(1048576 - overhead)) }],
  invalid: [
    {
      name: 'one byte over',
      code: withResult('x'.repeat(1048577 - overhead)),
      errors: [{ messageId: 'tooLarge', pointer: '', line: 1, column: 1, data: { size: 1048577 } }],
    },
    {
      name: 'multi-byte characters count in UTF-8',
      code: withResult('é'.repeat(524289)),
      errors: [{ messageId: 'tooLarge', pointer: '', line: 1, column: 1, data: { size: 1048578 + overhead } }],
    },
  ],
});

describe('a definition that is not JSON data (lint of an object)', () => {
  it('is reported, not an internal error', () => {
    const definition: Record<string, unknown> = { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } };
    definition['Comment'] = { self: definition };
    const findings = lint(definition).diagnostics.filter((d) => d.ruleId === 'max-definition-size');
    expect(findings.map((d) => [d.severity, d.pointer, d.message.split(' (')[0]])).toEqual([
      ['error', '', 'The definition is not JSON data'],
    ]);
  });
});
