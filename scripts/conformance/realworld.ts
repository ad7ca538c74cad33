import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusReport, RunOptions } from './judge.js';
import { oneLine } from './judge.js';

interface RealworldEntry {
  file: string;
  kind: 'definition' | 'template';
  expected: 'valid' | 'invalid';
  override?: string;
  definition_uri_broken?: string;
}

interface CliFinding {
  ruleId: string;
  severity: string;
  message: string;
  pointer?: string;
  line?: number;
  column?: number;
}

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'aslkit.js');
/** Two processes at a time: the corpus runs on small CI machines. */
const WORKERS = 2;

/** The built CLI must be at least as new as every source file it was built from. */
function buildIsCurrent(): boolean {
  const built = join(ROOT, 'dist', 'cli.js');
  if (!existsSync(built)) return false;
  const sources = readdirSync(join(ROOT, 'src'), { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
  const newest = Math.max(...sources.map((d) => statSync(join(d.parentPath, d.name)).mtimeMs));
  return statSync(built).mtimeMs >= newest;
}

function run(command: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 2;
      resolve({ code, stdout, stderr });
    });
  });
}

/** What rejected a file: its first error finding, or what the CLI said on stderr. */
function rejection(stdout: string, stderr: string): string {
  try {
    const results = JSON.parse(stdout) as { diagnostics?: CliFinding[] }[];
    for (const result of results) {
      const error = result.diagnostics?.find((d) => d.severity === 'error');
      if (error !== undefined) {
        const place = error.line === undefined ? '' : ` (${error.line}:${error.column ?? 0})`;
        return `${error.ruleId} @ ${error.pointer || '/'}${place}: ${error.message}`;
      }
    }
  } catch {
    // not JSON: the CLI failed before formatting
  }
  return stderr.trim() || stdout.trim() || 'no finding';
}

/**
 * Runs realworld/manifest.json through the built CLI as a user would: `aslkit lint <file>`, one
 * process per file, the exit code judged. `expected: valid` must exit 0, `expected: invalid`
 * must exit 1; entries whose DefinitionUri names a file the sample lacks are skipped.
 */
export async function runRealworldCorpus(dir: string, options: RunOptions = {}): Promise<CorpusReport> {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { entries: RealworldEntry[] };
  if (!buildIsCurrent()) {
    const build = await run('npm', ['run', 'build', '--silent'], ROOT);
    if (build.code !== 0) throw new Error(`npm run build failed:\n${build.stderr || build.stdout}`);
  }
  const entries = manifest.entries.filter(
    (e) => (options.filter === undefined || e.file.includes(options.filter)) && (options.entry === undefined || e.file === options.entry),
  );
  const skippedEntries = entries.filter((e) => e.definition_uri_broken !== undefined);
  const queue = entries.filter((e) => e.definition_uri_broken === undefined);
  const outcomes = new Map<RealworldEntry, { code: number; why: string }>();
  const worker = async (): Promise<void> => {
    for (let entry = queue.shift(); entry !== undefined; entry = queue.shift()) {
      const { code, stdout, stderr } = await run(process.execPath, [CLI, 'lint', '--format', 'json', '--no-color', entry.file], dir);
      outcomes.set(entry, { code, why: code === 0 ? '' : rejection(stdout, stderr) });
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, worker));

  let passed = 0;
  let failed = 0;
  const rejected: string[] = [];
  const wrong: string[] = [];
  for (const entry of entries) {
    const outcome = outcomes.get(entry);
    if (outcome === undefined) continue;
    const wanted = entry.expected === 'valid' ? 0 : 1;
    if (outcome.code === wanted) passed++;
    else failed++;
    if (outcome.code !== 0) {
      rejected.push(`  ${entry.file}: exit ${outcome.code}${outcome.code === wanted ? ' (expected: ' + oneLine(entry.override ?? 'invalid', 120) + ')' : ''}; ${oneLine(outcome.why, 300)}`);
    } else if (wanted !== 0) wrong.push(`  ${entry.file}: exit 0, expected invalid: ${oneLine(entry.override ?? '', 200)}`);
  }
  const lines = [`realworld corpus ${dir} (through bin/aslkit.js, one process per file)`];
  lines.push(`rejected files (${rejected.length}):`, ...rejected);
  if (wrong.length > 0) lines.push(`accepted but expected invalid (${wrong.length}):`, ...wrong);
  if (skippedEntries.length > 0) {
    lines.push(`skipped, DefinitionUri names a file the sample lacks (${skippedEntries.length}):`, ...skippedEntries.map((e) => `  ${e.file}`));
  }
  return { passed, failed, skipped: skippedEntries.length, lines };
}
