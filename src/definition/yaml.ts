import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  type Alias,
  type Document,
  type Node,
  type Scalar,
  type ScalarTag,
  type CollectionTag,
} from 'yaml';
import { escapePointerToken } from './diagnostic.js';
import { duplicateKeyFinding, type RawFinding } from './findings.js';
import { packPosition, type OffsetMapper } from './source-map.js';
import { isWholePlaceholder } from './placeholders.js';
import { indentFlowContinuations } from './yaml-indent.js';

/**
 * YAML through the `yaml` package's document model, so every value keeps its
 * offset. CloudFormation's short-form tags become their long form
 * (`!GetAtt A.Arn` -> {"Fn::GetAtt": ["A", "Arn"]}).
 */

export interface YamlParseResult {
  value: unknown;
  ok: boolean;
  findings: RawFinding[];
  positions: Map<string, number>;
  /** String scalars by pointer, for mapping offsets inside a DefinitionString. */
  strings: Map<string, Scalar>;
  /** The text the scalars' ranges are offsets in, and the way back to the given text. */
  parsedText: string;
  toOriginal: OffsetMapper;
  /** Pointers of plain scalars that are a whole `${Name}`: a value substituted before parsing. */
  placeholders: Set<string>;
}

/** Short form -> long form key. */
const SHORT_TAGS: ReadonlyMap<string, string> = new Map(
  ['Ref', 'Condition'].map((name) => [`!${name}`, name] as [string, string]).concat(
    [
      'Sub',
      'GetAtt',
      'Join',
      'If',
      'Select',
      'FindInMap',
      'ImportValue',
      'Base64',
      'Split',
      'GetAZs',
      'Equals',
      'And',
      'Or',
      'Not',
      'Cidr',
      'Length',
      'ToJsonString',
    ].map((name) => [`!${name}`, `Fn::${name}`]),
  ),
);

/** The tags are only declared here so the parser accepts them; the walk below gives the long form. */
const CUSTOM_TAGS: (ScalarTag | CollectionTag)[] = [...SHORT_TAGS.keys()].flatMap((tag) => [
  { tag, resolve: (value: string) => value },
  { tag, collection: 'seq' as const },
  { tag, collection: 'map' as const },
]);

/** Aliases may fan out (the "billion laughs"); a definition never needs this many. */
const MAX_ALIAS_EXPANSIONS = 10_000;
const MAX_DEPTH = 1000;

const identity: OffsetMapper = (offset) => offset;

export function parseYaml(text: string): YamlParseResult {
  const strict = parseWith(text, identity);
  if (strict.ok) return strict;
  // Only text the `yaml` package refuses is read again the way CloudFormation reads it.
  const indented = indentFlowContinuations(text);
  if (indented === undefined) return strict;
  const lenient = parseWith(indented.text, indented.toOriginal);
  return lenient.ok ? lenient : strict;
}

function parseWith(text: string, toOriginal: OffsetMapper): YamlParseResult {
  const positions = new Map<string, number>();
  const strings = new Map<string, Scalar>();
  const placeholders = new Set<string>();
  const findings: RawFinding[] = [];
  const result = (value: unknown, ok: boolean): YamlParseResult => ({ value, ok, findings, positions, strings, parsedText: text, toOriginal, placeholders });
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { customTags: CUSTOM_TAGS, uniqueKeys: false, prettyErrors: false });
  } catch (error) {
    // The yaml package reports syntax as doc.errors; this is only for its own limits.
    findings.push(parseFinding(error instanceof Error ? error.message : String(error), 0));
    return result(undefined, false);
  }
  for (const error of doc.errors) {
    // The package's own wording names its API.
    const message = error.code === 'MULTIPLE_DOCS' ? 'A definition is one YAML document; a second one starts here' : error.message;
    findings.push(parseFinding(message, toOriginal(error.pos[0])));
  }
  if (doc.errors.length > 0) return result(undefined, false);
  for (const warning of doc.warnings) {
    findings.push({ ...parseFinding(warning.message, toOriginal(warning.pos[0])), severity: 'warning' });
  }
  const walker = new Walker(doc, positions, strings, placeholders, findings, toOriginal);
  const value = walker.walk(doc.contents, '', -1, 0);
  return result(value, walker.ok);
}

function parseFinding(message: string, offset: number): RawFinding {
  return { ruleId: 'parse', severity: 'error', message: message.replace(/\.$/, ''), pointer: '', offset };
}

class Walker {
  ok = true;
  private expansions = 0;
  private readonly anchors = new Map<Alias, Node>();

  constructor(
    private readonly doc: Document.Parsed,
    private readonly positions: Map<string, number>,
    private readonly strings: Map<string, Scalar>,
    private readonly placeholders: Set<string>,
    private readonly findings: RawFinding[],
    private readonly toOriginal: OffsetMapper,
  ) {}

  private position(valueOffset: number, keyOffset: number): number {
    return packPosition(this.toOriginal(valueOffset), keyOffset === -1 ? -1 : this.toOriginal(keyOffset));
  }

  walk(node: Node | null, pointer: string, keyOffset: number, depth: number): unknown {
    if (node === null) return null;
    const offset = node.range?.[0] ?? 0;
    if (depth > MAX_DEPTH) return this.fail(`Nesting deeper than ${MAX_DEPTH} levels`, this.toOriginal(offset));
    const longForm = node.tag === undefined ? undefined : SHORT_TAGS.get(node.tag);
    if (longForm !== undefined) {
      this.positions.set(pointer, this.position(offset, keyOffset));
      const inner = `${pointer}/${escapePointerToken(longForm)}`;
      let value = this.walkPlain(node, inner, -1, depth + 1);
      // `!GetAtt Fn.Arn` is the short way of writing ["Fn", "Arn"].
      if (longForm === 'Fn::GetAtt' && typeof value === 'string' && value.includes('.')) {
        const dot = value.indexOf('.');
        value = [value.slice(0, dot), value.slice(dot + 1)];
      }
      return { [longForm]: value };
    }
    return this.walkPlain(node, pointer, keyOffset, depth);
  }

  private walkPlain(node: Node, pointer: string, keyOffset: number, depth: number): unknown {
    if (node.range) this.positions.set(pointer, this.position(node.range[0], keyOffset));
    if (isScalar(node)) {
      if (typeof node.value === 'string') {
        this.strings.set(pointer, node);
        // Unquoted, it is substituted as the value itself: a number or a boolean as well as text.
        if (node.type === 'PLAIN' && isWholePlaceholder(node.value)) this.placeholders.add(pointer);
      }
      return scalarValue(node);
    }
    if (isAlias(node)) {
      if (++this.expansions > MAX_ALIAS_EXPANSIONS) {
        // Reported once, at the alias that went over.
        return this.expansions === MAX_ALIAS_EXPANSIONS + 1
          ? this.fail(`More than ${MAX_ALIAS_EXPANSIONS} alias expansions`, this.toOriginal(node.range?.[0] ?? 0))
          : undefined;
      }
      let target = this.anchors.get(node);
      if (target === undefined) {
        // resolve() searches the whole document; a fanned-out alias is met many times.
        target = node.resolve(this.doc);
        if (target !== undefined) this.anchors.set(node, target);
      }
      if (target === undefined) return this.fail(`Unresolved alias *${node.source}`, this.toOriginal(node.range?.[0] ?? 0));
      return this.walk(target, pointer, keyOffset, depth + 1);
    }
    if (isSeq(node)) {
      return node.items.map((item, index) =>
        this.walk(item as Node | null, `${pointer}/${index}`, -1, depth + 1),
      );
    }
    if (isMap(node)) {
      const object: Record<string, unknown> = {};
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null;
        const key = keyString(keyNode);
        const keyAt = keyNode?.range?.[0] ?? node.range?.[0] ?? 0;
        const value = this.walk(pair.value as Node | null, `${pointer}/${escapePointerToken(key)}`, keyAt, depth + 1);
        if (pair.value === null) this.positions.set(`${pointer}/${escapePointerToken(key)}`, this.position(keyAt, keyAt));
        if (Object.hasOwn(object, key)) this.findings.push(duplicateKeyFinding(key, pointer, this.toOriginal(keyAt)));
        Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
      }
      return object;
    }
    return null;
  }

  private fail(message: string, offset: number): undefined {
    this.ok = false;
    this.findings.push(parseFinding(message, offset));
    return undefined;
  }
}

/** Definitions are JSON data: YAML-only scalar kinds become their JSON counterparts. */
function scalarValue(node: Scalar): unknown {
  const value = node.value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  // !!binary: the base64 text as written.
  if (value instanceof Uint8Array) return typeof node.source === 'string' ? node.source : '';
  if (value === undefined) return null;
  return value;
}

function keyString(key: Node | null): string {
  if (key === null) return '';
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
  return JSON.stringify(key.toJSON());
}
