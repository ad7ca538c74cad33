// npm run conformance -- <corpus dir or file> [--filter text] [--verbose] [--peers]
// Measures aslkit against the conformance corpora (see ../shared/conformance/README.md) and
// ends with the line `N passed, N failed`. Exit 0 whatever the figures (it is a measurement);
// 2 on bad usage.
import { existsSync, readFileSync } from 'node:fs';
import type { Corpus } from './corpora.js';
import { findCorpora } from './corpora.js';
import type { CorpusReport, RunOptions } from './judge.js';
import { runLintCorpus } from './lint.js';
import { runRealworldCorpus } from './realworld.js';
import { runTestStateCorpus } from './teststate.js';
import { runValidationCorpus } from './validation.js';

const USAGE = 'usage: npm run conformance -- <corpus dir or file> [--filter text] [--verbose] [--peers]';

type ExecRunner = (file: string, options?: RunOptions) => Promise<CorpusReport>;

/** exec.ts belongs to the interpreter; until it exists its cases are skipped. */
async function runExec(file: string, options: RunOptions): Promise<CorpusReport> {
  const specifier = './exec.js';
  let runExecCorpus: ExecRunner | undefined;
  try {
    runExecCorpus = ((await import(specifier)) as { runExecCorpus?: ExecRunner }).runExecCorpus;
  } catch (error) {
    // Only a missing exec.ts means "not yet"; any other failure is the runner's and must show.
    if ((error as { code?: unknown }).code !== 'ERR_MODULE_NOT_FOUND' || !String(error).includes('exec')) throw error;
  }
  if (runExecCorpus === undefined) {
    const cases = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').length;
    return { passed: 0, failed: 0, skipped: cases, lines: [`exec corpus ${file}`, `  no exec runner (scripts/conformance/exec.ts) yet: ${cases} cases skipped`] };
  }
  return runExecCorpus(file, options);
}

function run({ kind, path, entry }: Corpus, options: RunOptions): Promise<CorpusReport> {
  switch (kind) {
    case 'lint':
      return runLintCorpus(path, entry === undefined ? options : { ...options, entry });
    case 'realworld':
      return runRealworldCorpus(path, entry === undefined ? options : { ...options, entry });
    case 'validation':
      return runValidationCorpus(path, options);
    case 'teststate':
      return runTestStateCorpus(path, options);
    case 'exec':
      return runExec(path, options);
  }
}

async function main(argv: string[]): Promise<number> {
  const options: RunOptions = {};
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--verbose') options.verbose = true;
    else if (arg === '--peers') options.peers = true;
    else if (arg === '--filter' && argv[i + 1] !== undefined) options.filter = argv[++i] as string;
    else if (arg.startsWith('--filter=')) options.filter = arg.slice('--filter='.length);
    else if (arg.startsWith('-')) {
      console.error(`unknown option '${arg}'\n${USAGE}`);
      return 2;
    } else paths.push(arg);
  }
  if (paths.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const path = paths[0] as string;
  if (!existsSync(path)) {
    console.error(`no such file or directory: ${path}\n${USAGE}`);
    return 2;
  }
  const found = findCorpora(path);
  if ('error' in found) {
    console.error(found.error);
    return 2;
  }
  const corpora = found.corpora;

  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const summary: string[] = [];
  for (const corpus of corpora) {
    const report = await run(corpus, options);
    console.log(report.lines.join('\n'));
    console.log('');
    summary.push(`  ${corpus.kind} (${corpus.path}): ${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped`);
    passed += report.passed;
    failed += report.failed;
    skipped += report.skipped;
  }
  if (corpora.length > 1) console.log(['summary:', ...summary].join('\n'));
  if (skipped > 0) console.log(`${skipped} skipped`);
  console.log(`${passed} passed, ${failed} failed`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
