import { extractStateMachines, isTemplate } from './cloudformation.js';
import { objectAsParsed, parseJsonText, parseYamlText, type ParsedText } from './document.js';
import { type Diagnostic, parsePointer } from './diagnostic.js';
import { MAX_SOURCE_SIZE, notJsonData } from './json-data.js';
import { toDiagnostic, type RawFinding } from './findings.js';
import { intrinsicMessage, intrinsicPointers, replaceIntrinsics } from './placeholders.js';
import type { LoadOptions, LoadResult } from './source.js';
import { LineIndex, NO_SOURCE_MAP, TableSourceMap, valueOffsetOf } from './source-map.js';

/**
 * Text -> every definition in it, each with a SourceMap, plus the parse
 * findings. Never throws on bad input and never mutates it.
 */
export function loadSource(text: string, options: LoadOptions = {}): LoadResult {
  const format = options.format ?? 'auto';
  if (text.length > MAX_SOURCE_SIZE) return oversizedText(text, format, options);
  if (format !== 'cloudformation' && /^[ \t\n\r]*$/.test(text)) return emptyText(text, format, options);
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
  const fragment = mayHoldIntrinsics(parsed) ? templateFragment(parsed.value) : { definition: parsed.value, findings: [] };
  const findings = fragment.findings.map((finding) => {
    const packed = parsed.positions().get(finding.pointer);
    return { ...finding, offset: packed === undefined ? 0 : valueOffsetOf(packed) };
  });
  return {
    format: resultFormat,
    definitions: [{ definition: fragment.definition, sourceMap: new TableSourceMap(parsed.positions, parsed.lines, '', undefined, parsed.stringMapper) }],
    diagnostics: [...diagnosticsOf(parsed, options), ...findings.map((f) => toDiagnostic(f, parsed.lines, (o) => o, options.filename))],
  };
}

/**
 * For a definition or template that is already an object: nothing to place, nothing parsed.
 * A template when `format` says so, or (auto) when it has what only templates have. An
 * object that is not JSON data (a cycle, too deep, too large) is one finding, never walked.
 */
export function loadObject(value: unknown, options: LoadOptions = {}): LoadResult {
  const problem = notJsonData(value, options.filename);
  if (problem !== undefined) return { format: 'json', definitions: [], diagnostics: [problem] };
  return loadJsonData(value, options);
}

/** loadObject for a value its caller has already checked with notJsonData (the walks here expand shared objects). */
export function loadJsonData(value: unknown, options: LoadOptions = {}): LoadResult {
  const format = options.format ?? 'auto';
  if (format === 'cloudformation' || (format === 'auto' && isTemplate(value))) {
    return { format: 'cloudformation', ...extractStateMachines(objectAsParsed(value), options) };
  }
  const fragment = templateFragment(value);
  return {
    format: 'json',
    definitions: [{ definition: fragment.definition, sourceMap: NO_SOURCE_MAP }],
    diagnostics: fragment.findings.map(({ offset: _, ...diagnostic }) => diagnostic),
  };
}

/**
 * A standalone definition with CloudFormation intrinsic functions (`{"Fn::GetAtt": …}`) is a
 * fragment copied out of a template: each is read as the placeholder it becomes at deploy
 * time (a copy; the caller's value is untouched), with one warning each.
 */
function templateFragment(value: unknown): { definition: unknown; findings: RawFinding[] } {
  let pointers: string[];
  try {
    pointers = intrinsicPointers(value);
  } catch {
    // An object whose getters throw: the rules report it as a definition that cannot be read.
    return { definition: value, findings: [] };
  }
  if (pointers.length === 0) return { definition: value, findings: [] };
  const findings = pointers.map((pointer): RawFinding => ({
    ruleId: 'cloudformation-intrinsic',
    severity: 'warning',
    message: intrinsicMessage(valueAt(value, pointer) as object),
    pointer,
    offset: 0,
  }));
  let definition: unknown;
  try {
    definition = replaceIntrinsics(value);
  } catch {
    // Nested too deep to copy: the rules see it as it is (and say why it cannot be sent to AWS).
    definition = value;
  }
  return { definition, findings };
}

/**
 * False when a JSON text cannot hold an intrinsic function object: every key is written in
 * the text, so without `Ref"`, `Fn::` or an escape that could spell them there is none, and
 * the walk through the whole value is skipped. (YAML tags such as !Ref write no key.)
 */
function mayHoldIntrinsics(parsed: ParsedText): boolean {
  const { syntax, text } = parsed;
  return syntax !== 'json' || text.includes('Ref"') || text.includes('Fn::') || text.includes('\\u');
}

function valueAt(value: unknown, pointer: string): unknown {
  let current = value;
  for (const token of parsePointer(pointer)) current = (current as Record<string, unknown>)[token];
  return current;
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

/**
 * Nothing but white space: AWS's answer for an empty definition (a JSON parser's
 * "unexpected end of input" would be a worse one).
 */
function emptyText(text: string, format: LoadOptions['format'], options: LoadOptions): LoadResult {
  const finding: RawFinding = {
    ruleId: 'parse',
    severity: 'error',
    message: 'Definition must be a valid JSON object',
    placeInMessage: false,
    pointer: '',
    offset: 0,
    code: 'SCHEMA_VALIDATION_FAILED',
  };
  const resultFormat = format === 'json' || format === 'yaml' ? format : syntaxFor(text, options);
  return { format: resultFormat, definitions: [], diagnostics: [toDiagnostic(finding, new LineIndex(text), (o) => o, options.filename)] };
}

/**
 * The finding for a source refused on its size alone (`size` says how big, in its unit), at 1:1:
 * reading it would take seconds and memory in proportion.
 */
export function oversizedSource(size: string, limit: string, file: string | undefined): Diagnostic {
  const diagnostic: Diagnostic = {
    ruleId: 'max-definition-size',
    severity: 'error',
    message: `The source is ${size}, more than the ${limit} aslkit reads; AWS accepts definitions and templates of at most 1048576 bytes (1 MB)`,
    pointer: '',
    code: 'SCHEMA_VALIDATION_FAILED',
    line: 1,
    column: 1,
  };
  if (file !== undefined) diagnostic.file = file;
  return diagnostic;
}

function oversizedText(text: string, format: LoadOptions['format'], options: LoadOptions): LoadResult {
  const diagnostic = oversizedSource(`${text.length} characters`, `${MAX_SOURCE_SIZE}`, options.filename);
  const resultFormat = format === 'json' || format === 'yaml' || format === 'cloudformation' ? format : syntaxFor(text, options);
  return { format: resultFormat, definitions: [], diagnostics: [diagnostic] };
}

function failed(format: LoadResult['format'], parsed: ParsedText, options: LoadOptions): LoadResult {
  return { format, definitions: [], diagnostics: diagnosticsOf(parsed, options) };
}
