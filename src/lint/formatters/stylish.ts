import type { Diagnostic } from '../../definition/diagnostic.js';
import type { FileResult, FormatOptions } from './types.js';
import { definitionFileMachine } from './types.js';

const ESC = '\u001b[';
const paint = (code: string) => (text: string) => `${ESC}${code}m${text}${ESC}0m`;
const red = paint('31');
const yellow = paint('33');
const dim = paint('2');
const underline = paint('4');
const bold = paint('1');

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * ESLint's stylish layout: a header per file (per `file#Resource` for template machines,
 * `definition-file (file#Resource)` for a DefinitionUri machine),
 * aligned `line:column  severity  message  rule-id` rows, and a `✖ N problems` summary.
 * Prints nothing when there is nothing to report.
 */
export function stylish(results: readonly FileResult[], options: FormatOptions): string {
  const c = options.color;
  const groups = new Map<string, Diagnostic[]>();
  for (const result of results) {
    for (const diagnostic of result.diagnostics) {
      const inFile = definitionFileMachine(result, diagnostic);
      const key =
        inFile !== undefined
          ? `${diagnostic.file as string} (${inFile})`
          : diagnostic.file?.startsWith(`${result.file}#`)
            ? diagnostic.file
            : result.file;
      const group = groups.get(key) ?? [];
      group.push(diagnostic);
      groups.set(key, group);
    }
  }
  if (groups.size === 0) return '';

  let errors = 0;
  let warnings = 0;
  let out = '';
  for (const [file, diagnostics] of groups) {
    const rows = diagnostics.map((d) => ({
      line: String(d.line ?? 0),
      column: String(d.column ?? 0),
      severity: d.severity,
      // ESLint drops a single trailing period so the rule id reads as the end of the row.
      message: d.message.replace(/([^ ])\.$/, '$1'),
      ruleId: d.ruleId,
    }));
    const width = {
      line: Math.max(...rows.map((r) => r.line.length)),
      column: Math.max(...rows.map((r) => r.column.length)),
      severity: Math.max(...rows.map((r) => r.severity.length)),
      message: Math.max(...rows.map((r) => r.message.length)),
    };
    out += `\n${c ? underline(file) : file}\n`;
    for (const row of rows) {
      if (row.severity === 'error') errors++;
      else warnings++;
      const position = `${row.line.padStart(width.line)}:${row.column.padEnd(width.column)}`;
      const severity = row.severity.padEnd(width.severity);
      const message = row.message.padEnd(width.message);
      out += `  ${c ? dim(position) : position}  ${c ? (row.severity === 'error' ? red(severity) : yellow(severity)) : severity}  ${message}  ${c ? dim(row.ruleId) : row.ruleId}\n`;
    }
  }
  const total = errors + warnings;
  const summary = `\u2716 ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  out += `\n${c ? bold(errors > 0 ? red(summary) : yellow(summary)) : summary}\n`;
  return out;
}
