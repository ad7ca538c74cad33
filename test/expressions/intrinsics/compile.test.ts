import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StatesError } from '../../../src/definition/errors.js';
import {
  compileIntrinsic,
  INTRINSIC_FAILURE_ERROR,
  INTRINSIC_FUNCTIONS,
  invalidIntrinsicFieldMessage,
  isIntrinsicCall,
  suggestFunction,
} from '../../../src/expressions/intrinsics/index.js';
import { compiled, makeEnv } from './helpers.js';

function issuesOf(text: string): Array<{ message: string; offset: number; check: string }> {
  const result = compileIntrinsic(text);
  if (result.ok) throw new Error(`expected ${text} not to compile`);
  return result.issues.map((issue) => {
    expect(issue.code).toBe('SCHEMA_VALIDATION_FAILED');
    const { message, offset, check } = issue as typeof issue & { offset: number; check: string };
    return { message, offset, check };
  });
}

const ILLEGAL = "only \\', \\{, \\} and \\\\ are allowed";

/** [text, message, offset, check] for texts with exactly one issue. */
const ISSUES: ReadonlyArray<readonly [string, string, number, string]> = [
  // escapes (JSON escapes are already decoded, so these backslashes are in the intrinsic text)
  ["States.StringToJson('\\{\\\"text\":1\\}')", `Illegal escape '\\"' in a string literal: ${ILLEGAL}`, 23, 'escape'],
  ["States.Format('ok \\q')", `Illegal escape '\\q' in a string literal: ${ILLEGAL}`, 18, 'escape'],
  ["States.Format('tab\\t{}', 1)", `Illegal escape '\\t' in a string literal: ${ILLEGAL}`, 18, 'escape'],
  // syntax
  ["States.Format('unterminated", 'Unterminated string literal', 14, 'syntax'],
  ["States.Format('it\\'s)", 'Unterminated string literal', 14, 'syntax'],
  ["States.Format('a' 'b')", "Expected ')' but found 'b'", 18, 'syntax'],
  [
    "States.Format('a',)",
    'Expected an argument (a string, number, true, false, null, path or intrinsic function call) but found \')\'',
    18,
    'syntax',
  ],
  ["States.Format('a'))", "Unexpected ')' after the end of the intrinsic function call", 18, 'syntax'],
  ["States.Format('x') extra", "Unexpected 'extra' after the end of the intrinsic function call", 19, 'syntax'],
  ['States.Format', "Expected '(' but found the end of the text", 13, 'syntax'],
  ['States.Format(#)', "Unexpected character '#'", 14, 'syntax'],
  ['States.Format(01)', "Expected ')' but found '1'", 15, 'syntax'],
  ['', 'Expected a function name but found the end of the text', 0, 'syntax'],
  ["'States.Format'", "Expected a function name but found 'States.Format'", 0, 'syntax'],
  // names
  ['States.format(1)', "Unknown intrinsic function 'States.format'; did you mean 'States.Format'?", 0, 'unknown-function'],
  ["Format('x')", "Unknown intrinsic function 'Format'; did you mean 'States.Format'?", 0, 'unknown-function'],
  ['States.ArrayLen($.a)', "Unknown intrinsic function 'States.ArrayLen'; did you mean 'States.Array'?", 0, 'unknown-function'],
  ['States.Frobnicate()', "Unknown intrinsic function 'States.Frobnicate'", 0, 'unknown-function'],
  // path arguments are compiled by the paths module; offsets are shifted into the whole text
  ["States.Format('{}', $.)", "Invalid path '$.': Value is not a valid JSONPath: Path must not end with a '.'", 22, 'path'],
];


/**
 * [text, warning, offset, check, input, run-time cause]: AWS accepts these definitions and
 * fails the call when it runs (States.Runtime, `Invalid arguments in States.X`), so they
 * compile, with a warning, and evaluating them raises INTRINSIC_FAILURE_ERROR.
 */
const SURE_FAILURES: ReadonlyArray<readonly [string, string, number, string, unknown, string]> = [
  // argument counts: AWS's grammar knows the names, not the signatures (recorded: States.Hash() and States.Hash('hello') fail at run time)
  ...(
    [
      ['States.ArrayLength($.a, 2)', 'States.ArrayLength takes 1 argument but was given 2', 0],
      ['States.UUID(1)', 'States.UUID takes no arguments but was given 1', 0],
      ['States.Format()', 'States.Format takes at least 1 argument but was given 0', 0],
      ['States.MathRandom(1)', 'States.MathRandom takes 2 or 3 arguments but was given 1', 0],
      ['States.MathRandom(1, 2, 3, 4)', 'States.MathRandom takes 2 or 3 arguments but was given 4', 0],
      ['States.JsonMerge($.a, $.b)', 'States.JsonMerge takes 3 arguments but was given 2', 0],
      ["States.Hash('hello')", 'States.Hash takes 2 arguments but was given 1', 0],
      ['States.Array(1, States.MathAdd(1))', 'States.MathAdd takes 2 arguments but was given 1', 16],
    ] as const
  ).map(([text, message, offset]): [string, string, number, string, unknown, string] => [
    text,
    message,
    offset,
    'arity',
    { a: [1], b: {} },
    `Invalid arguments in ${message.slice(0, message.indexOf(' '))}: ${message.slice(message.indexOf(' ') + 1)}`,
  ]),
  // literal argument types and nested return types
  [
    "States.ArrayPartition('not-array', 2)",
    'States.ArrayPartition: argument 1 must be an array, but a string was given',
    22,
    'argument-type',
    {},
    'Invalid arguments in States.ArrayPartition: argument 1 must be an array, but was a string',
  ],
  [
    'States.StringToJson(null)',
    'States.StringToJson: argument 1 must be a string, but null was given',
    20,
    'argument-type',
    {},
    'Invalid arguments in States.StringToJson: argument 1 must be a string, but was null',
  ],
  [
    'States.ArrayLength(States.Format($.x))',
    'States.ArrayLength: argument 1 must be an array, but States.Format returns a string',
    19,
    'argument-type',
    { x: 'a' },
    'Invalid arguments in States.ArrayLength: argument 1 must be an array, but was a string',
  ],
  ['States.Format(1)', 'States.Format: argument 1 must be a string, but a number was given', 14, 'argument-type', {}, 'Invalid arguments in States.Format: argument 1 must be a string, but was a number'],
  [
    "States.JsonMerge($.a, $.b, 'false')",
    'States.JsonMerge: argument 3 must be a boolean, but a string was given',
    27,
    'argument-type',
    { a: {}, b: {} },
    'Invalid arguments in States.JsonMerge: argument 3 must be a boolean, but was a string',
  ],
  [
    "States.MathRandom(1, 10, 'seed')",
    'States.MathRandom: argument 3 must be a number, but a string was given',
    25,
    'argument-type',
    {},
    'Invalid arguments in States.MathRandom: argument 3 must be a number, but was a string',
  ],
  // asl-validator's invalid-math-add.json
  ["States.MathAdd(1,'-1')", 'States.MathAdd: argument 2 must be a number, but a string was given', 17, 'argument-type', {}, 'Invalid arguments in States.MathAdd: argument 2 must be a number, but was a string'],
  // function-specific literal checks
  [
    "States.Format('{} {}', 1)",
    'States.Format: the template has 2 placeholders {} but 1 value was given',
    14,
    'format-placeholders',
    {},
    'Invalid arguments in States.Format: the template has 2 placeholders {} but 1 value was given',
  ],
  [
    "States.Format('{}')",
    'States.Format: the template has 1 placeholder {} but 0 values were given',
    14,
    'format-placeholders',
    {},
    'Invalid arguments in States.Format: the template has 1 placeholder {} but 0 values were given',
  ],
  [
    "States.Format('\\{\\}', 1)",
    'States.Format: the template has 0 placeholders {} but 1 value was given',
    14,
    'format-placeholders',
    {},
    'Invalid arguments in States.Format: the template has 0 placeholders {} but 1 value was given',
  ],
  // recorded on AWS: a lone brace in a literal template fails the call
  ...(["States.Format('Hello {', $.a)", "States.Format('}')", "States.Format('Hello {{}}', $.a)"].map((text) => [
    text,
    'States.Format: the template has an unescaped brace that is not part of a {} placeholder; write \\{ or \\} for a literal brace',
    text.indexOf('{', 14) === -1 ? 15 : text.indexOf('{', 14),
    'format-template',
    { a: 'x' },
    'Invalid arguments in States.Format: the template has an unescaped brace that is not part of a {} placeholder',
  ]) as [string, string, number, string, unknown, string][]),
  [
    'States.ArrayRange(1, 1001, 1)',
    'States.ArrayRange: the range has 1001 elements; at most 1000 are allowed',
    0,
    'array-range',
    {},
    'Invalid arguments in States.ArrayRange: the range has 1001 elements; at most 1000 are allowed',
  ],
  [
    'States.ArrayRange(1000, -1000, -1)',
    'States.ArrayRange: the range has 2001 elements; at most 1000 are allowed',
    0,
    'array-range',
    {},
    'Invalid arguments in States.ArrayRange: the range has 2001 elements; at most 1000 are allowed',
  ],
  ['States.ArrayRange(0, 10, 0)', 'States.ArrayRange: step must not be 0', 25, 'array-range', {}, 'Invalid arguments in States.ArrayRange: step must not be 0'],
  ['States.ArrayRange(1, 10, 0.49)', 'States.ArrayRange: step must not be 0', 25, 'array-range', {}, 'Invalid arguments in States.ArrayRange: step must not be 0'],
  [
    'States.JsonMerge($.a, $.b, true)',
    'States.JsonMerge: deep merging is not supported; the third argument must be false',
    27,
    'json-merge-deep',
    { a: {}, b: {} },
    'Invalid arguments in States.JsonMerge: deep merging is not supported; the third argument must be false',
  ],
  [
    "States.Hash('x', 'sha256')",
    "States.Hash: unsupported algorithm 'sha256'; did you mean 'SHA-256'?",
    17,
    'hash-algorithm',
    {},
    "Invalid arguments in States.Hash: unsupported algorithm 'sha256'; use one of MD5, SHA-1, SHA-256, SHA-384, SHA-512",
  ],
  [
    "States.Hash('x', 'SHA3')",
    "States.Hash: unsupported algorithm 'SHA3'; use one of MD5, SHA-1, SHA-256, SHA-384, SHA-512",
    17,
    'hash-algorithm',
    {},
    "Invalid arguments in States.Hash: unsupported algorithm 'SHA3'; use one of MD5, SHA-1, SHA-256, SHA-384, SHA-512",
  ],
];

describe('compile issues', () => {
  it.each(ISSUES)('%s: %s at %d', (text, message, offset, check) => {
    expect(issuesOf(text)).toEqual([{ message, offset, check }]);
  });

  it('reports every create-time issue, in text order', () => {
    expect(issuesOf("States.Array(States.Fromat('x'), States.MathAdd(1), 'a\\n', States.ArrayLength('s'), States.Nope())")).toEqual([
      { message: "Unknown intrinsic function 'States.Fromat'; did you mean 'States.Format'?", offset: 13, check: 'unknown-function' },
      { message: `Illegal escape '\\n' in a string literal: ${ILLEGAL}`, offset: 54, check: 'escape' },
      { message: "Unknown intrinsic function 'States.Nope'", offset: 84, check: 'unknown-function' },
    ]);
  });

  it('allows 10 levels of nesting and refuses 11', () => {
    const nest = (levels: number): string => (levels === 1 ? 'States.Array()' : `States.Array(${nest(levels - 1)})`);
    expect(compileIntrinsic(nest(10)).ok).toBe(true);
    expect(issuesOf(nest(11))).toEqual([{ message: 'Intrinsic functions may be nested at most 10 levels deep', offset: 130, check: 'nesting' }]);
    expect(issuesOf(nest(5000))).toEqual([{ message: 'Intrinsic functions may be nested at most 10 levels deep', offset: 130, check: 'nesting' }]);
  });

  it('stays linear on a long unterminated string full of escaped quotes', () => {
    const text = `States.Format(${"'\\".repeat(50000)}`;
    const started = performance.now();
    expect(issuesOf(text)).toEqual([{ message: 'Unterminated string literal', offset: 14, check: 'syntax' }]);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('accepts whitespace around the call and its arguments', () => {
    expect(compiled("  States.Format( '{}' ,\n $.a )  ").evaluate({ a: 1 }, makeEnv(), 'v.$')).toBe('1');
  });

  it('reads paths with commas, parentheses, quotes and spaces inside brackets as one argument', () => {
    const text = "States.Array($.a[0,1], $['b, c'], $.d[?(@.x > 1)], $.e.length())";
    const input = { a: [1, 2, 3], 'b, c': 'bc', d: [{ x: 1 }, { x: 2 }], e: [1, 2] };
    expect(compiled(text).evaluate(input, makeEnv(), 'v.$')).toEqual([[1, 2], 'bc', [{ x: 2 }], 2]);
  });
});

describe('sure run-time failures: a warning at compile time, States.Runtime when run', () => {
  it.each(SURE_FAILURES)('%s warns %j at %d', (text, message, offset, check, input, cause) => {
    const value = compiled(text);
    expect(value.warnings.map(({ message, offset, check, code }) => ({ message, offset, check, code }))).toEqual([
      { message, offset, check, code: undefined },
    ]);
    expect(() => value.evaluate(input, makeEnv(), 'value.$')).toThrow(new StatesError(INTRINSIC_FAILURE_ERROR, cause));
  });

  it('orders warnings by offset, nested ones included', () => {
    const { warnings } = compiled("States.Array(States.MathAdd('a', 1), States.Hash('x', 'md5'), '{')");
    expect(warnings.map(({ offset, check }) => [offset, check])).toEqual([
      [28, 'argument-type'],
      [54, 'hash-algorithm'],
      [63, 'unescaped-brace'],
    ]);
  });
});

describe('warnings', () => {
  it('warns about unescaped braces outside a States.Format template, once per literal at its first brace', () => {
    const warnings = compiled("States.Array('{\"a\": {}}', 'b}')").warnings;
    expect(warnings.map(({ message, offset, check }) => ({ message, offset, check }))).toEqual([
      { message: 'Unescaped brace in a string literal; the spec reserves { and }, write \\{ or \\}', offset: 14, check: 'unescaped-brace' },
      { message: 'Unescaped brace in a string literal; the spec reserves { and }, write \\{ or \\}', offset: 28, check: 'unescaped-brace' },
    ]);
  });

  it('warns about a lone brace in a Format template (a sure failure), and about braces in its other string arguments', () => {
    const warnings = compiled("States.Format('a { b {}', 'x}')").warnings;
    expect(warnings.map(({ offset, message, check }) => [offset, message, check])).toEqual([
      [17, 'States.Format: the template has an unescaped brace that is not part of a {} placeholder; write \\{ or \\} for a literal brace', 'format-template'],
      [28, 'Unescaped brace in a string literal; the spec reserves { and }, write \\{ or \\}', 'unescaped-brace'],
    ]);
  });

  it('warns about a literal argument to States.JsonToString', () => {
    const { warnings } = compiled("States.JsonToString('x')");
    expect(warnings.map(({ message, offset, check }) => ({ message, offset, check }))).toEqual([
      { message: 'States.JsonToString expects a path argument; a literal argument is not documented', offset: 20, check: 'literal-argument' },
    ]);
    expect(compiled('States.JsonToString($.x)').warnings).toEqual([]);
  });

  it('has no warnings for escaped braces and placeholders', () => {
    expect(compiled("States.Format('\\{{}\\}', States.StringToJson('\\{\\}'))").warnings).toEqual([]);
  });
});

describe('contract helpers', () => {
  it.each([
    ["States.Format('x')", true],
    ["  \n States.UUID()", true],
    ['$.States.x', false],
    ['Format()', false],
    ['states.Format()', false],
  ] as const)('isIntrinsicCall(%j) is %s', (text, expected) => {
    expect(isIntrinsicCall(text)).toBe(expected);
  });

  it('gives the AWS message for an invalid `.$` field', () => {
    expect(invalidIntrinsicFieldMessage('parsed.$')).toBe(
      "The value for the field 'parsed.$' must be a valid JSONPath or a valid intrinsic function call",
    );
  });

  it.each([
    ['States.Fromat', 'States.Format'],
    ['format', 'States.Format'],
    ['States.uuid', 'States.UUID'],
    ['States.Nothing', undefined],
  ] as const)('suggestFunction(%j) is %j', (name, expected) => {
    expect(suggestFunction(name)).toBe(expected);
  });

  it('exposes the table as data, one row per AWS function', () => {
    expect(INTRINSIC_FUNCTIONS.map((fn) => [fn.name, fn.minArgs, fn.maxArgs])).toEqual([
      ['States.Format', 1, Infinity],
      ['States.StringToJson', 1, 1],
      ['States.JsonToString', 1, 1],
      ['States.Array', 0, Infinity],
      ['States.ArrayPartition', 2, 2],
      ['States.ArrayContains', 2, 2],
      ['States.ArrayRange', 3, 3],
      ['States.ArrayGetItem', 2, 2],
      ['States.ArrayLength', 1, 1],
      ['States.ArrayUnique', 1, 1],
      ['States.Base64Encode', 1, 1],
      ['States.Base64Decode', 1, 1],
      ['States.Hash', 2, 2],
      ['States.JsonMerge', 3, 3],
      ['States.MathRandom', 2, 3],
      ['States.MathAdd', 2, 2],
      ['States.StringSplit', 2, 2],
      ['States.UUID', 0, 0],
    ]);
  });

  it('reports what the outermost call returns', () => {
    expect(compiled('States.ArrayLength($.a)').returns).toBe('number');
    expect(compiled('States.ArrayGetItem($.a, 0)').returns).toBe('any');
  });
});

describe('the parser never throws', () => {
  const pieces = fc.constantFrom(
    'States.Format',
    'States.Array',
    'States.MathAdd',
    'States.ArrayRange',
    'States.Nope',
    '(',
    ')',
    ',',
    "'",
    "'text'",
    "'{}'",
    '\\',
    '{',
    '}',
    '$',
    '$$',
    '$.a',
    '$x',
    '[',
    ']',
    '?(@.a > 1)',
    '1',
    '-1.5',
    '1e400',
    'true',
    'null',
    ' ',
    '\n',
  );

  it('on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        const result = compileIntrinsic(text);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });

  it('on strings built from grammar pieces, and evaluation only throws StatesError', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 25 }), (parts) => {
        const result = compileIntrinsic(parts.join(''));
        if (!result.ok) {
          for (const issue of result.issues) expect(issue.offset).toBeGreaterThanOrEqual(0);
          return;
        }
        try {
          result.value.evaluate({ a: [1, 2] }, makeEnv({ variables: { x: 1 }, random: () => 0.5 }), 'v.$');
        } catch (error) {
          expect(error).toBeInstanceOf(StatesError);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('on any text after a function name, with every issue and warning placed inside the text', () => {
    fc.assert(
      fc.property(fc.constantFrom('States.Format(', 'States.Array(', 'States.StringToJson(', 'States.'), fc.string({ unit: 'binary', maxLength: 40 }), (head, tail) => {
        const text = head + tail;
        const result = compileIntrinsic(text);
        const placed = result.ok ? result.value.warnings : result.issues;
        for (const issue of placed) {
          expect(issue.offset).toBeGreaterThanOrEqual(0);
          expect(issue.offset).toBeLessThanOrEqual(text.length);
          expect(issue.code).toBe(result.ok ? undefined : 'SCHEMA_VALIDATION_FAILED');
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the severity split, as a property', () => {
  const stringLiteral = fc.string({ maxLength: 6 }).map((text) => `'${text.replace(/['\\{}]/g, '')}'`);
  const literal = fc.oneof(
    stringLiteral,
    fc.constantFrom("'{}'", "'{} {}'", "'MD5'", "'SHA-1'", "'sha1'", "'[1,2]'", "'{\\}'"),
    fc.integer({ min: -3, max: 3 }).map(String),
    fc.constantFrom('0.5', '-1.5', '1001', 'true', 'false', 'null'),
  );
  const call = fc.constantFrom(...INTRINSIC_FUNCTIONS).chain((fn) => {
    const max = fn.maxArgs === Infinity ? fn.minArgs + 2 : fn.maxArgs;
    return fc.array(literal, { minLength: fn.minArgs, maxLength: max }).map((args) => `${fn.name}(${args.join(', ')})`);
  });
  const SURE = new Set(['argument-type', 'format-placeholders', 'format-template', 'array-range', 'json-merge-deep', 'hash-algorithm']);

  it('a call with the right number of literal arguments always compiles; a sure-failure warning means it fails when run, with States.Runtime', () => {
    fc.assert(
      fc.property(call, (text) => {
        const result = compileIntrinsic(text);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        let failure: unknown;
        try {
          result.value.evaluate({}, makeEnv({ random: () => 0.5 }), 'v.$');
        } catch (error) {
          failure = error;
        }
        if (failure !== undefined) {
          expect(failure).toBeInstanceOf(StatesError);
          expect((failure as StatesError).error).toBe('States.Runtime');
        }
        if (result.value.warnings.some((warning) => SURE.has(warning.check))) expect(failure).toBeDefined();
      }),
      { numRuns: 3000 },
    );
  });

  it('returns the same compiled value for the same text', () => {
    expect(compileIntrinsic('States.MathAdd($.a, 1)')).toBe(compileIntrinsic('States.MathAdd($.a, 1)'));
  });
});
