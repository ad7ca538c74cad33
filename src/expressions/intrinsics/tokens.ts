/**
 * Tokens of the intrinsic-function grammar (https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html) and the one lexer built from them.
 * String literals accept any backslash escape here; the visitor reports the illegal ones with
 * their offset, which gives a precise message instead of a generic lexing failure.
 */
import { Lexer, createToken } from 'chevrotain';

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /\s+/, group: Lexer.SKIPPED });
export const LParen = createToken({ name: 'LParen', pattern: '(', label: "'('" });
export const RParen = createToken({ name: 'RParen', pattern: ')', label: "')'" });
export const Comma = createToken({ name: 'Comma', pattern: ',', label: "','" });

export const StringLiteral = createToken({
  name: 'StringLiteral',
  pattern: /'(?:[^'\\]|\\[\s\S])*'/,
  line_breaks: true,
  label: 'a string literal',
});

/**
 * A string literal with no closing quote, to the end of the text. As a token of its own it
 * keeps lexing linear: without it the lexer would rescan the rest from every later quote.
 */
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: /'(?:[^'\\]|\\[\s\S])*\\?/,
  line_breaks: true,
  label: 'an unterminated string literal',
});

export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  pattern: /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/,
  label: 'a number',
});

/** A function name; `States.` and membership in the table are checked after parsing, for a better message. */
export const Identifier = createToken({
  name: 'Identifier',
  pattern: /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/,
  label: 'a function name',
});

export const True = createToken({ name: 'True', pattern: 'true', longer_alt: Identifier, label: 'true' });
export const False = createToken({ name: 'False', pattern: 'false', longer_alt: Identifier, label: 'false' });
export const Null = createToken({ name: 'Null', pattern: 'null', longer_alt: Identifier, label: 'null' });

const OPENERS = new Set(['[', '(']);
const CLOSERS = new Set([']', ')']);

/**
 * A JSONPath argument (`$…`, `$$…`, `$var…`). JSONPath may itself contain commas, parentheses,
 * quotes and spaces (`$.a[0,1]`, `$[?(@.x > 1)]`, `$['a b']`), so the path runs until a `,`,
 * `)` or whitespace outside any bracket or quote. The paths module validates the text.
 */
function matchPath(text: string, offset: number): [string] | null {
  if (text[offset] !== '$') return null;
  let depth = 0;
  let quote = '';
  let i = offset + 1;
  for (; i < text.length; i++) {
    const c = text[i] as string;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (depth > 0 && (c === "'" || c === '"')) quote = c;
    else if (OPENERS.has(c)) depth++;
    else if (CLOSERS.has(c)) {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && (c === ',' || c === "'" || /\s/.test(c))) break;
  }
  return [text.slice(offset, i)];
}

export const Path = createToken({
  name: 'Path',
  pattern: { exec: matchPath },
  line_breaks: true,
  start_chars_hint: ['$'],
  label: 'a path',
});

export const ALL_TOKENS = [
  WhiteSpace,
  LParen,
  RParen,
  Comma,
  StringLiteral,
  UnterminatedString,
  NumberLiteral,   True,
  False,
  Null,
  Identifier,
  Path,
];

export const intrinsicLexer = new Lexer(ALL_TOKENS, { positionTracking: 'onlyOffset', ensureOptimizations: true });
