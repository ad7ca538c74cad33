import { escapePointerToken, parsePointer } from './diagnostic.js';
import { duplicateKeyFinding, type RawFinding } from './findings.js';
import { packPosition, valueOffsetOf, type PositionTable } from './source-map.js';

/**
 * JSON with the findings JSON.parse cannot give: duplicate keys (AWS rejects
 * them, JSON.parse keeps the last) and malformed input at its offset.
 *
 * The common case, valid JSON without duplicates, costs JSON.parse plus a
 * count: every object member has exactly one colon outside strings, so the
 * text has duplicates exactly when it writes more members than the parsed
 * value holds. Only then, or when JSON.parse fails, does the hand-written
 * parser below run, to say where. Positions are recorded by a second, lighter
 * pass (recordJsonPositions) only when a finding needs a place.
 */

export interface JsonParseResult {
  /** undefined when the text is not JSON (then `findings` holds the parse error). */
  value: unknown;
  ok: boolean;
  findings: RawFinding[];
}

/** Deeper nesting is reported rather than risking the call stack. */
const MAX_DEPTH = 1000;

export function parseJson(text: string): JsonParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return parseSlowly(text);
  }
  const members = countMembers(value, 0);
  return members !== -1 && members === countWrittenMembers(text) ? { value, ok: true, findings: [] } : parseSlowly(text);
}

/** Members of every object in a parsed value; -1 when nested deeper than MAX_DEPTH. */
function countMembers(value: unknown, depth: number): number {
  if (value === null || typeof value !== 'object') return 0;
  if (depth >= MAX_DEPTH) return -1;
  let count = 0;
  if (Array.isArray(value)) {
    for (const item of value) {
      const inner = countMembers(item, depth + 1);
      if (inner === -1) return -1;
      count += inner;
    }
    return count;
  }
  for (const key in value) {
    const inner = countMembers((value as Record<string, unknown>)[key], depth + 1);
    if (inner === -1) return -1;
    count += inner + 1;
  }
  return count;
}

/** Colons outside strings in a text JSON.parse accepted: one per object member written. */
function countWrittenMembers(text: string): number {
  let count = 0;
  let pos = 0;
  for (;;) {
    const quote = text.indexOf('"', pos);
    const end = quote === -1 ? text.length : quote;
    let colon = text.indexOf(':', pos);
    while (colon !== -1 && colon < end) {
      count++;
      colon = text.indexOf(':', colon + 1);
    }
    if (quote === -1) return count;
    let close = text.indexOf('"', quote + 1);
    while (isEscaped(text, close)) close = text.indexOf('"', close + 1);
    pos = close + 1;
  }
}

/** Whether the quote at pos is preceded by an odd number of backslashes. */
function isEscaped(text: string, pos: number): boolean {
  let backslashes = 0;
  while (text.charCodeAt(pos - 1 - backslashes) === Ch.Backslash) backslashes++;
  return backslashes % 2 === 1;
}

/** The hand-written parser alone: what parseJson falls back to when it needs to say where. */
export function parseSlowly(text: string): JsonParseResult {
  const parser = new JsonParser(text);
  try {
    const value = parser.parseDocument();
    return { value, ok: true, findings: parser.findings };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    parser.findings.push({
      ruleId: 'parse',
      severity: 'error',
      message: error.message,
      ...(error.detail === undefined ? {} : { detail: error.detail }),
      pointer: '',
      offset: error.offset,
      code: 'INVALID_JSON_DESCRIPTION',
    });
    return { value: undefined, ok: false, findings: parser.findings };
  }
}

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly detail?: string,
  ) {
    super(message);
  }
}

const enum Ch {
  Tab = 9,
  LineFeed = 10,
  CarriageReturn = 13,
  Space = 32,
  Quote = 34,
  Plus = 43,
  Comma = 44,
  Minus = 45,
  Dot = 46,
  Zero = 48,
  Nine = 57,
  Colon = 58,
  UpperE = 69,
  OpenBracket = 91,
  Backslash = 92,
  CloseBracket = 93,
  LowerE = 101,
  LowerF = 102,
  LowerN = 110,
  LowerT = 116,
  OpenBrace = 123,
  CloseBrace = 125,
  Bom = 0xfeff,
}

const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

class JsonParser {
  pos = 0;
  depth = 0;
  readonly findings: RawFinding[] = [];
  /** Keys and indexes of the current path, for duplicate-key messages when no table is kept. */
  private readonly path: (string | number)[] = [];

  constructor(private readonly text: string) {}

  parseDocument(): unknown {
    if (this.text.charCodeAt(0) === Ch.Bom) this.pos = 1;
    const value = this.parseValue();
    this.skipWhitespace();
    if (this.pos < this.text.length) throw this.unexpected('expected end of input');
    return value;
  }

  private skipWhitespace(): void {
    const text = this.text;
    let pos = this.pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === Ch.Space || c === Ch.LineFeed || c === Ch.CarriageReturn || c === Ch.Tab) pos++;
      else break;
    }
    this.pos = pos;
  }

  private parseValue(): unknown {
    this.skipWhitespace();
    switch (this.text.charCodeAt(this.pos)) {
      case Ch.OpenBrace:
        return this.parseObject();
      case Ch.OpenBracket:
        return this.parseArray();
      case Ch.Quote:
        return this.parseString();
      case Ch.LowerT:
        return this.parseLiteral('true', true);
      case Ch.LowerF:
        return this.parseLiteral('false', false);
      case Ch.LowerN:
        return this.parseLiteral('null', null);
      default:
        return this.parseNumber();
    }
  }

  private parseObject(): Record<string, unknown> {
    if (++this.depth > MAX_DEPTH) throw new JsonSyntaxError(`Nesting deeper than ${MAX_DEPTH} levels`, this.pos);
    const text = this.text;
    const object: Record<string, unknown> = {};
    this.pos++;
    this.skipWhitespace();
    if (text.charCodeAt(this.pos) === Ch.CloseBrace) {
      this.pos++;
      this.depth--;
      return object;
    }
    for (;;) {
      this.skipWhitespace();
      const keyOffset = this.pos;
      if (text.charCodeAt(keyOffset) !== Ch.Quote) {
        throw this.unexpected(
          text.charCodeAt(keyOffset) === Ch.CloseBrace
            ? 'expected a property name in double quotes (trailing commas are not allowed)'
            : 'expected a property name in double quotes',
        );
      }
      const key = this.parseString();
      this.skipWhitespace();
      if (text.charCodeAt(this.pos) !== Ch.Colon) throw this.unexpected("expected ':' after the property name");
      this.pos++;
      this.path.push(key);
      const value = this.parseValue();
      this.path.pop();
      if (Object.hasOwn(object, key)) {
        this.findings.push(duplicateKeyFinding(key, this.currentPointer(), keyOffset));
      }
      if (key === '__proto__') {
        Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
      } else {
        object[key] = value;
      }
      this.skipWhitespace();
      const c = text.charCodeAt(this.pos);
      if (c === Ch.Comma) {
        this.pos++;
      } else if (c === Ch.CloseBrace) {
        this.pos++;
        this.depth--;
        return object;
      } else {
        throw this.unexpected("expected ',' or '}'");
      }
    }
  }

  private parseArray(): unknown[] {
    if (++this.depth > MAX_DEPTH) throw new JsonSyntaxError(`Nesting deeper than ${MAX_DEPTH} levels`, this.pos);
    const text = this.text;
    const array: unknown[] = [];
    this.pos++;
    this.skipWhitespace();
    if (text.charCodeAt(this.pos) === Ch.CloseBracket) {
      this.pos++;
      this.depth--;
      return array;
    }
    for (let index = 0; ; index++) {
      this.skipWhitespace();
      if (text.charCodeAt(this.pos) === Ch.CloseBracket) {
        throw this.unexpected('expected a value (trailing commas are not allowed)');
      }
      this.path.push(index);
      array.push(this.parseValue());
      this.path.pop();
      this.skipWhitespace();
      const c = text.charCodeAt(this.pos);
      if (c === Ch.Comma) {
        this.pos++;
      } else if (c === Ch.CloseBracket) {
        this.pos++;
        this.depth--;
        return array;
      } else {
        throw this.unexpected("expected ',' or ']'");
      }
    }
  }

  private parseString(): string {
    const text = this.text;
    const start = this.pos;
    let pos = start + 1;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === Ch.Quote) {
        this.pos = pos + 1;
        return text.slice(start + 1, pos);
      }
      if (c === Ch.Backslash || c < 0x20 || pos >= text.length) break;
      pos++;
    }
    return this.parseEscapedString(start, pos);
  }

  /** The slow path, from the first backslash or bad character on. */
  private parseEscapedString(start: number, from: number): string {
    const text = this.text;
    let result = text.slice(start + 1, from);
    let pos = from;
    for (;;) {
      if (pos >= text.length) throw new JsonSyntaxError('Unterminated string starting', start);
      const c = text.charCodeAt(pos);
      if (c === Ch.Quote) {
        this.pos = pos + 1;
        return result;
      }
      if (c === Ch.LineFeed || c === Ch.CarriageReturn) {
        throw new JsonSyntaxError('Unterminated string starting', start, 'a string cannot contain a line break');
      }
      if (c < 0x20) {
        throw new JsonSyntaxError(
          `Unescaped control character U+${c.toString(16).toUpperCase().padStart(4, '0')} in string`,
          pos,
        );
      }
      if (c !== Ch.Backslash) {
        const next = nextSpecial(text, pos);
        result += text.slice(pos, next);
        pos = next;
        continue;
      }
      const escape = text[pos + 1];
      if (escape === 'u') {
        const hex = text.slice(pos + 2, pos + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
          throw new JsonSyntaxError('Invalid unicode escape in string', pos, 'expected four hex digits after \\u');
        }
        result += String.fromCharCode(parseInt(hex, 16));
        pos += 6;
      } else {
        const decoded = escape === undefined ? undefined : ESCAPES[escape];
        if (decoded === undefined) {
          if (escape === undefined) throw new JsonSyntaxError('Unterminated string starting', start);
          throw new JsonSyntaxError(`Invalid escape '\\${escape}' in string`, pos);
        }
        result += decoded;
        pos += 2;
      }
    }
  }

  private parseNumber(): number {
    const text = this.text;
    const start = this.pos;
    let pos = start;
    if (text.charCodeAt(pos) === Ch.Minus) pos++;
    const first = text.charCodeAt(pos);
    if (first === Ch.Zero) {
      pos++;
    } else if (first > Ch.Zero && first <= Ch.Nine) {
      pos = digits(text, pos);
    } else {
      this.pos = pos;
      throw pos === start ? this.unexpected('expected a value') : this.unexpected('expected a digit');
    }
    if (text.charCodeAt(pos) === Ch.Dot) {
      const after = digits(text, pos + 1);
      if (after === pos + 1) {
        this.pos = after;
        throw this.unexpected("expected a digit after '.'");
      }
      pos = after;
    }
    const e = text.charCodeAt(pos);
    if (e === Ch.LowerE || e === Ch.UpperE) {
      pos++;
      const sign = text.charCodeAt(pos);
      if (sign === Ch.Plus || sign === Ch.Minus) pos++;
      const after = digits(text, pos);
      if (after === pos) {
        this.pos = after;
        throw this.unexpected('expected a digit in the exponent');
      }
      pos = after;
    }
    this.pos = pos;
    return Number(text.slice(start, pos));
  }

  private parseLiteral<T>(word: string, value: T): T {
    if (this.text.startsWith(word, this.pos)) {
      this.pos += word.length;
      return value;
    }
    throw this.unexpected('expected a value');
  }

  private unexpected(expected: string): JsonSyntaxError {
    const pos = this.pos;
    if (pos >= this.text.length) return new JsonSyntaxError('Unexpected end of input', pos, expected);
    const code = this.text.codePointAt(pos) as number;
    const shown = code < 0x20 ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}` : `'${String.fromCodePoint(code)}'`;
    return new JsonSyntaxError(`Unexpected token ${shown}`, pos, expected);
  }

  /** The pointer of the object being parsed. */
  private currentPointer(): string {
    return this.path.map((token) => '/' + escapePointerToken(token)).join('');
  }
}

function digits(text: string, pos: number): number {
  for (;;) {
    const c = text.charCodeAt(pos);
    if (c >= Ch.Zero && c <= Ch.Nine) pos++;
    else return pos;
  }
}

/** The next quote, backslash or control character at or after pos. */
function nextSpecial(text: string, pos: number): number {
  for (;;) {
    const c = text.charCodeAt(pos);
    if (c === Ch.Quote || c === Ch.Backslash || c < 0x20 || pos >= text.length) return pos;
    pos++;
  }
}

/** Positions of one object or array: packed offsets and nested containers by member name (or index). */
interface PositionNode {
  /** Where the container starts: tells a stale child (a duplicate key replaced it) from the live one. */
  at: number;
  members: Map<string, number>;
  children: Map<string, PositionNode>;
}

/** Positions as a tree: walking a pointer costs its depth, recording costs no pointer strings. */
class TreePositions implements PositionTable {
  constructor(
    private readonly rootOffset: number,
    private readonly root: PositionNode | undefined,
  ) {}

  get(pointer: string): number | undefined {
    let packed = packPosition(this.rootOffset, -1);
    let node = this.root;
    for (const token of parsePointer(pointer)) {
      const member = node?.members.get(token);
      if (member === undefined) return undefined;
      packed = member;
      const child = node?.children.get(token);
      node = child !== undefined && child.at === valueOffsetOf(member) ? child : undefined;
    }
    return packed;
  }
}

/**
 * The offsets of every value and property name of a text that parseJson
 * accepted: a lighter pass than parsing (no values are built), run only
 * when a finding needs a place.
 */
export function recordJsonPositions(text: string): PositionTable {
  let pos = text.charCodeAt(0) === Ch.Bom ? 1 : 0;
  const skipWhitespace = (): void => {
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === Ch.Space || c === Ch.LineFeed || c === Ch.CarriageReturn || c === Ch.Tab) pos++;
      else return;
    }
  };
  /** Past the string at pos; its decoded text when asked. */
  const readString = (decode: boolean): string => {
    const start = pos;
    let escaped = false;
    pos++;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === Ch.Quote) break;
      if (c === Ch.Backslash) {
        escaped = true;
        pos += 2;
      } else {
        pos++;
      }
    }
    pos++;
    if (!decode) return '';
    return escaped ? (JSON.parse(text.slice(start, pos)) as string) : text.slice(start + 1, pos - 1);
  };
  const record = (node: PositionNode, name: string, keyOffset: number): void => {
    skipWhitespace();
    node.members.set(name, packPosition(pos, keyOffset));
    const child = recordValue();
    if (child !== undefined) node.children.set(name, child);
    skipWhitespace();
  };
  const recordValue = (): PositionNode | undefined => {
    const c = text.charCodeAt(pos);
    if (c === Ch.OpenBrace || c === Ch.OpenBracket) {
      const close = c === Ch.OpenBrace ? Ch.CloseBrace : Ch.CloseBracket;
      const node: PositionNode = { at: pos, members: new Map(), children: new Map() };
      pos++;
      skipWhitespace();
      if (text.charCodeAt(pos) === close) {
        pos++;
        return node;
      }
      for (let index = 0; ; index++) {
        skipWhitespace();
        if (c === Ch.OpenBrace) {
          const keyOffset = pos;
          const key = readString(true);
          skipWhitespace();
          pos++; // ':'
          record(node, key, keyOffset);
        } else {
          record(node, String(index), -1);
        }
        if (text.charCodeAt(pos++) === close) return node;
      }
    }
    if (c === Ch.Quote) {
      readString(false);
      return undefined;
    }
    for (;;) {
      const d = text.charCodeAt(pos);
      if (d === Ch.Comma || d === Ch.CloseBrace || d === Ch.CloseBracket || d <= Ch.Space || pos >= text.length) {
        return undefined;
      }
      pos++;
    }
  };
  skipWhitespace();
  const rootOffset = pos;
  return new TreePositions(rootOffset, recordValue());
}
