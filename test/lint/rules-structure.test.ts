import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderRulePage, renderRulesTable } from '../../scripts/generate-docs.js';
import { lint, ruleDocsUrl } from '../../src/lint/index.js';
import { rules } from '../../src/lint/rules/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ruleFiles = readdirSync(join(ROOT, 'src/lint/rules'))
  .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
  .map((file) => file.slice(0, -'.ts'.length))
  .sort();

describe('the rule registry', () => {
  it('equals the files of src/lint/rules, sorted by id', () => {
    expect(rules.map((rule) => rule.meta.id)).toEqual(ruleFiles);
  });

  it('has no rule importing another: shared helpers live in src/lint/rule-utils.ts', () => {
    const imports = ruleFiles.flatMap((file) => {
      const text = readFileSync(join(ROOT, 'src/lint/rules', `${file}.ts`), 'utf8');
      return [...text.matchAll(/from '\.\/([^']+)'/g)].map((m) => `${file} -> ${m[1]}`);
    });
    expect(imports).toEqual([]);
  });

  it('has no duplicate ids', () => {
    expect(new Set(rules.map((rule) => rule.meta.id)).size).toBe(rules.length);
  });

  it('matches the rules table of README.md (npx tsx scripts/generate-docs.ts)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /<!-- rules:start -->\n([\s\S]*?)\n<!-- rules:end -->/.exec(readme);
    expect(block?.[1]).toBe(renderRulesTable(rules));
  });

  it('gives the docs URL of a rule', () => {
    expect(ruleDocsUrl('no-unreachable-state')).toBe('https://github.com/aslkit/aslkit/blob/main/docs/rules/no-unreachable-state.md');
  });
});

describe.each(rules.map((rule) => [rule.meta.id, rule] as const))('%s', (id, rule) => {
  const { meta } = rule;

  it('has a kebab-case id', () => {
    expect(id).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
  });

  it('has a description starting with Disallow, Require or Enforce, without a final period', () => {
    expect(meta.description).toMatch(/^(Disallow|Require|Enforce) /);
    expect(meta.description.endsWith('.')).toBe(false);
  });

  it('has messages, a rationale and examples of both kinds', () => {
    expect(Object.keys(meta.messages).length).toBeGreaterThan(0);
    expect(meta.docs.rationale.length).toBeGreaterThan(20);
    expect(meta.docs.valid.length).toBeGreaterThan(0);
    expect(meta.docs.invalid.length).toBeGreaterThan(0);
  });

  it('has a test file', () => {
    expect(existsSync(join(ROOT, 'test/lint/rules', `${id}.test.ts`))).toBe(true);
  });

  it('has an up-to-date docs page (npx tsx scripts/generate-docs.ts)', () => {
    const page = join(ROOT, 'docs/rules', `${id}.md`);
    expect(existsSync(page)).toBe(true);
    expect(readFileSync(page, 'utf8')).toBe(renderRulePage(rule));
  });

  it.each(meta.docs.invalid.map((example, i) => [i, example] as const))('invalid example #%i yields a finding of this rule', (_i, example) => {
    const result = lint(example.definition, { type: example.type ?? 'STANDARD' });
    expect(result.diagnostics.filter((d) => d.ruleId === id).length).toBeGreaterThan(0);
  });

  it.each(meta.docs.valid.map((example, i) => [i, example] as const))('valid example #%i yields no finding of this rule', (_i, example) => {
    const result = lint(example.definition, { type: example.type ?? 'STANDARD' });
    expect(result.diagnostics.filter((d) => d.ruleId === id)).toEqual([]);
  });
});
