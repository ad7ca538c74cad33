import { extractStateMachines, isTemplate } from './cloudformation.js';
import { parseJsonText, parseYamlText, type ParsedText } from './document.js';
import { toDiagnostic } from './findings.js';
import type { LoadOptions, LoadResult } from './source.js';
import { NO_SOURCE_MAP, TableSourceMap } from './source-map.js';

/**
 * Text -> every definition in it, each with a SourceMap, plus the parse
 * findings. Never throws on bad input and never mutates it.
 */
export function loadSource(text: string, options: LoadOptions = {}): LoadResult {
  const format = options.format ?? 'auto';
  const parsed = syntaxFor(text, options) === 'json' ? parseJsonText(text) : parseYamlText(text);
  const template =
    format === 'cloudformation' ||
    (format === 'auto' && (parsed.ok ? isTemplate(parsed.value) : TEMPLATE_KEY.test(text)));
  if (template) {
    if (!parsed.ok) return failed('cloudformation', parsed, options);
    return { format: 'cloudformation', ...extractStateMachines(parsed, options) };
  }
  const resultFormat = format === 'auto' ? parsed.syntax : format;
  if (!parsed.ok) return failed(resultFormat, parsed, options);
  return {
    format: resultFormat,
    definitions: [{ definition: parsed.value, sourceMap: new TableSourceMap(parsed.positions, parsed.lines) }],
    diagnostics: diagnosticsOf(parsed, options),
  };
}

/** For a definition that is already an object: nothing to place, nothing parsed. */
export function loadObject(value: unknown): LoadResult {
  return { format: 'json', definitions: [{ definition: value, sourceMap: NO_SOURCE_MAP }], diagnostics: [] };
}

type Syntax = 'json' | 'yaml';

/** A top-level key only templates have, for text too broken to parse. */
const TEMPLATE_KEY = /^(?:AWSTemplateFormatVersion|Resources)\s*:|^\s{0,4}"(?:AWSTemplateFormatVersion|Resources)"\s*:/m;

function syntaxFor(text: string, options: LoadOptions): Syntax {
  if (options.format === 'json') return 'json';
  if (options.format === 'yaml') return 'yaml';
  if (hasExtension(options.filename, 'json')) return 'json';
  if (hasExtension(options.filename, 'yaml') || hasExtension(options.filename, 'yml')) return 'yaml';
  // Text that looks like JSON is held to JSON: YAML would accept its trailing
  // commas and multi-line strings and hide the error.
  const first = /\S/.exec(text)?.[0];
  return first === '{' || first === '[' || first === undefined ? 'json' : 'yaml';
}

function hasExtension(filename: string | undefined, extension: string): boolean {
  return filename !== undefined && filename.toLowerCase().endsWith(`.${extension}`);
}

function diagnosticsOf(parsed: ParsedText, options: LoadOptions): LoadResult['diagnostics'] {
  return parsed.findings.map((finding) => toDiagnostic(finding, parsed.lines, (o) => o, options.filename));
}

function failed(format: LoadResult['format'], parsed: ParsedText, options: LoadOptions): LoadResult {
  return { format, definitions: [], diagnostics: diagnosticsOf(parsed, options) };
}
