import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkStringMatches, compileStringMatches, printablePattern } from '../../src/expressions/string-matches.js';

// Patterns and texts are the decoded strings: 'a\\*b' here is `a\*b`, written "a\\\\*b" in JSON.
describe('compileStringMatches (ASL-NOTES §4.4)', () => {
  it.each([
    ['*', '', true],
    ['*', 'anything at all', true],
    ['', '', true],
    ['', 'x', false],
    ['abc', 'abc', true],
    ['abc', 'abcd', false],
    ['log-*.txt', 'log-2024.txt', true],
    ['log-*.txt', 'log-.txt', true],
    ['log-*.txt', 'log-2024.txt.bak', false],
    ['log-*', 'xlog-1', false],
    ['*.txt', 'a.txt', true],
    ['*.txt', 'a.txt2', false],
    ['a*b*c', 'abc', true],
    ['a*b*c', 'aXbYc', true],
    ['a*b*c', 'acb', false],
    ['a*a', 'a', false],
    ['a*a', 'aa', true],
    ['*ab*ab*', 'abab', true],
    ['*ab*ab*', 'aba', false],
    ['a**b', 'ab', true],
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'axxb', false],
    ['a\\\\b', 'a\\b', true],
    ['a\\\\b', 'ab', false],
    ['a\\\\*', 'a\\zz', true],
    ['a\\\\*', 'azz', false],
    ['\\**', '*star', true],
    ['\\**', 'star', false],
    ['?[.]', '?[.]', true],
    ['?[.]', 'a[x]', false],
    ['a.c', 'abc', false],
    ['^$', '^$', true],
    ['é*ü', 'é-ü', true],
    ['😀*', '😀!', true],
  ])('%j on %j is %s', (pattern, text, expected) => {
    expect(compileStringMatches(pattern)(text)).toBe(expected);
  });

  it('agrees with an anchored regular expression on legal patterns', () => {
    const toRegExp = (pattern: string): RegExp => {
      let source = '';
      for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i]!;
        if (c === '\\') source += pattern[++i]!.replace(/[\\*]/, '\\$&');
        else source += c === '*' ? '[\\s\\S]*' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      }
      return new RegExp(`^${source}$`, 'u');
    };
    const pattern = fc.array(fc.constantFrom('a', 'b', '*', '\\*', '\\\\', '.'), { maxLength: 8 }).map((xs) => xs.join(''));
    const text = fc.array(fc.constantFrom('a', 'b', '*', '\\', '.'), { maxLength: 10 }).map((xs) => xs.join(''));
    fc.assert(fc.property(pattern, text, (p, t) => compileStringMatches(p)(t) === toRegExp(p).test(t)));
  });

  it('rejects a long near-miss quickly (no backtracking blow-up)', () => {
    const matches = compileStringMatches('*a*a*a*a*a*a*a*a*a*b');
    const started = Date.now();
    expect(matches('a'.repeat(50_000))).toBe(false);
    expect(Date.now() - started).toBeLessThan(200);
  });
});

const ONLY = "only '\\*' (a literal asterisk) and '\\\\' (a literal backslash) may follow a backslash";

describe('checkStringMatches', () => {
  it.each(['', '*', 'a\\*b', 'a\\\\b', 'log-*.txt', '?[.]', '\\\\\\*', '\\\\'])('%j is legal', (pattern) => {
    expect(checkStringMatches(pattern)).toBeUndefined();
  });

  it.each([
    ['a\\b', { message: `the escape '\\b' at character 2: ${ONLY}`, index: 1 }],
    ['\\n', { message: `the escape '\\n' at character 1: ${ONLY}`, index: 0 }],
    ['trailing\\', { message: `a lone '\\' at its end (character 9): ${ONLY}`, index: 8 }],
    ['\\\\\\', { message: `a lone '\\' at its end (character 3): ${ONLY}`, index: 2 }],
    ['ok\\*\\?x\\y', { message: `the escape '\\?' at character 5: ${ONLY}`, index: 4 }],
    ['a\\\nb', { message: `the escape '\\\\n' at character 2: ${ONLY}`, index: 1 }],
    ['\\😀', { message: `the escape '\\😀' at character 1: ${ONLY}`, index: 0 }],
  ])('%j has the first illegal escape', (pattern, issue) => {
    expect(checkStringMatches(pattern)).toEqual(issue);
  });

  it('an illegal escape still matches as a literal backslash, so compile is total', () => {
    expect(compileStringMatches('a\\b*')('a\\bc')).toBe(true);
    expect(compileStringMatches('end\\')('end\\')).toBe(true);
  });
});

describe('printablePattern', () => {
  it.each([
    ['plain *', 'plain *'],
    ['a\nb\tc\rd', 'a\\nb\\tc\\rd'],
    ['\u0000\u007f', '\\u0000\\u007f'],
  ])('%j prints as %j', (text, printed) => {
    expect(printablePattern(text)).toBe(printed);
  });
});
