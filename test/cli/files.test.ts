import { describe, expect, it } from 'vitest';
import { didYouMean } from '../../src/cli/args.js';
import { expandBraces, globToRegExp } from '../../src/cli/files.js';

describe('globToRegExp', () => {
  it.each([
    ['*.asl.json', 'a.asl.json', true],
    ['*.asl.json', 'sub/a.asl.json', false],
    ['**/*.asl.json', 'a.asl.json', true],
    ['**/*.asl.json', 'x/y/a.asl.json', true],
    ['sub/**', 'sub/x/y.json', true],
    ['?.json', 'a.json', true],
    ['?.json', 'ab.json', false],
    ['a+b.json', 'a+b.json', true],
    ['*.json', 'a.jsonx', false],
  ])('%s matches %s: %s', (pattern, path, expected) => {
    expect(globToRegExp(pattern).test(path)).toBe(expected);
  });
});

describe('expandBraces', () => {
  it.each([
    ['**/*.asl.{json,yml}', ['**/*.asl.json', '**/*.asl.yml']],
    ['{a,b}/{c,d}', ['a/c', 'a/d', 'b/c', 'b/d']],
    ['{{a,b},c}', ['a', 'b', 'c']],
    ['x.{json,}', ['x.json', 'x.']],
    ['{a,a}', ['a']],
    ['a{b}c', ['a{b}c']],
    ['a{b,c', ['a{b,c']],
    ['plain.json', ['plain.json']],
  ])('%s', (pattern, expected) => {
    expect(expandBraces(pattern)).toEqual(expected);
  });

  it('refuses more than 1024 alternatives', () => {
    expect(expandBraces('{a,b}'.repeat(10))).toHaveLength(1024);
    expect(expandBraces('{a,b}'.repeat(11))).toBeUndefined();
  });
});

describe('didYouMean', () => {
  const known = ['require-choice-default', 'valid-start-at', 'no-unreachable-state'];
  it.each([
    ['require-choise-default', 'require-choice-default'],
    ['valid-startat', 'valid-start-at'],
    ['something-else-entirely', undefined],
  ])('%s -> %s', (id, expected) => {
    expect(didYouMean(id, known)).toBe(expected);
  });
});
