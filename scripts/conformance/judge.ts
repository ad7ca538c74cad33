import type { Diagnostic } from '../../src/definition/diagnostic.js';

/** What each corpus runner hands back to index.ts: counts plus the lines to print. */
export interface CorpusReport {
  passed: number;
  failed: number;
  skipped: number;
  lines: string[];
}

export interface RunOptions {
  /** Only cases whose file or id contains this text. */
  filter?: string;
  verbose?: boolean;
  /** Lint corpus: only the manifest entry whose `file` is this (a path relative to the corpus folder). */
  entry?: string;
  /** Lint corpus: also measure asl-validator on the same entries. */
  peers?: boolean;
}

/** The verdict every corpus uses: any error-severity finding makes the definition invalid. */
export function verdictOf(diagnostics: readonly Diagnostic[]): 'valid' | 'invalid' {
  return diagnostics.some((d) => d.severity === 'error') ? 'invalid' : 'valid';
}

export function firstError(diagnostics: readonly Diagnostic[]): Diagnostic | undefined {
  return diagnostics.find((d) => d.severity === 'error');
}

/** A finding in one short line: `rule-id @ /pointer (line:col): message`. */
export function describeFinding(d: Diagnostic | undefined): string {
  if (d === undefined) return 'no finding';
  const place = d.line === undefined ? '' : ` (${d.line}:${d.column ?? 0})`;
  return `${d.ruleId} @ ${d.pointer || '/'}${place}: ${d.message}`;
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`;
}

/** One line of text, whatever the message holds. */
export function oneLine(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
