import type { Diagnostic } from '../../definition/diagnostic.js';

/** The findings of one linted file (a template's machines share one FileResult). */
export interface FileResult {
  file: string;
  diagnostics: Diagnostic[];
}

/** What SARIF says about a rule; the CLI fills these from the rule registry. */
export interface RuleDescriptor {
  id: string;
  description: string;
  helpUri?: string;
}

export interface FormatOptions {
  color: boolean;
  /** SARIF `tool.driver.version`. */
  toolVersion?: string;
  /** SARIF `tool.driver.rules`; ids found in results but not listed here are added with their id as text. */
  rules?: readonly RuleDescriptor[];
}

export type Formatter = (results: readonly FileResult[], options: FormatOptions) => string;

/**
 * The machine a finding belongs to inside a template: `file#Resource` gives `Resource`.
 * Plain definition files have none.
 */
export function resourceOf(result: FileResult, diagnostic: Diagnostic): string | undefined {
  const prefix = `${result.file}#`;
  return diagnostic.file?.startsWith(prefix) ? diagnostic.file.slice(prefix.length) : undefined;
}

/** The message prefixed with its machine's resource name, for formats that key findings by plain file. */
export function messageWithResource(result: FileResult, diagnostic: Diagnostic): string {
  const resource = resourceOf(result, diagnostic);
  return resource === undefined ? diagnostic.message : `${resource}: ${diagnostic.message}`;
}
