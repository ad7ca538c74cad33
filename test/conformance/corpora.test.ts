import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCorpora } from '../../scripts/conformance/corpora.js';
import { runLintCorpus } from '../../scripts/conformance/lint.js';
import { runRealworldCorpus } from '../../scripts/conformance/realworld.js';
import { runValidationCorpus } from '../../scripts/conformance/validation.js';

// A corpus of one fixture in the shared corpus's format (../shared/conformance/README.md): the
// tests must not need the shared folder, which a fresh clone in CI does not have.
const fixture = 'asl-validator/src/__tests__/definitions/invalid-math-add.json';
const fixtureText = JSON.stringify({
  StartAt: 'validate input',
  States: { 'validate input': { Type: 'Pass', Parameters: { 'foo.$': "States.MathAdd(1,'-1')" }, ResultPath: '$.input', End: true } },
});

function withLintCorpus(
  test: (lintDir: string) => Promise<void> | void,
  fields: Record<string, unknown> = {},
  text = fixtureText,
): () => Promise<void> {
  return async () => {
    const root = mkdtempSync(join(tmpdir(), 'aslkit-corpus-'));
    const lintDir = join(root, 'conformance', 'lint');
    mkdirSync(join(lintDir, dirname(fixture)), { recursive: true });
    writeFileSync(join(lintDir, fixture), text);
    const entry = { file: fixture, expected: 'invalid', expected_errors: null, source_repo: 'ChristopheBougere/asl-validator', license: 'Apache-2.0', format: 'json', ...fields };
    writeFileSync(join(lintDir, 'manifest.json'), JSON.stringify([entry]));
    try {
      await test(lintDir);
    } finally {
      rmSync(root, { recursive: true });
    }
  };
}

describe('findCorpora', () => {
  it(
    'runs one lint fixture by its manifest entry',
    withLintCorpus((lintDir) => {
      const found = findCorpora(join(lintDir, fixture));
      // The path is printed relative to the working directory.
      const corpora = 'corpora' in found ? found.corpora.map((c) => ({ ...c, path: resolve(c.path) })) : found;
      expect(corpora).toEqual([{ kind: 'lint', path: lintDir, entry: fixture }]);
    }),
  );

  it(
    'still takes the manifest, or the folder, as the whole corpus',
    withLintCorpus((lintDir) => {
      for (const path of [lintDir, join(lintDir, 'manifest.json')]) {
        expect(findCorpora(path)).toEqual({ corpora: [{ kind: 'lint', path: lintDir }] });
      }
    }),
  );

  it('says which corpus a file outside any is not in', () => {
    const path = resolve(import.meta.dirname, 'validation-messages.test.ts');
    expect(findCorpora(path)).toEqual({
      error: `no conformance corpus at ${path} (a lint or realworld folder with manifest.json or one of its fixtures, or an exec, teststate or validation .jsonl)`,
    });
  });
});

describe('runLintCorpus with one entry', () => {
  it(
    'reports that entry alone, in the corpus report format',
    withLintCorpus(async (lintDir) => {
      const report = await runLintCorpus(lintDir, { entry: fixture });
      expect({ passed: report.passed, failed: report.failed, skipped: report.skipped }).toEqual({ passed: 0, failed: 1, skipped: 0 });
      expect(report.lines.slice(1, 4)).toEqual([
        'agreement per source (disputed entries not counted):',
        '  ChristopheBougere/asl-validator: 0.0% (0/1)',
        '  all: 0.0% (0/1)',
      ]);
      expect(report.lines[5]).toMatch(/^ {2}asl-validator\/src\/__tests__\/definitions\/invalid-math-add\.json: expected invalid, got valid; valid-intrinsic-function @ /);
    }),
  );
});

describe('runLintCorpus reads what AWS decides', () => {
  const counts = (report: { passed: number; failed: number; skipped: number }) => [report.passed, report.failed, report.skipped];

  it(
    "judges by aws_verdict where it is given ('warning': valid with a warning)",
    withLintCorpus(async (lintDir) => {
      expect(counts(await runLintCorpus(lintDir))).toEqual([1, 0, 0]);
    }, { aws_verdict: 'warning' }),
  );

  it(
    'lints a cfn_properties entry as the DefinitionString of a resource with those properties',
    withLintCorpus(async (lintDir) => {
      expect(counts(await runLintCorpus(lintDir))).toEqual([1, 0, 0]);
    }, { expected: 'valid', cfn_properties: { DefinitionSubstitutions: { fn: 'arn:aws:lambda:us-east-1:123456789012:function:f' } } },
    JSON.stringify({ StartAt: 'T', States: { T: { Type: 'Task', Resource: '${fn}', TimeoutSeconds: 5, End: true } } })),
  );

  it(
    'without the substitution, the same entry is invalid (AWS receives the literal ${fn} as the Resource)',
    withLintCorpus(async (lintDir) => {
      expect(counts(await runLintCorpus(lintDir))).toEqual([1, 0, 0]);
    }, { expected: 'invalid', cfn_properties: { DefinitionSubstitutions: { other: 'x' } } },
    JSON.stringify({ StartAt: 'T', States: { T: { Type: 'Task', Resource: '${fn}', End: true } } })),
  );
});

describe('the realworld corpus', () => {
  it('is told apart from a lint corpus by its manifest, and run through the CLI one file at a time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aslkit-realworld-'));
    try {
      const good = JSON.stringify({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 1, End: true } } });
      const bad = JSON.stringify({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 1, Next: 'Gone' } } });
      writeFileSync(join(dir, 'good.asl.json'), good);
      writeFileSync(join(dir, 'bad.asl.json'), bad);
      const entries = [
        { file: 'good.asl.json', kind: 'definition', expected: 'valid' },
        { file: 'bad.asl.json', kind: 'definition', expected: 'valid' },
        { file: 'template.yaml', kind: 'template', expected: 'valid', definition_uri_broken: 'missing.asl.json' },
      ];
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ entries }));
      expect(findCorpora(dir)).toEqual({ corpora: [{ kind: 'realworld', path: dir }] });
      const report = await runRealworldCorpus(dir);
      expect([report.passed, report.failed, report.skipped]).toEqual([1, 1, 1]);
      expect(report.lines).toContain('  bad.asl.json: exit 1; require-terminal-state @ /States (1:16): Workflow has no terminal state');
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe('runValidationCorpus', () => {
  it('counts wording differences by default and lists them with --verbose', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aslkit-validation-'));
    const file = join(dir, 'cases.jsonl');
    const definition = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' } } });
    const wording = { code: 'MISSING_TRANSITION_TARGET', message: 'Worded otherwise', severity: 'ERROR' };
    const record = { id: 'C1', api: 'ValidateStateMachineDefinition', definition_text: definition, state_machine_type: 'STANDARD', valid: false, diagnostics: [wording] };
    writeFileSync(file, `${JSON.stringify(record)}\n`);
    try {
      const plain = await runValidationCorpus(file);
      expect(plain.lines.slice(1, 4)).toEqual([
        '  verdict equal to AWS: 100.0% (1/1)',
        '  first finding worded as AWS (invalid cases): 0.0% (0/1)',
        '  wording differences: 1 (--verbose lists them)',
      ]);
      expect(plain.lines).toHaveLength(5);
      const verbose = await runValidationCorpus(file, { verbose: true });
      expect(verbose.lines.slice(3)).toEqual([
        '  wording differences: 1',
        'disagreements (0):',
        'wording differences (1):',
        "  C1: AWS 'Worded otherwise', aslkit 'Workflow has no terminal state'",
      ]);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});
