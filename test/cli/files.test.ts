import { describe, expect, it } from 'vitest';
import { didYouMean } from '../../src/cli/args.js';
import { globToRegExp } from '../../src/cli/files.js';

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
