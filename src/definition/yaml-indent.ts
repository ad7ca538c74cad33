import type { OffsetMapper } from './source-map.js';

/**
 * CloudFormation's YAML parser (like PyYAML, which cfn-lint and the SAM CLI use) reads a flow
 * collection or a multi-line quoted scalar whose later lines are indented no deeper than the
 * key that opened it:
 *
 *     KeyPolicy: {
 *       "Version": "2012-10-17"
 *     }
 *
 * YAML 1.2 and the `yaml` package require those lines to be indented deeper (BAD_INDENT). Inside
 * a flow collection or a quoted scalar, leading spaces carry no meaning (flow context ignores
 * indentation; folding drops them from a quoted scalar), so indenting such lines one column
 * past their opener gives the same value. `toOriginal` maps offsets back, so every position is
 * the file's own. Undefined when no line needs it.
 */
export function indentFlowContinuations(text: string): { text: string; toOriginal: OffsetMapper } | undefined {
  const insertions: [offset: number, count: number][] = [];
  const scanner = new FlowScanner();
  let lineStart = 0;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const missing = scanner.missingIndent(line);
    if (missing > 0) insertions.push([lineStart, missing]);
    scanner.scan(line);
    lineStart = lineEnd + 1;
  }
  if (insertions.length === 0) return undefined;
  let out = '';
  let copiedTo = 0;
  for (const [offset, count] of insertions) {
    out += text.slice(copiedTo, offset) + ' '.repeat(count);
    copiedTo = offset;
  }
  out += text.slice(copiedTo);
  return { text: out, toOriginal: shiftBack(insertions) };
}

/** Offsets in the indented text -> offsets in the original, for spaces inserted at `insertions`. */
function shiftBack(insertions: readonly [number, number][]): OffsetMapper {
  // For each insertion: where its spaces start in the indented text, and the shift after them.
  const starts: number[] = [];
  const shifts: number[] = [];
  let shift = 0;
  for (const [offset, count] of insertions) {
    starts.push(offset + shift);
    shift += count;
    shifts.push(shift);
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    if (offset < (starts[0] as number)) return offset;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    const inserted = insertions[lo] as [number, number];
    const start = starts[lo] as number;
    // An inserted space maps to the start of its line.
    return offset < start + inserted[1] ? inserted[0] : offset - (shifts[lo] as number);
  };
}

/**
 * Just enough of YAML's lexical structure, line by line, to know whether a line starts inside a
 * flow collection or a quoted scalar, and how deep the line that opened it was indented: block
 * scalars (`|`, `>`) and comments are skipped, and a quote or bracket opens something only where
 * a value starts (a plain scalar such as `it's` or `arn:${AWS::Region}` holds them as text).
 */
class FlowScanner {
  private depth = 0;
  private quote: '"' | "'" | undefined;
  /** Indentation of the line where the open flow collection or quoted scalar began. */
  private openerIndent = 0;
  /** Indentation of the line that starts a block scalar, while its content lasts. */
  private blockParent: number | undefined;

  missingIndent(line: string): number {
    const indent = indentOf(line);
    if (indent === line.length || line.trimStart().startsWith('#')) return 0;
    if (this.depth === 0 && this.quote === undefined) return 0;
    return indent <= this.openerIndent ? this.openerIndent + 1 - indent : 0;
  }

  scan(line: string): void {
    const indent = indentOf(line);
    if (this.blockParent !== undefined) {
      if (indent === line.length || indent > this.blockParent) return;
      this.blockParent = undefined;
    }
    const inside = this.depth > 0 || this.quote !== undefined;
    if (!inside) this.openerIndent = indent;
    let valueStart = !inside;
    for (let i = indent; i < line.length; i++) {
      const c = line[i] as string;
      if (this.quote === '"') {
        if (c === '\\') i++;
        else if (c === '"') this.quote = undefined;
        continue;
      }
      if (this.quote === "'") {
        if (c === "'" && line[i + 1] === "'") i++;
        else if (c === "'") this.quote = undefined;
        continue;
      }
      const previous = i === 0 ? ' ' : (line[i - 1] as string);
      if (c === ' ' || c === '\t') continue;
      if (c === '#' && (previous === ' ' || previous === '\t' || i === 0)) return;
      if (this.depth > 0) {
        if (c === '{' || c === '[') this.depth++;
        else if (c === '}' || c === ']') this.depth--;
        else if ((c === '"' || c === "'") && /[\s[{,:]/.test(previous)) this.quote = c;
        continue;
      }
      if (!valueStart) {
        // `key: value` and `- item`: a value starts after the indicator.
        if (c === ':' && /^[\s]?$/.test(line[i + 1] ?? '')) valueStart = true;
        continue;
      }
      if (c === '"' || c === "'") this.quote = c;
      else if (c === '{' || c === '[') this.depth = 1;
      else if ((c === '|' || c === '>') && /^[|>][-+0-9]*\s*(#.*)?$/.test(line.slice(i))) {
        this.blockParent = indent;
        return;
      } else if (c === '-' && /^[\s]?$/.test(line[i + 1] ?? '')) continue;
      else if (c === '!' || c === '&') {
        // A tag or an anchor: the value follows it.
        while (i + 1 < line.length && line[i + 1] !== ' ' && line[i + 1] !== '\t') i++;
        continue;
      } else if (c === '?') continue;
      else valueStart = false;
      if (c === ':' && /^[\s]?$/.test(line[i + 1] ?? '')) valueStart = true;
    }
  }
}

function indentOf(line: string): number {
  let i = 0;
  while (i < line.length && line[i] === ' ') i++;
  return i;
}
