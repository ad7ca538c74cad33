import type { Diagnostic } from '../definition/diagnostic.js';
import { MAX_SOURCE_SIZE, notJsonData } from '../definition/json-data.js';
import { loadJsonData, loadSource } from '../definition/load.js';
import { validateSchema } from '../definition/schema/index.js';
import type { LoadedDefinition, LoadOptions, LoadResult, SourceFormat, SourceMap } from '../definition/source.js';
import type { StateMachineType } from '../definition/types.js';
import { runRules } from './engine.js';
import { CONFIGURABLE_NON_RULES } from './formatters/non-rules.js';
import type { RuleSetting } from './rule.js';
import { rules } from './rules/index.js';

export interface LintOptions {
  /** Used in `file` of each diagnostic (and `file#Resource` for template machines). */
  filename?: string;
  /** Also for an object: 'cloudformation', or 'auto' when it has a template's keys, reads it as a template. */
  format?: SourceFormat;
  /** The machine type when the source does not say it (a template's Type wins). STANDARD by default. */
  type?: StateMachineType;
  /** Per-rule settings by rule id (also `schema`, `no-duplicate-keys`, `cloudformation-intrinsic`, `unsubstituted-placeholder`). */
  rules?: Record<string, RuleSetting>;
  /** Reads a template's local DefinitionUri; the CLI passes one, the library does not. */
  readFile?: (path: string) => string | undefined;
}

export interface LintResult {
  /** No error-severity diagnostic. */
  valid: boolean;
  diagnostics: Diagnostic[];
  /**
   * Template machines whose definition is another file (a SAM DefinitionUri): that file, as
   * their findings' `file` names it -> the machine (`template#Resource`). Absent when there are none.
   */
  definitionFiles?: Record<string, string>;
}

export function ruleDocsUrl(id: string): string {
  return `https://github.com/aslkit/aslkit/blob/main/docs/rules/${id}.md`;
}

/** Findings of the schema and the loader that a rules setting may also configure. */
const SETTINGS: readonly unknown[] = ['off', 'warn', 'error'];
const FORMATS: readonly unknown[] = ['auto', 'json', 'yaml', 'cloudformation'];

/**
 * Lint a definition, a YAML/JSON text or a CloudFormation/SAM template. Never throws on
 * bad input and never mutates `source`: every problem is a diagnostic.
 */
export function lint(source: string | object, lintOptions?: LintOptions): LintResult {
  // Plain JavaScript callers may pass anything here.
  const options: LintOptions = typeof lintOptions === 'object' && lintOptions !== null ? lintOptions : {};
  const diagnostics = checkOptions(options);
  if (typeof source !== 'string') {
    const problem = notJsonData(source, options.filename);
    if (problem !== undefined) return { valid: false, diagnostics: [...diagnostics, problem] };
  } else if (source.length > MAX_SOURCE_SIZE) {
    // Refused unread, as an object that is not JSON data: one finding, whatever the rules settings.
    return { valid: false, diagnostics: [...diagnostics, ...loadSource(source, loadOptions(options)).diagnostics] };
  }
  let loaded: LoadResult;
  try {
    loaded = typeof source === 'string' ? loadSource(source, loadOptions(options)) : loadJsonData(source, loadOptions(options));
  } catch (error) {
    diagnostics.push(internalError('parse', error, options.filename));
    return { valid: false, diagnostics };
  }
  for (const diagnostic of loaded.diagnostics) {
    const adjusted = applySetting(diagnostic, options.rules);
    if (adjusted === undefined) continue;
    if (adjusted.file === undefined && options.filename !== undefined) adjusted.file = options.filename;
    diagnostics.push(adjusted);
  }
  for (const definition of loaded.definitions) diagnostics.push(...lintDefinition(definition, options));
  const definitionFiles: Record<string, string> = {};
  for (const [file, resourceName] of Object.entries(loaded.definitionFiles ?? {})) {
    definitionFiles[file] = options.filename === undefined ? resourceName : `${options.filename}#${resourceName}`;
  }
  // Stable: findings without a place (object input) keep their order. Findings in another
  // file (a DefinitionUri) come after the template's own, file by file.
  const fileKey = (d: Diagnostic): string => (d.file !== undefined && Object.hasOwn(definitionFiles, d.file) ? d.file : '');
  diagnostics.sort(
    (a, b) => fileKey(a).localeCompare(fileKey(b)) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
  const result: LintResult = { valid: !diagnostics.some((d) => d.severity === 'error'), diagnostics };
  if (Object.keys(definitionFiles).length > 0) result.definitionFiles = definitionFiles;
  return result;
}

/** `file#Resource` for a template machine, the resource alone without a filename. */
function machineName(loaded: LoadedDefinition, options: LintOptions): string | undefined {
  const { resourceName } = loaded;
  if (resourceName === undefined) return options.filename;
  return options.filename === undefined ? resourceName : `${options.filename}#${resourceName}`;
}

function lintDefinition(loaded: LoadedDefinition, options: LintOptions): Diagnostic[] {
  const { definition, sourceMap } = loaded;
  // A DefinitionUri machine's places are in its own file; lint().definitionFiles names its machine.
  const file = loaded.file ?? machineName(loaded, options);
  const out: Diagnostic[] = [];

  let schemaFindings: Diagnostic[];
  try {
    schemaFindings = validateSchema(definition);
  } catch (error) {
    schemaFindings = [internalError('schema', error, undefined)];
  }
  for (const finding of schemaFindings) {
    const adjusted = applySetting(finding, options.rules);
    // "Field 'X' is not supported" is about the property name, everything else about a value.
    if (adjusted !== undefined) out.push(place(adjusted, sourceMap, file, /^Field '.*' is not supported/.test(adjusted.message) ? 'key' : 'value'));
  }

  const stateMachineType = loaded.stateMachineType ?? (options.type === 'EXPRESS' ? 'EXPRESS' : 'STANDARD');
  const settings: unknown = options.rules;
  const runOptions = isSettings(settings) ? { stateMachineType, settings } : { stateMachineType };
  for (const { diagnostic, at, index } of runRules(definition, rules, runOptions)) out.push(place(diagnostic, sourceMap, file, at, index));
  return out;
}

/** The finding with its line and column (only reported findings are placed) and file. */
function place(diagnostic: Diagnostic, sourceMap: SourceMap, file: string | undefined, at: 'key' | 'value', index?: number): Diagnostic {
  const position =
    (index === undefined ? undefined : sourceMap.locateInString?.(diagnostic.pointer, index)) ??
    (at === 'key' ? sourceMap.locateKey(diagnostic.pointer) : sourceMap.locate(diagnostic.pointer));
  if (position !== undefined) {
    diagnostic.line = position.line;
    diagnostic.column = position.column;
  }
  if (file !== undefined) diagnostic.file = file;
  return diagnostic;
}

function loadOptions(options: LintOptions): LoadOptions {
  const out: LoadOptions = {};
  if (options.filename !== undefined) out.filename = options.filename;
  if (options.format !== undefined && FORMATS.includes(options.format)) out.format = options.format;
  if (options.readFile !== undefined) out.readFile = options.readFile;
  return out;
}

/** Settings for the schema and loader findings (rules apply their own in the engine). */
function applySetting(diagnostic: Diagnostic, settings: unknown): Diagnostic | undefined {
  const setting = isSettings(settings) ? settings[diagnostic.ruleId] : undefined;
  if (diagnostic.ruleId === 'parse' || !SETTINGS.includes(setting)) return { ...diagnostic };
  if (setting === 'off') return undefined;
  return { ...diagnostic, severity: setting === 'warn' ? 'warning' : 'error' };
}

function checkOptions(options: LintOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (options.type !== undefined && options.type !== 'STANDARD' && options.type !== 'EXPRESS') {
    out.push(optionsError(`Invalid options.type ${JSON.stringify(options.type)}: use 'STANDARD' or 'EXPRESS'`));
  }
  if (options.format !== undefined && !FORMATS.includes(options.format)) {
    out.push(optionsError(`Invalid options.format ${JSON.stringify(options.format)}: use 'auto', 'json', 'yaml' or 'cloudformation'`));
  }
  const settings: unknown = options.rules;
  if (settings === undefined) return out;
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
    out.push(optionsError(`options.rules must be an object of rule id to 'off' | 'warn' | 'error'`));
    return out;
  }
  const known = new Set([...rules.map((r) => r.meta.id), ...CONFIGURABLE_NON_RULES]);
  for (const [id, setting] of Object.entries(settings)) {
    if (!known.has(id)) out.push(optionsError(`Unknown rule '${id}' in options.rules`));
    else if (!SETTINGS.includes(setting)) {
      out.push(optionsError(`Invalid setting ${JSON.stringify(setting)} for rule '${id}': use 'off', 'warn' or 'error'`));
    }
  }
  return out;
}

function isSettings(value: unknown): value is Readonly<Record<string, RuleSetting>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionsError(message: string): Diagnostic {
  return { ruleId: 'lint-options', severity: 'error', message, pointer: '' };
}

function internalError(ruleId: string, error: unknown, file: string | undefined): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  const diagnostic: Diagnostic = {
    ruleId,
    severity: 'error',
    message: `Internal error while checking this definition: ${reason}. Please report this.`,
    pointer: '',
  };
  if (file !== undefined) diagnostic.file = file;
  return diagnostic;
}

export { rules } from './rules/index.js';
export type { RuleMeta, RuleModule, RuleSetting, Severity } from './rule.js';
export type { Diagnostic };
