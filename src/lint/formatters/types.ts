import type { Diagnostic } from '../../definition/diagnostic.js';

/** The findings of one linted file (a template's machines share one FileResult). */
export interface FileResult {
  file: string;
  diagnostics: Diagnostic[];
  /** A template's machines defined in another file (SAM DefinitionUri): that file -> `file#Resource` (lint().definitionFiles). */
  definitionFiles?: Readonly<Record<string, string>>;
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
 * The machine a finding belongs to inside a template: `file#Resource` gives `Resource`, and so
 * does a finding in a DefinitionUri file of that machine. Plain definition files have none.
 */
export function resourceOf(result: FileResult, diagnostic: Diagnostic): string | undefined {
  const prefix = `${result.file}#`;
  const machine = definitionFileMachine(result, diagnostic) ?? diagnostic.file;
  return machine?.startsWith(prefix) ? machine.slice(prefix.length) : undefined;
}

/** The file a finding's line and column are in: the template's or a DefinitionUri file. */
export function fileOf(result: FileResult, diagnostic: Diagnostic): string {
  return definitionFileMachine(result, diagnostic) === undefined ? result.file : (diagnostic.file as string);
}

/** `template#Resource` when the finding is in a DefinitionUri file of that machine. */
export function definitionFileMachine(result: FileResult, diagnostic: Diagnostic): string | undefined {
  const files = result.definitionFiles;
  const file = diagnostic.file;
  return files !== undefined && file !== undefined && Object.hasOwn(files, file) ? files[file] : undefined;
}

/** The message prefixed with its machine's resource name, for formats that key findings by plain file. */
export function messageWithResource(result: FileResult, diagnostic: Diagnostic): string {
  const resource = resourceOf(result, diagnostic);
  return resource === undefined ? diagnostic.message : `${resource}: ${diagnostic.message}`;
}
