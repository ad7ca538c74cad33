import { readFileSync } from 'node:fs';
import type { CorpusReport, RunOptions } from './judge.js';

/** TestState cases need single-state execution; not supported by this runner yet, so all are skipped. */
export async function runTestStateCorpus(file: string, options: RunOptions = {}): Promise<CorpusReport> {
  const ids = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { id: string }).id)
    .filter((id) => options.filter === undefined || id.includes(options.filter));
  return { passed: 0, failed: 0, skipped: ids.length, lines: [`teststate corpus ${file}`, `  not supported yet: ${ids.length} cases skipped`] };
}
