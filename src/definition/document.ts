import type { Scalar } from 'yaml';
import type { RawFinding } from './findings.js';
import { parseJson, recordJsonPositions } from './json.js';
import { barePlaceholderPointers, substituteBarePlaceholders } from './placeholders.js';
import { keyOffsetOf, LineIndex, packPosition, valueOffsetOf, type OffsetMapper, type PositionTable } from './source-map.js';
import { parseYaml } from './yaml.js';

/** One parsed JSON or YAML text with what is needed to place findings in it. */
export interface ParsedText {
  syntax: 'json' | 'yaml';
  text: string;
  value: unknown;
  ok: boolean;
  findings: RawFinding[];
  lines: LineIndex;
  /** Built on first call for JSON (a clean definition never needs it). */
  positions(): PositionTable;
  /** For a string value: maps an index in the string to an offset in the text. */
  stringMapper(pointer: string): OffsetMapper | undefined;
  /**
   * Pointers of the values written as a bare `${Name}` (outside quotes), read as that string:
   * substituted before the text is parsed, they may become any value, so their type is unknown.
   */
  placeholders: ReadonlySet<string>;
  /** An object handed in, not text: nothing has a line, and any string may hold a placeholder. */
  fromObject?: true;
}

/** An object read as if parsed: no text, no positions (its findings are placed by pointer only). */
export function objectAsParsed(value: unknown): ParsedText {
  const positions: PositionTable = new Map();
  return {
    syntax: 'json',
    text: '',
    value,
    ok: true,
    findings: [],
    lines: new LineIndex(''),
    positions: () => positions,
    stringMapper: () => undefined,
    placeholders: new Set(),
    fromObject: true,
  };
}

/** How the `${Name}` written outside JSON strings are read (DefinitionSubstitutions' values). */
export interface BarePlaceholders {
  /** The value a deployment gives a name, when known (a number or boolean is written as such). */
  values?: ReadonlyMap<string, unknown>;
  /** Whether the `${Name}` at this offset is substituted at all (else it stays, and fails to parse as AWS's would). */
  substituted?: (name: string, offset: number) => boolean;
}

/**
 * JSON text, where a `${Name}` outside strings (a definition file before SAM or CloudFormation
 * substitutes it, a Terraform template) is read as a value, positions and findings kept in the
 * text as written.
 */
export function parseJsonText(text: string, bare: BarePlaceholders = {}): ParsedText {
  const prepared = substituteBarePlaceholders(text, bare.values ?? new Map(), bare.substituted);
  if (prepared.text === text) return parsePlainJson(text);
  const inner = parsePlainJson(prepared.text);
  const { toOriginal } = prepared;
  const back = (packed: number): number => {
    const key = keyOffsetOf(packed);
    return packPosition(toOriginal(valueOffsetOf(packed)), key === -1 ? -1 : toOriginal(key));
  };
  const positions: PositionTable = { get: (pointer) => {
    const packed = inner.positions().get(pointer);
    return packed === undefined ? undefined : back(packed);
  } };
  return {
    ...inner,
    text,
    findings: inner.findings.map((finding) => ({ ...finding, offset: toOriginal(finding.offset) })),
    lines: new LineIndex(text),
    positions: () => positions,
    stringMapper(pointer) {
      const mapper = inner.stringMapper(pointer);
      return mapper === undefined ? undefined : (offset) => toOriginal(mapper(offset));
    },
    placeholders: inner.ok ? barePlaceholderPointers(inner.value, positions, text, (offset) => offset) : new Set(),
  };
}

function parsePlainJson(text: string): ParsedText {
  const parsed = parseJson(text);
  let table: PositionTable | undefined;
  const positions = (): PositionTable => (table ??= recordJsonPositions(text));
  return {
    syntax: 'json',
    text,
    value: parsed.value,
    ok: parsed.ok,
    findings: parsed.findings,
    lines: new LineIndex(text),
    positions,
    stringMapper: jsonStringMappers(text, positions),
    placeholders: new Set(),
  };
}

export function parseYamlText(text: string): ParsedText {
  const parsed = parseYaml(text);
  return {
    syntax: 'yaml',
    text,
    value: parsed.value,
    ok: parsed.ok,
    findings: parsed.findings,
    lines: new LineIndex(text),
    positions: () => parsed.positions,
    placeholders: parsed.placeholders,
    stringMapper(pointer) {
      const scalar = parsed.strings.get(pointer);
      if (scalar === undefined) return undefined;
      const mapper = yamlStringMapper(parsed.parsedText, scalar);
      return (offset) => parsed.toOriginal(mapper(offset));
    },
  };
}

/** ParsedText.stringMapper for a JSON text whose position table is `positions`. */
function jsonStringMappers(text: string, positions: () => PositionTable): (pointer: string) => OffsetMapper | undefined {
  return (pointer) => {
    const packed = positions().get(pointer);
    if (packed === undefined) return undefined;
    const offset = valueOffsetOf(packed);
    return text[offset] === '"' ? jsonStringMapper(text, offset) : undefined;
  };
}

/** Exact: each character of the decoded string maps to the character (or escape) that wrote it. */
function jsonStringMapper(text: string, tokenOffset: number): OffsetMapper {
  const start = tokenOffset + 1;
  const close = text.indexOf('"', start);
  const backslash = text.indexOf('\\', start);
  if (backslash === -1 || (close !== -1 && close < backslash)) return (offset) => start + offset;
  const map: number[] = [];
  let pos = start;
  while (pos < text.length && text[pos] !== '"') {
    map.push(pos);
    pos += text[pos] !== '\\' ? 1 : text[pos + 1] === 'u' ? 6 : 2;
  }
  map.push(pos);
  return (offset) => map[Math.min(offset, map.length - 1)] ?? start;
}

/**
 * Block scalars map exactly (each content line is a source line less its
 * indentation); folded, quoted and plain multi-line scalars map line by line
 * wherever a source line appears verbatim in the value, and to the nearest
 * mapped line before otherwise.
 */
function yamlStringMapper(text: string, scalar: Scalar): OffsetMapper {
  const value = scalar.value as string;
  const [start, end] = scalar.range ?? [0, 0];
  if (scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE') {
    const map = quotedScalarOffsets(text, start, end, scalar.type === 'QUOTE_DOUBLE');
    // Exact when the decoding agrees with the parser's; the line-by-line match below otherwise.
    if (map.length === value.length + 1) return (offset) => map[Math.min(Math.max(offset, 0), map.length - 1)] as number;
  }
  // Segments: [valueOffset, sourceOffset, length], ascending.
  const segments: [number, number, number][] = [];
  let cursor = 0;
  let lineStart = start;
  const block = scalar.type === 'BLOCK_LITERAL' || scalar.type === 'BLOCK_FOLDED';
  if (block) lineStart = nextLine(text, start, end);
  while (lineStart < end) {
    const lineEnd = Math.min(endOfLine(text, lineStart), end);
    let from = lineStart;
    let to = lineEnd;
    while (from < to && (text[from] === ' ' || text[from] === '\t')) from++;
    if (!block && from === start && (text[from] === '"' || text[from] === "'")) from++;
    while (to > from && (text[to - 1] === ' ' || text[to - 1] === '\t' || text[to - 1] === '\r')) to--;
    if (!block && to === end && to > from && (text[to - 1] === '"' || text[to - 1] === "'")) to--;
    if (to > from) {
      const found = value.indexOf(text.slice(from, to), cursor);
      if (found !== -1) {
        segments.push([found, from, to - from]);
        cursor = found + (to - from);
      }
    }
    lineStart = lineEnd + 1;
  }
  if (segments.length === 0) return () => start;
  return (offset) => {
    let lo = 0;
    let hi = segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((segments[mid] as [number, number, number])[0] <= offset) lo = mid;
      else hi = mid - 1;
    }
    const [valueAt, sourceAt, length] = segments[lo] as [number, number, number];
    if (offset < valueAt) return sourceAt;
    return sourceAt + Math.min(offset - valueAt, length);
  };
}

/**
 * For a quoted YAML scalar from `start` (its opening quote) to `end` (after its closing
 * quote): the source offset of each character of its value, plus one for the end. Follows
 * YAML 1.2 flow folding: a line break between text becomes a space, n empty lines become n
 * line breaks, white space around breaks is dropped, and `\` before a break joins the lines.
 */
function quotedScalarOffsets(text: string, start: number, end: number, double: boolean): number[] {
  const map: number[] = [];
  const close = end - 1;
  const blank = (c: string | undefined): boolean => c === ' ' || c === '\t';
  let i = start + 1;
  while (i < close) {
    const c = text[i];
    if (double && c === '\\') {
      const next = text[i + 1];
      if (next === '\n' || next === '\r') {
        i += next === '\r' && text[i + 2] === '\n' ? 3 : 2;
        while (i < close && blank(text[i])) i++;
        continue;
      }
      const length = next === 'x' ? 4 : next === 'u' ? 6 : next === 'U' ? 10 : 2;
      map.push(i);
      // Outside the BMP a code point is two UTF-16 units of the value.
      if (next === 'U' && Number.parseInt(text.slice(i + 2, i + 10), 16) > 0xffff) map.push(i);
      i += length;
      continue;
    }
    if (!double && c === "'" && text[i + 1] === "'") {
      map.push(i);
      i += 2;
      continue;
    }
    if (c === '\n' || c === '\r') {
      while (map.length > 0 && blank(text[map[map.length - 1] as number])) map.pop();
      let j = i;
      let breaks = 0;
      while (j < close && (text[j] === '\n' || text[j] === '\r')) {
        if (text[j] === '\r' && text[j + 1] === '\n') j++;
        j++;
        breaks++;
        while (j < close && blank(text[j])) j++;
      }
      for (let k = 0; k < Math.max(breaks - 1, 1); k++) map.push(i);
      i = j;
      continue;
    }
    map.push(i);
    i++;
  }
  map.push(close);
  return map;
}

function endOfLine(text: string, from: number): number {
  const i = text.indexOf('\n', from);
  return i === -1 ? text.length : i;
}

function nextLine(text: string, from: number, end: number): number {
  return Math.min(endOfLine(text, from) + 1, end);
}
