import { readFileSync } from 'node:fs';
import { lint } from '../../src/lint/index.js';
import type { CorpusReport, RunOptions } from './judge.js';
import { describeFinding, firstError, oneLine, percent, verdictOf } from './judge.js';

interface ValidationCase {
  id: string;
  api: 'ValidateStateMachineDefinition' | 'CreateStateMachine';
  definition_text: string;
  state_machine_type: 'STANDARD' | 'EXPRESS';
  valid: boolean;
  error_message?: string;
  diagnostics?: { code: string; message: string; location?: string; severity: string }[];
}

/**
 * AWS's messages for one case. ValidateStateMachineDefinition lists diagnostics;
 * CreateStateMachine folds them into `Invalid State Machine Definition: 'CODE: message at
 * location, …'` (ASL-NOTES §8.1). LocalStack's recording of a few label cases holds
 * `Args=['…']` instead; the text inside is the message.
 */
export function awsMessages(c: ValidationCase): string[] {
  if (c.diagnostics !== undefined) return c.diagnostics.map((d) => d.message.trim());
  const text = c.error_message ?? '';
  const folded = /^Invalid State Machine Definition: '([\s\S]*)'$/.exec(text);
  if (folded) {
    return (folded[1] as string)
      .split(/, (?=[A-Z_]+: )/)
      .map((part) => part.replace(/^[A-Z_]+: /, '').replace(/ at (\/\S*|null)$/, '').trim());
  }
  const args = /Args=\[(['"])([\s\S]*?)\1\]/.exec(text);
  if (args) return [unescapePython(args[2] as string)];
  return text === '' ? [] : [text];
}

/** The text of a Python string literal body (LocalStack recorded the repr of its ValueError). */
function unescapePython(body: string): string {
  const simple: Record<string, string> = { t: '\t', r: '\r', n: '\n', '\\': '\\', "'": "'", '"': '"' };
  return body.replace(/\\(x[0-9a-fA-F]{2}|.)/g, (all, escape: string) =>
    escape.startsWith('x') && escape.length === 3 ? String.fromCharCode(parseInt(escape.slice(1), 16)) : (simple[escape] ?? all),
  );
}

/** Cases whose verdict depends on reading expressions (JSONPath, intrinsics, JSONata). */
function needsExpressionChecks(c: ValidationCase): boolean {
  return /JSONATA|JSONPath|Reference Path|intrinsic/i.test(`${c.error_message ?? ''} ${JSON.stringify(c.diagnostics ?? [])}`);
}

/** Runs validation/localstack-validation.jsonl: AWS's verdict, then AWS's wording as a second figure. */
export async function runValidationCorpus(file: string, options: RunOptions = {}): Promise<CorpusReport> {
  const cases = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ValidationCase);
  const disagreements: string[] = [];
  let passed = 0;
  let failed = 0;
  let invalid = 0;
  let wordingMatches = 0;
  const wordingMisses: string[] = [];

  for (const c of cases) {
    if (options.filter !== undefined && !c.id.includes(options.filter)) continue;
    const { diagnostics } = lint(c.definition_text, { filename: c.id, format: 'json', type: c.state_machine_type });
    const expected = c.valid ? 'valid' : 'invalid';
    const got = verdictOf(diagnostics);
    const first = firstError(diagnostics);
    if (got === expected) passed++;
    else {
      failed++;
      const aws = awsMessages(c)[0];
      disagreements.push(
        `  ${c.id}: expected ${expected}, got ${got}; ${oneLine(describeFinding(first ?? diagnostics[0]))}` +
          (aws === undefined ? '' : `; AWS: ${oneLine(aws, 120)}`) +
          (needsExpressionChecks(c) ? ' [needs expression checks]' : ''),
      );
    }
    if (!c.valid) {
      invalid++;
      const messages = awsMessages(c);
      if (first !== undefined && messages.includes(first.message.trim())) wordingMatches++;
      else wordingMisses.push(`  ${c.id}: AWS '${oneLine(messages[0] ?? '', 120)}', aslkit '${oneLine(first?.message ?? '', 120)}'`);
    }
  }

  const lines = [
    `validation corpus ${file}`,
    `  verdict equal to AWS: ${percent(passed, passed + failed)} (${passed}/${passed + failed})`,
    `  first finding worded as AWS (invalid cases): ${percent(wordingMatches, invalid)} (${wordingMatches}/${invalid})`,
    `  wording differences: ${wordingMisses.length}${wordingMisses.length === 0 || options.verbose ? '' : ' (--verbose lists them)'}`,
    `disagreements (${failed}):`,
    ...disagreements,
  ];
  if (options.verbose) lines.push(`wording differences (${wordingMisses.length}):`, ...wordingMisses);
  return { passed, failed, skipped: 0, lines };
}
