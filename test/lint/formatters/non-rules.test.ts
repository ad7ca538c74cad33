import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderNonRulePage } from '../../../scripts/generate-docs.js';
import { CONFIGURABLE_NON_RULES, NON_RULES } from '../../../src/lint/formatters/non-rules.js';
import { lint } from '../../../src/lint/index.js';
import { rules } from '../../../src/lint/rules/index.js';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const definition = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Succeed' } } });

describe('the findings that are not rules', () => {
  it('are these five, none of them a rule id', () => {
    expect(NON_RULES.map((meta) => meta.id)).toEqual(['parse', 'schema', 'no-duplicate-keys', 'cloudformation-intrinsic', 'unsubstituted-placeholder']);
    expect(rules.filter((rule) => NON_RULES.some((meta) => meta.id === rule.meta.id))).toEqual([]);
  });

  it('all but parse can be configured, as lint() accepts', () => {
    expect(CONFIGURABLE_NON_RULES).toEqual(['schema', 'no-duplicate-keys', 'cloudformation-intrinsic', 'unsubstituted-placeholder']);
    for (const id of CONFIGURABLE_NON_RULES) expect(lint(definition, { rules: { [id]: 'warn' } }).diagnostics).toEqual([]);
    expect(lint(definition, { rules: { parse: 'off' } }).diagnostics.map((d) => d.message)).toEqual(["Unknown rule 'parse' in options.rules"]);
  });

  it('are pointed to under the README rules table, not listed in it', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const after = readme.slice(readme.indexOf('<!-- rules:end -->'));
    const table = readme.slice(readme.indexOf('<!-- rules:start -->'), readme.indexOf('<!-- rules:end -->'));
    for (const { id } of NON_RULES) {
      expect(after).toContain(`[\`${id}\`](docs/rules/${id}.md)`);
      expect(table).not.toContain(`docs/rules/${id}.md`);
    }
  });
});

describe.each(NON_RULES.map((meta) => [meta.id, meta] as const))('%s', (id, meta) => {
  it('has a description starting with Disallow, Require or Enforce, without a final period', () => {
    expect(meta.description).toMatch(/^(Disallow|Require|Enforce) /);
    expect(meta.description.endsWith('.')).toBe(false);
  });

  it('has an up-to-date docs page (npx tsx scripts/generate-docs.ts)', () => {
    expect(readFileSync(join(ROOT, 'docs/rules', `${id}.md`), 'utf8')).toBe(renderNonRulePage(meta));
  });

  it.each(meta.docs.invalid.map((example, i) => [i, example] as const))('example #%i yields this finding', (_i, example) => {
    expect(lint(example.text, { format: 'auto' }).diagnostics.filter((d) => d.ruleId === id)).not.toEqual([]);
  });
});
