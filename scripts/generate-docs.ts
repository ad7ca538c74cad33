/**
 * Writes docs/rules/<id>.md for every rule and for the findings that are not rules (parse,
 * schema…: src/lint/formatters/non-rules.ts), and the rules table of README.md (between
 * `<!-- rules:start -->` and `<!-- rules:end -->`), all from the rule metadata.
 * Run with `npx tsx scripts/generate-docs.ts`. When README.md is missing, the table is printed.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NonRuleMeta } from '../src/lint/formatters/non-rules.js';
import { NON_RULES } from '../src/lint/formatters/non-rules.js';
import { lint, ruleDocsUrl } from '../src/lint/index.js';
import type { RuleExample, RuleModule } from '../src/lint/rule.js';
import { rules } from '../src/lint/rules/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';
/** Long strings (a 1 MB example) are shown shortened. */
const MAX_SHOWN = 60;

function exampleJson(example: RuleExample): string {
  return JSON.stringify(
    example.definition,
    (_key, value: unknown) =>
      typeof value === 'string' && value.length > MAX_SHOWN ? `${value.slice(0, 20)}… (${value.length} characters)` : value,
    2,
  );
}

function renderExamples(heading: string, examples: readonly RuleExample[]): string[] {
  const out = [`### ${heading}`, ''];
  for (const example of examples) {
    const notes = [example.title, example.type === 'EXPRESS' ? 'Linted as an EXPRESS state machine.' : undefined].filter(
      (note): note is string => note !== undefined,
    );
    if (notes.length > 0) out.push(notes.join(' '), '');
    out.push('```json', exampleJson(example), '```', '');
  }
  return out;
}

export function renderRulePage(rule: RuleModule): string {
  const { meta } = rule;
  const lines = [
    `<!-- Generated from the rule's metadata by scripts/generate-docs.ts. Do not edit. -->`,
    `# ${meta.id}`,
    '',
    `${meta.description}.`,
    '',
    '| | |',
    '|---|---|',
    `| Default severity | ${meta.severity} |`,
    `| On by default | ${meta.recommended ? 'yes' : 'no'} |`,
    awsCodeRow(meta.awsCode),
    '',
    '## Why',
    '',
    meta.docs.rationale,
    '',
    '## Messages',
    '',
    ...Object.values<string>(meta.messages).map((message) => `- \`${message.trimEnd()}\``),
    '',
    '## Examples',
    '',
    ...renderExamples('Invalid', meta.docs.invalid),
    ...renderExamples('Valid', meta.docs.valid),
    ...configurationSection(meta.id),
  ];
  return lines.join('\n');
}

/** The AWS code row of a page's summary table. */
function awsCodeRow(code: string | undefined): string {
  return `| AWS code | ${code === undefined ? '(none: AWS does not report this)' : `\`${code}\``} |`;
}

/** How to turn a finding off or change its severity, from the API and the CLI. */
function configurationSection(id: string): string[] {
  return [
    '## Configuration',
    '',
    '```ts',
    `lint(definition, { rules: { '${id}': 'off' } }); // or 'warn' / 'error'`,
    '```',
    '',
    `CLI: \`aslkit lint --rule ${id}=off <files>\`.`,
    '',
  ];
}

/** A non-rule's page: as a rule's, with each example's findings as aslkit reports them today. */
export function renderNonRulePage(meta: NonRuleMeta): string {
  const examples = meta.docs.invalid.flatMap((example) => {
    const findings = lint(example.text, { format: 'auto' }).diagnostics.filter((d) => d.ruleId === meta.id);
    const rows = findings.map((d) => `${d.line ?? 0}:${d.column ?? 0}  ${d.severity}  ${d.message}  ${d.ruleId}`);
    return [...(example.title === undefined ? [] : [example.title, '']), `\`\`\`${example.format}`, example.text.trimEnd(), '```', '', 'aslkit reports:', '', '```text', ...rows, '```', ''];
  });
  const lines = [
    `<!-- Generated from src/lint/formatters/non-rules.ts by scripts/generate-docs.ts. Do not edit. -->`,
    `# ${meta.id}`,
    '',
    `${meta.description}.`,
    '',
    `Not a rule: reported by ${meta.reportedBy}.`,
    '',
    '| | |',
    '|---|---|',
    `| Severity | ${meta.severity} |`,
    `| Configurable | ${meta.configurable ? 'yes' : 'no: always reported'} |`,
    awsCodeRow(meta.awsCode),
    '',
    '## Why',
    '',
    meta.docs.rationale,
    '',
    '## Examples',
    '',
    '### Invalid',
    '',
    ...examples,
  ];
  if (meta.configurable) lines.push(...configurationSection(meta.id));
  return lines.join('\n');
}

export function renderRulesTable(list: readonly RuleModule[]): string {
  const rows = list.map(({ meta }) => {
    const link = `[\`${meta.id}\`](docs/rules/${meta.id}.md)`;
    return `| ${link} | ${meta.description} | ${meta.severity} | ${meta.awsCode === undefined ? '' : `\`${meta.awsCode}\``} |`;
  });
  return ['| Rule | Description | Default | AWS code |', '|---|---|---|---|', ...rows].join('\n');
}

function main(): void {
  const docsDir = join(ROOT, 'docs', 'rules');
  mkdirSync(docsDir, { recursive: true });
  const wanted = new Set([...rules.map((rule) => rule.meta.id), ...NON_RULES.map((meta) => meta.id)].map((id) => `${id}.md`));
  for (const file of readdirSync(docsDir)) {
    if (file.endsWith('.md') && !wanted.has(file)) rmSync(join(docsDir, file));
  }
  for (const rule of rules) writeFileSync(join(docsDir, `${rule.meta.id}.md`), renderRulePage(rule));
  for (const meta of NON_RULES) writeFileSync(join(docsDir, `${meta.id}.md`), renderNonRulePage(meta));
  console.log(`wrote ${rules.length + NON_RULES.length} pages to docs/rules (${ruleDocsUrl('<id>')})`);

  const table = renderRulesTable(rules);
  const readme = join(ROOT, 'README.md');
  if (!existsSync(readme)) {
    console.log(table);
    return;
  }
  const text = readFileSync(readme, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start === -1 || end < start) {
    console.log(`README.md has no ${START} … ${END} block; the table:\n${table}`);
    return;
  }
  writeFileSync(readme, `${text.slice(0, start + START.length)}\n${table}\n${text.slice(end)}`);
  console.log('updated the rules table in README.md');
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
