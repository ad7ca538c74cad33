import type { FileResult, FormatOptions } from './types.js';
import { fileOf, messageWithResource } from './types.js';

// GitHub workflow commands: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One `::error` / `::warning` workflow command per finding, which GitHub shows as an annotation. */
export function github(results: readonly FileResult[], _options: FormatOptions): string {
  let out = '';
  for (const result of results) {
    for (const d of result.diagnostics) {
      const properties = [`file=${escapeProperty(fileOf(result, d))}`];
      if (d.line !== undefined) properties.push(`line=${d.line}`);
      if (d.line !== undefined && d.column !== undefined) properties.push(`col=${d.column}`);
      properties.push(`title=${escapeProperty(d.ruleId)}`);
      out += `::${d.severity} ${properties.join(',')}::${escapeData(messageWithResource(result, d))}\n`;
    }
  }
  return out;
}
