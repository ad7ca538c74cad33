import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCorpora } from '../../scripts/conformance/corpora.js';
import { runLintCorpus } from '../../scripts/conformance/lint.js';
import { runValidationCorpus } from '../../scripts/conformance/validation.js';

// A corpus of one fixture in the shared corpus's format (../shared/conformance/README.md): the
// tests must not need the shared folder, which a fresh clone in CI does not have.
const fixture = 'asl-validator/src/__tests__/definitions/invalid-math-add.json';
const fixtureText = JSON.stringify({
  StartAt: 'validate input',
  States: { 'validate input': { Type: 'Pass', Parameters: { 'foo.$': "States.MathAdd(1,'-1')" }, ResultPath: '$.input', End: true } },
});

function withLintCorpus(test: (lintDir: string) => Promise<void> | void): () => Promise<void> {
  return async () => {
    const root = mkdtempSync(join(tmpdir(), 'aslkit-corpus-'));
    const lintDir = join(root, 'conformance', 'lint');
    mkdirSync(join(lintDir, dirname(fixture)), { recursive: true });
    writeFileSync(join(lintDir, fixture), fixtureText);
    const entry = { file: fixture, expected: 'invalid', expected_errors: null, source_repo: 'ChristopheBougere/asl-validator', license: 'Apache-2.0', format: 'json' };
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
      error: `no conformance corpus at ${path} (a lint folder with manifest.json or one of its fixtures, or an exec, teststate or validation .jsonl)`,
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
