import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { lint } from '../../src/lint/index.js';
import type { CorpusReport, RunOptions } from './judge.js';
import { describeFinding, firstError, oneLine, percent, verdictOf } from './judge.js';

interface ManifestEntry {
  file: string;
  expected: 'valid' | 'invalid';
  source_repo: string;
  format: 'json' | 'yaml';
  divergence?: string;
  disputed?: boolean;
  cfn_properties?: Record<string, unknown>;
}

/**
 * The verdict aslkit should give. `resource-uri-not-arn`: AWS requires a Task Resource to be
 * an ARN, so the definition is invalid whatever statelint said. Other entries keep their
 * source's verdict (for `cfn-context`, placeholders count as substituted where AWS would
 * substitute them, which the template wrapper below lets the loader decide).
 */
function awsVerdict(entry: ManifestEntry): 'valid' | 'invalid' {
  return entry.divergence?.startsWith('resource-uri-not-arn') ? 'invalid' : entry.expected;
}

/**
 * The text to lint. A definition taken out of a CloudFormation resource goes back into one,
 * with the resource's other properties (DefinitionSubstitutions), so placeholders are judged
 * as AWS judges them at deploy time.
 */
function sourceOf(entry: ManifestEntry, text: string): { source: string; format: 'json' | 'yaml' | 'cloudformation' } {
  if (entry.cfn_properties === undefined) return { source: text, format: entry.format };
  const template = {
    Resources: {
      StateMachine: {
        Type: 'AWS::StepFunctions::StateMachine',
        Properties: { Definition: JSON.parse(text) as unknown, ...entry.cfn_properties },
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

const KNOWN_DIFFERENCES = join(import.meta.dirname, '..', '..', 'test', 'conformance', 'lint-known-differences.md');

/**
 * The corpus files lint-known-differences.md lists (every `…` path in a table row), each with
 * its section: 'follows AWS' (a justified verdict) or 'gap' (rows under "aslkit is wrong").
 */
function knownDifferences(): Map<string, 'follows AWS' | 'gap'> {
  const known = new Map<string, 'follows AWS' | 'gap'>();
  if (!existsSync(KNOWN_DIFFERENCES)) return known;
  let section: 'follows AWS' | 'gap' = 'follows AWS';
  for (const line of readFileSync(KNOWN_DIFFERENCES, 'utf8').split('\n')) {
    if (line.startsWith('## ')) section = /aslkit is wrong/i.test(line) ? 'gap' : 'follows AWS';
    const row = /^\|\s*`([^`]+)`/.exec(line);
    if (row) known.set(row[1] as string, section);
  }
  return known;
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
  const known = knownDifferences();
  const tally = { 'follows AWS': 0, gap: 0, unexplained: 0 };
  const peer = { agree: 0, total: 0, otherAgree: 0, otherTotal: 0 };

  for (const entry of manifest) {
    if (options.filter !== undefined && !entry.file.includes(options.filter)) continue;
    if (options.entry !== undefined && entry.file !== options.entry) continue;
    const expected = awsVerdict(entry);
    const text = readFileSync(join(dir, entry.file), 'utf8');
    const { source, format } = sourceOf(entry, text);
    const { diagnostics } = lint(source, { filename: entry.file, format });
    const got = verdictOf(diagnostics);
    const agree = got === expected;
    const line = `  ${entry.file}: expected ${expected}, got ${got}; ${oneLine(describeFinding(firstError(diagnostics) ?? diagnostics[0]))}`;

    if (entry.disputed) {
      skipped++;
      disputed.push(`${line}${agree ? ' (agrees)' : ''}`);
      continue;
    }
    if (validator !== undefined) {
      peer.total++;
      const peerAgrees = aslValidatorVerdict(validator, entry, text) === expected;
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
      const kind = known.get(entry.file);
      tally[kind ?? 'unexplained']++;
      disagreements.push(
        line +
          (entry.divergence === undefined ? '' : ` [divergence: ${entry.divergence.split(':')[0]}]`) +
          (kind === undefined ? '' : kind === 'gap' ? ' [known gap]' : ' [known difference: follows AWS]'),
      );
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
    `disagreements (${failed}; in test/conformance/lint-known-differences.md: ${tally['follows AWS']} follow AWS, ${tally.gap} known gaps; ${tally.unexplained} not listed):`,
    ...disagreements,
  );
  if (options.verbose) lines.push(`agreements (${passed}):`, ...agreements);
  lines.push(`disputed, reported but not counted (${disputed.length}):`, ...disputed);
  return { passed, failed, skipped, lines };
}
