import { describe, expect, it } from 'vitest';
import { JavaRandom, uuidV4 } from '../../../src/expressions/intrinsics/random.js';
import { sequence } from './helpers.js';

// Expected values printed by a JVM (OpenJDK): new Random(seed).nextInt() / nextInt(bound).
describe('JavaRandom replays java.util.Random', () => {
  it.each([
    [0n, -1155484576],
    [42n, -1170105035],
  ] as const)('new Random(%d).nextInt() is %d', (seed, expected) => {
    expect(new JavaRandom(seed).next(32)).toBe(expected);
  });

  it.each([
    [42n, 99, 62],
    [1n, 999, 105],
    [-10n, 9, 0],
    [42n, 64, 46],
    [7n, 2147483647, 1569164236],
    [123456789012n, 1000000, 712462],
  ] as const)('new Random(%d).nextInt(%d) is %d', (seed, bound, expected) => {
    expect(new JavaRandom(seed).nextInt(bound)).toBe(expected);
  });

  it('continues the same sequence on later draws', () => {
    const random = new JavaRandom(5n);
    expect([random.nextInt(10), random.nextInt(10), random.nextInt(1073741825)]).toEqual([7, 2, 189533474]);
  });
});

describe('uuidV4', () => {
  it('sets the version and variant bits over the drawn bytes', () => {
    expect(uuidV4(sequence(0.999))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(uuidV4(sequence(0))).toBe('00000000-0000-4000-8000-000000000000');
  });
});
