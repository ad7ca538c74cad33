/**
 * The JSONPath dialect AWS accepts (Jayway JsonPath, https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-paths.html), parsed into data.
 * Only this parser ever reads a path's text: jsonpath-plus is handed queries built from the
 * parsed steps, and filters are parsed into a small expression tree evaluated by filter.ts,
 * so no path text can run JavaScript.
 */

export type PathRoot = 'input' | 'context' | 'variable';

/** A key of a definite step: a property name or an array index (negative counts from the end). */
export type PathKey = string | number;

export type Segment =
  | { type: 'property'; name: string }
  | { type: 'index'; index: number }
  | { type: 'wildcard' }
  /** `['a','b']`: at the end of a path Jayway merges them into one object. */
  | { type: 'properties'; names: string[] }
  | { type: 'indexes'; indexes: number[] }
  | { type: 'slice'; start: number | undefined; end: number | undefined }
  | { type: 'filter'; expression: FilterExpression }
  /** `..x`: the inner step applied to every node reached by recursive descent. */
  | { type: 'descendant'; step: Segment }
  /** `.length()` and the other Jayway aggregate functions; always the last step. */
  | { type: 'function'; name: PathFunctionName };

export const PATH_FUNCTIONS = ['length', 'min', 'max', 'avg', 'sum', 'stddev', 'keys', 'first', 'last'] as const;
export type PathFunctionName = (typeof PATH_FUNCTIONS)[number];

export type FilterOperand =
  | { type: 'literal'; value: string | number | boolean | null }
  /** `@...` (the candidate node) or `$...` (the document root), followed by definite keys. */
  | { type: 'node'; from: 'current' | 'root'; keys: PathKey[] };

export type ComparisonOperator = '==' | '!=' | '<' | '<=' | '>' | '>=';

export type FilterExpression =
  | { type: 'or' | 'and'; left: FilterExpression; right: FilterExpression }
  | { type: 'exists'; operand: FilterOperand & { type: 'node' } }
  | { type: 'compare'; operator: ComparisonOperator; left: FilterOperand; right: FilterOperand };

export interface ParsedPath {
  root: PathRoot;
  /** The variable name, for `$name...` paths. */
  variable?: string;
  segments: Segment[];
}

export class PathSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const VARIABLE_START = /[\p{ID_Start}_]/u;
const VARIABLE_PART = /[\p{ID_Continue}]/u;
const DOT_NAME_END = new Set(['.', '[', '(', ' ']);

/** Parse a path; throws PathSyntaxError (caught by compilePath, never escapes the module). */
export function parsePath(text: string): ParsedPath {
  return new Parser(text).parse();
}

class Parser {
  private pos = 0;

  constructor(private readonly text: string) {}

  parse(): ParsedPath {
    const { text } = this;
    if (text[0] !== '$') throw new PathSyntaxError("Path didn't start with '$'", 0);
    this.pos = 1;
    let result: ParsedPath;
    if (text[1] === '$') {
      this.pos = 2;
      result = { root: 'context', segments: [] };
    } else if (this.pos < text.length && VARIABLE_START.test(this.codePointAt(this.pos))) {
      const start = this.pos;
      this.pos += this.codePointAt(this.pos).length;
      while (this.pos < text.length && VARIABLE_PART.test(this.codePointAt(this.pos))) {
        this.pos += this.codePointAt(this.pos).length;
      }
      result = { root: 'variable', variable: text.slice(start, this.pos), segments: [] };
    } else {
      result = { root: 'input', segments: [] };
    }
    while (this.pos < text.length) {
      const segment = this.segment();
      result.segments.push(segment);
      if (segment.type === 'function' && this.pos < text.length) {
        throw new PathSyntaxError(`A function must be the last step of a path: '${segment.name}()'`, this.pos);
      }
    }
    return result;
  }

  private codePointAt(index: number): string {
    return String.fromCodePoint(this.text.codePointAt(index) ?? 0);
  }

  private segment(): Segment {
    const { text } = this;
    const c = text[this.pos];
    if (c === '[') return this.bracket();
    if (c !== '.') throw new PathSyntaxError(`Unexpected character '${c}' at position ${this.pos}`, this.pos);
    if (text[this.pos + 1] === '.') {
      this.pos += 2;
      if (this.pos >= text.length) throw new PathSyntaxError("Path must not end with '..'", this.pos);
      if (text[this.pos] === '[') return { type: 'descendant', step: this.bracket() };
      if (text[this.pos] === '.') throw new PathSyntaxError("Unexpected '.' after '..'", this.pos);
      const step = this.dotStep();
      if (step.type === 'function') throw new PathSyntaxError('A function cannot follow recursive descent', this.pos);
      return { type: 'descendant', step };
    }
    this.pos += 1;
    if (this.pos >= text.length) throw new PathSyntaxError("Path must not end with a '.'", this.pos);
    if (text[this.pos] === '.' || text[this.pos] === '[') {
      throw new PathSyntaxError(`Unexpected '${text[this.pos]}' after '.'`, this.pos);
    }
    return this.dotStep();
  }

  /** What follows a dot: `*`, a name, or `name()`. */
  private dotStep(): Segment {
    const { text } = this;
    const start = this.pos;
    if (text[start] === '*' && (start + 1 >= text.length || text[start + 1] === '.' || text[start + 1] === '[')) {
      this.pos += 1;
      return { type: 'wildcard' };
    }
    while (this.pos < text.length && !DOT_NAME_END.has(text[this.pos] as string)) this.pos += 1;
    const name = text.slice(start, this.pos);
    if (text[this.pos] === ' ') {
      throw new PathSyntaxError("Use bracket notation ['my prop'] if a property contains blank characters", this.pos);
    }
    if (text[this.pos] === '(') {
      if (text[this.pos + 1] !== ')') throw new PathSyntaxError(`Function '${name}' takes no arguments`, this.pos);
      if (!(PATH_FUNCTIONS as readonly string[]).includes(name)) {
        throw new PathSyntaxError(`Unknown function '${name}()'`, start);
      }
      this.pos += 2;
      return { type: 'function', name: name as PathFunctionName };
    }
    return { type: 'property', name };
  }

  private skipSpaces(): void {
    while (this.text[this.pos] === ' ') this.pos += 1;
  }

  private expect(char: string): void {
    if (this.text[this.pos] !== char) {
      const found = this.pos < this.text.length ? `'${this.text[this.pos]}'` : 'the end of the path';
      throw new PathSyntaxError(`Expected '${char}' at position ${this.pos} but found ${found}`, this.pos);
    }
    this.pos += 1;
  }

  private bracket(): Segment {
    const { text } = this;
    const open = this.pos;
    this.pos += 1;
    this.skipSpaces();
    const c = text[this.pos];
    let segment: Segment;
    if (c === '*') {
      this.pos += 1;
      segment = { type: 'wildcard' };
    } else if (c === '?') {
      this.pos += 1;
      this.expect('(');
      const expression = this.filterOr();
      this.skipSpaces();
      this.expect(')');
      segment = { type: 'filter', expression };
    } else if (c === "'" || c === '"') {
      const names = [this.quoted()];
      this.skipSpaces();
      while (text[this.pos] === ',') {
        this.pos += 1;
        this.skipSpaces();
        names.push(this.quoted());
        this.skipSpaces();
      }
      segment = names.length === 1 ? { type: 'property', name: names[0] as string } : { type: 'properties', names };
    } else if (c === ':' || c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      segment = this.indexOrSlice();
    } else if (c === '(') {
      throw new PathSyntaxError('Script expressions [(...)] are not supported', this.pos);
    } else {
      throw new PathSyntaxError(`Unexpected ${c === undefined ? 'end of path' : `'${c}'`} after '['`, this.pos);
    }
    this.skipSpaces();
    if (text[this.pos] !== ']') {
      throw new PathSyntaxError(`Unclosed '[' at position ${open}`, this.pos);
    }
    this.pos += 1;
    return segment;
  }

  private quoted(): string {
    const { text } = this;
    const quote = text[this.pos];
    if (quote !== "'" && quote !== '"') throw new PathSyntaxError('Expected a quoted property name', this.pos);
    const start = this.pos;
    this.pos += 1;
    let value = '';
    while (this.pos < text.length && text[this.pos] !== quote) {
      if (text[this.pos] === '\\' && this.pos + 1 < text.length) this.pos += 1;
      value += text[this.pos];
      this.pos += 1;
    }
    if (this.pos >= text.length) throw new PathSyntaxError(`Unterminated string starting at position ${start}`, start);
    this.pos += 1;
    return value;
  }

  private integer(): number | undefined {
    const match = /^-?\d+/.exec(this.text.slice(this.pos));
    if (!match) return undefined;
    this.pos += match[0].length;
    const value = Number(match[0]);
    if (!Number.isSafeInteger(value)) throw new PathSyntaxError(`Index out of range: ${match[0]}`, this.pos);
    return value;
  }

  private indexOrSlice(): Segment {
    const { text } = this;
    const first = this.integer();
    this.skipSpaces();
    if (text[this.pos] === ':') {
      this.pos += 1;
      this.skipSpaces();
      const end = this.integer();
      this.skipSpaces();
      if (text[this.pos] === ':') throw new PathSyntaxError('Slices with a step are not supported', this.pos);
      return { type: 'slice', start: first, end };
    }
    if (first === undefined) throw new PathSyntaxError("Expected an index after '['", this.pos);
    const indexes = [first];
    while (text[this.pos] === ',') {
      this.pos += 1;
      this.skipSpaces();
      const next = this.integer();
      if (next === undefined) throw new PathSyntaxError("Expected an index after ','", this.pos);
      indexes.push(next);
      this.skipSpaces();
    }
    return indexes.length === 1 ? { type: 'index', index: first } : { type: 'indexes', indexes };
  }

  // Filter expressions: `||` binds looser than `&&`; operands are @/$ paths or JSON literals.

  private filterOr(): FilterExpression {
    let left = this.filterAnd();
    for (;;) {
      this.skipSpaces();
      if (!this.text.startsWith('||', this.pos)) return left;
      this.pos += 2;
      left = { type: 'or', left, right: this.filterAnd() };
    }
  }

  private filterAnd(): FilterExpression {
    let left = this.filterTerm();
    for (;;) {
      this.skipSpaces();
      if (!this.text.startsWith('&&', this.pos)) return left;
      this.pos += 2;
      left = { type: 'and', left, right: this.filterTerm() };
    }
  }

  private filterTerm(): FilterExpression {
    this.skipSpaces();
    if (this.text[this.pos] === '(') {
      this.pos += 1;
      const inner = this.filterOr();
      this.skipSpaces();
      this.expect(')');
      return inner;
    }
    const start = this.pos;
    const left = this.operand();
    this.skipSpaces();
    const operator = /^(==|!=|<=|>=|<|>)/.exec(this.text.slice(this.pos))?.[0] as ComparisonOperator | undefined;
    if (operator === undefined) {
      if (left.type !== 'node') {
        throw new PathSyntaxError('A filter must test @ or $ (for example [?(@.price < 10)] or [?(@.tags)])', start);
      }
      const next = this.text[this.pos];
      if (next !== undefined && next !== ')' && next !== '&' && next !== '|') {
        throw new PathSyntaxError(`Unsupported filter operator at position ${this.pos}`, this.pos);
      }
      return { type: 'exists', operand: left };
    }
    this.pos += operator.length;
    this.skipSpaces();
    return { type: 'compare', operator, left, right: this.operand() };
  }

  private operand(): FilterOperand {
    const { text } = this;
    const c = text[this.pos];
    if (c === '@' || c === '$') {
      this.pos += 1;
      const keys: PathKey[] = [];
      for (;;) {
        if (text[this.pos] === '.' && text[this.pos + 1] !== '.') {
          this.pos += 1;
          const start = this.pos;
          while (this.pos < text.length && /[^\s.[\]()=!<>&|,]/.test(text[this.pos] as string)) this.pos += 1;
          if (this.pos === start || text[this.pos] === '(') {
            throw new PathSyntaxError('Expected a property name in the filter', start);
          }
          keys.push(text.slice(start, this.pos));
        } else if (text[this.pos] === '[') {
          this.pos += 1;
          this.skipSpaces();
          const q = text[this.pos];
          if (q === "'" || q === '"') keys.push(this.quoted());
          else {
            const index = this.integer();
            if (index === undefined) throw new PathSyntaxError('Only names and indices may follow @ or $ in a filter', this.pos);
            keys.push(index);
          }
          this.skipSpaces();
          this.expect(']');
        } else {
          return { type: 'node', from: c === '@' ? 'current' : 'root', keys };
        }
      }
    }
    if (c === "'" || c === '"') return { type: 'literal', value: this.quoted() };
    const literal = /^(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(this.pos))?.[0];
    if (literal === undefined) {
      throw new PathSyntaxError(`Unsupported filter expression at position ${this.pos}`, this.pos);
    }
    this.pos += literal.length;
    return { type: 'literal', value: JSON.parse(literal) as number | boolean | null };
  }
}

/** Jayway's rendering of a definite path, used in AWS's error causes: `$['a'][0]`. */
export function renderKeys(rootText: string, keys: readonly PathKey[]): string {
  let out = rootText;
  for (const key of keys) out += typeof key === 'number' ? `[${key}]` : `['${key}']`;
  return out;
}
