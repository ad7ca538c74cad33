import { describe, expect, it } from 'vitest';
import { editDistance, suggestName } from '../../../src/definition/schema/suggest.js';

describe('editDistance (optimal string alignment)', () => {
  it.each([
    ['', '', 0],
    ['Next', 'Next', 0],
    ['Nxet', 'Next', 1],
    ['Nex', 'Next', 1],
    ['Reslt', 'Result', 1],
    ['Paramaters', 'Parameters', 1],
    ['abc', 'ca', 3],
    ['kitten', 'sitting', 3],
  ])('%j -> %j = %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });
});

describe('suggestName', () => {
  const fields = ['Type', 'Next', 'End', 'Result', 'ResultPath', 'Parameters'];
  it.each([
    ['next', 'Next'],
    ['resultpath', 'ResultPath'],
    ['RESULT', 'Result'],
    ['Reslt', 'Result'],
    ['Paramaters', 'Parameters'],
    ['Ned', 'End'], // a transposition (1) beats 'Next' (2)
    ['Nxt', 'Next'],
    ['Nothing', undefined],
    ['Output', undefined],
  ])('%j -> %j', (name, suggestion) => {
    expect(suggestName(name, fields)).toBe(suggestion);
  });
});
