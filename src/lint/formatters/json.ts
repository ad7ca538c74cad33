import type { FileResult, FormatOptions } from './types.js';

/**
 * One JSON array, one entry per file, with its findings and counts (like ESLint's `json`);
 * `definitionFiles` names the machine of findings whose `file` is a DefinitionUri file.
 */
export function json(results: readonly FileResult[], _options: FormatOptions): string {
  const files = results.map((result) => ({
    file: result.file,
    errorCount: result.diagnostics.filter((d) => d.severity === 'error').length,
    warningCount: result.diagnostics.filter((d) => d.severity === 'warning').length,
    diagnostics: result.diagnostics,
    ...(result.definitionFiles === undefined ? {} : { definitionFiles: result.definitionFiles }),
  }));
  return `${JSON.stringify(files)}\n`;
}
