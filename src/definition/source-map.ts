import type { SourceMap, SourcePosition } from './source.js';

/**
 * Positions are recorded as character offsets while parsing and turned into
 * line:column only when asked, so a definition that yields no finding never
 * pays for line computation.
 */

/** Offsets above this are not recorded exactly (CloudFormation caps templates at 1 MB). */
const KEY_FACTOR = 2 ** 27;

/**
 * pointer -> packed (keyOffset + 1) * 2^27 + valueOffset, for the pointers
 * that exist. A Map<string, number> is one.
 */
export interface PositionTable {
  get(pointer: string): number | undefined;
}

export function packPosition(valueOffset: number, keyOffset: number): number {
  return (keyOffset + 1) * KEY_FACTOR + valueOffset;
}

export function valueOffsetOf(packed: number): number {
  return packed % KEY_FACTOR;
}

/** -1 when the node has no property name (the root, array elements). */
export function keyOffsetOf(packed: number): number {
  return Math.floor(packed / KEY_FACTOR) - 1;
}

/** Offset -> 1-based line:column for one text. Lines end at \n (so \r\n counts once). */
export class LineIndex {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  position(offset: number): SourcePosition {
    const starts = (this.starts ??= lineStarts(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
  }
}

function lineStarts(text: string): number[] {
  // A byte order mark is not a column.
  const starts = [text.charCodeAt(0) === 0xfeff ? 1 : 0];
  let i = text.indexOf('\n');
  while (i !== -1) {
    starts.push(i + 1);
    i = text.indexOf('\n', i + 1);
  }
  return starts;
}

/** Maps an offset in a parsed text to an offset in the file the finding is reported against. */
export type OffsetMapper = (offset: number) => number;

const identity: OffsetMapper = (offset) => offset;

/**
 * A SourceMap over a PositionTable. `prefix` is where the definition sits in
 * the table (a template's `/Resources/M/Properties/Definition`); `toSource`
 * maps offsets of a text embedded in the file (a DefinitionString) back to
 * the file. The table may be built on first use.
 */
export class TableSourceMap implements SourceMap {
  private table: PositionTable | undefined;

  constructor(
    private readonly getTable: () => PositionTable,
    private readonly lines: LineIndex,
    private readonly prefix = '',
    private readonly toSource: OffsetMapper = identity,
    /** For a string value at a (prefixed) pointer: index in the string -> offset in the text. */
    private readonly stringMapper?: (pointer: string) => OffsetMapper | undefined,
  ) {}

  locateInString(pointer: string, index: number): SourcePosition | undefined {
    const mapper = this.stringMapper?.(this.prefix + pointer);
    return mapper === undefined ? undefined : this.at(mapper(index));
  }

  locate(pointer: string): SourcePosition | undefined {
    const packed = this.find(pointer);
    return packed === undefined ? undefined : this.at(valueOffsetOf(packed));
  }

  locateKey(pointer: string): SourcePosition | undefined {
    const packed = this.find(pointer);
    if (packed === undefined) return undefined;
    const key = keyOffsetOf(packed);
    return this.at(key === -1 ? valueOffsetOf(packed) : key);
  }

  private at(offset: number): SourcePosition {
    return this.lines.position(this.toSource(offset));
  }

  /** The entry for the pointer or its nearest recorded ancestor within the prefix. */
  private find(pointer: string): number | undefined {
    const table = (this.table ??= this.getTable());
    let path = this.prefix + pointer;
    for (;;) {
      const packed = table.get(path);
      if (packed !== undefined) return packed;
      if (path.length <= this.prefix.length) return undefined;
      path = path.slice(0, path.lastIndexOf('/'));
      if (path.length < this.prefix.length) return undefined;
    }
  }
}

/** For definitions that have no source text (loadObject). */
export const NO_SOURCE_MAP: SourceMap = {
  locate: () => undefined,
  locateKey: () => undefined,
};
