import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { lint } from '../../src/lint/index.js';
import type { Diagnostic } from '../../src/definition/diagnostic.js';
import type { CorpusReport, RunOptions } from './judge.js';
import { describeFinding, firstError, oneLine, percent, verdictOf } from './judge.js';

interface ManifestEntry {
  file: string;
  expected: 'valid' | 'invalid';
  source_repo: string;
  format: 'json' | 'yaml';
  divergence?: string;
  disputed?: boolean;
  /** AWS's own verdict where it differs from the source's; `warning` is valid with at least one warning. */
  aws_verdict?: Verdict;
  cfn_properties?: Record<string, unknown>;
}

type Verdict = 'valid' | 'invalid' | 'warning';

/**
 * The verdict aslkit should give: `aws_verdict` where AWS's behaviour decides it; for
 * `resource-uri-not-arn`, invalid (AWS requires a Task Resource to be an ARN, whatever statelint
 * said); the source's verdict otherwise.
 */
function awsVerdict(entry: ManifestEntry): Verdict {
  if (entry.aws_verdict !== undefined) return entry.aws_verdict;
  return entry.divergence?.startsWith('resource-uri-not-arn') ? 'invalid' : entry.expected;
}

/** aslkit's verdict in the same terms: `warning` when valid with a warning and the entry asks for one. */
function verdictFor(expected: Verdict, diagnostics: readonly Diagnostic[]): Verdict {
  const verdict = verdictOf(diagnostics);
  if (verdict === 'invalid' || expected !== 'warning') return verdict;
  return diagnostics.some((d) => d.severity === 'warning') ? 'warning' : 'valid';
}

/**
 * The text to lint. A definition taken out of a CloudFormation resource goes back into one, as
 * its DefinitionString beside the resource's other properties (DefinitionSubstitutions), so
 * placeholders are judged as AWS judges them at deploy time.
 */
function sourceOf(entry: ManifestEntry, text: string): { source: string; format: 'json' | 'yaml' | 'cloudformation' } {
  if (entry.cfn_properties === undefined) return { source: text, format: entry.format };
  const template = {
    Resources: {
      StateMachine: {
        Type: 'AWS::StepFunctions::StateMachine',
        Properties: { DefinitionString: text, ...entry.cfn_properties },
      },
    },
  };
  return { source: JSON.stringify(template, null, 2), format: 'cloudformation' };
}

type AslValidator = (definition: unknown) => { isValid: boolean };

/** asl-validator's verdict (default options), for the `--peers` comparison on the same entries. */
function aslValidatorVerdict(validator: AslValidator, entry: ManifestEntry, text: string): 'valid' | 'invalid' {
  try {
    const definition: unknown = entry.format === 'yaml' ? parseYaml(text) : JSON.parse(text);
    return validator(definition).isValid ? 'valid' : 'invalid';
  } catch {
    return 'invalid';
  }
}

/** Runs lint/manifest.json: agreement per source, every disagreement, disputed entries apart. */
export async function runLintCorpus(dir: string, options: RunOptions = {}): Promise<CorpusReport> {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as ManifestEntry[];
  const perSource = new Map<string, { agree: number; total: number }>();
  const disagreements: string[] = [];
  const disputed: string[] = [];
  const agreements: string[] = [];
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const validator = options.peers ? (createRequire(import.meta.url)('asl-validator') as AslValidator) : undefined;
  const peer = { agree: 0, total: 0, otherAgree: 0, otherTotal: 0 };

  for (const entry of manifest) {
    if (options.filter !== undefined && !entry.file.includes(options.filter)) continue;
    if (options.entry !== undefined && entry.file !== options.entry) continue;
    const expected = awsVerdict(entry);
    const text = readFileSync(join(dir, entry.file), 'utf8');
    const { source, format } = sourceOf(entry, text);
    const { diagnostics } = lint(source, { filename: entry.file, format });
    const got = verdictFor(expected, diagnostics);
    const agree = got === expected;
    const line = `  ${entry.file}: expected ${expected}, got ${got}; ${oneLine(describeFinding(firstError(diagnostics) ?? diagnostics[0]))}`;

    if (entry.disputed) {
      skipped++;
      disputed.push(`${line}${agree ? ' (agrees)' : ''}`);
      continue;
    }
    if (validator !== undefined) {
      peer.total++;
      const peerAgrees = aslValidatorVerdict(validator, entry, text) === (expected === 'warning' ? 'valid' : expected);
      if (peerAgrees) peer.agree++;
      if (!entry.source_repo.endsWith('/asl-validator')) {
        peer.otherTotal++;
        if (peerAgrees) peer.otherAgree++;
      }
    }
    const stats = perSource.get(entry.source_repo) ?? { agree: 0, total: 0 };
    stats.total++;
    if (agree) {
      stats.agree++;
      passed++;
      if (options.verbose) agreements.push(`  ${entry.file}: ${expected}`);
    } else {
      failed++;
      disagreements.push(line + (entry.divergence === undefined ? '' : ` [divergence: ${entry.divergence.split(':')[0]}]`));
    }
    perSource.set(entry.source_repo, stats);
  }

  const lines = [`lint corpus ${dir}`, 'agreement per source (disputed entries not counted):'];
  for (const [source, stats] of [...perSource].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  ${source}: ${percent(stats.agree, stats.total)} (${stats.agree}/${stats.total})`);
  }
  lines.push(`  all: ${percent(passed, passed + failed)} (${passed}/${passed + failed})`);
  if (validator !== undefined) lines.push(`asl-validator 4 (default options) on the same entries: ${percent(peer.agree, peer.total)} (${peer.agree}/${peer.total}); without its own fixtures: ${percent(peer.otherAgree, peer.otherTotal)} (${peer.otherAgree}/${peer.otherTotal})`);
  lines.push(
    `disagreements (${failed}):`,
    ...disagreements,
  );
  if (options.verbose) lines.push(`agreements (${passed}):`, ...agreements);
  lines.push(`disputed, reported but not counted (${disputed.length}):`, ...disputed);
  return { passed, failed, skipped, lines };
}
