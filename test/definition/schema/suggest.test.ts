import { describe, expect, it } from 'vitest';
import { editDistance, maxDistance, suggestName } from '../../../src/definition/schema/suggest.js';

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
    ['Nope', undefined], // 2 edits from 'Type' and from 'Next': too far for 4 letters
    ['Tpye', 'Type'],
    ['Rslt', undefined],
    ['Paramtrs', 'Parameters'],
  ])('%j -> %j', (name, suggestion) => {
    expect(suggestName(name, fields)).toBe(suggestion);
  });
});

describe('maxDistance', () => {
  it.each([
    ['Nxt', 1],
    ['Nope', 1],
    ['ouput', 1],
    ['Result', 2],
    ['Paramaters', 2],
  ])('%j -> %i', (name, distance) => {
    expect(maxDistance(name)).toBe(distance);
  });
});
