/**
 * Randomness for States.MathRandom, States.UUID, JSONata's $random and $uuid, and the engine's generated names. Unseeded draws read only the injected
 * `env.random`; a seeded MathRandom replays `java.util.Random` (AWS runs on the JVM), so the
 * same seed gives the same number as `new Random(seed).nextInt(bound)` does there.
 */

const MULTIPLIER = 0x5deece66dn;
const ADDEND = 0xbn;
const MASK = (1n << 48n) - 1n;

/** `java.util.Random` seeded with a Java `long`. */
export class JavaRandom {
  private seed: bigint;

  constructor(seed: bigint) {
    this.seed = (BigInt.asIntN(64, seed) ^ MULTIPLIER) & MASK;
  }

  /** `Random.next(bits)`: the top `bits` bits of the next state, as a signed 32-bit int. */
  next(bits: number): number {
    this.seed = (this.seed * MULTIPLIER + ADDEND) & MASK;
    return Number(BigInt.asIntN(32, this.seed >> BigInt(48 - bits)));
  }

  /** `Random.nextDouble()`: 53 random bits as a number in [0, 1). */
  nextDouble(): number {
    const high = BigInt(this.next(26));
    const low = BigInt(this.next(27));
    return Number((high << 27n) + low) / 2 ** 53;
  }

  /** `Random.nextInt(bound)` for 0 < bound <= 2^31 - 1, with Java's rejection loop. */
  nextInt(bound: number): number {
    if ((bound & -bound) === bound) return Number((BigInt(bound) * BigInt(this.next(31))) >> 31n);
    for (;;) {
      const bits = this.next(31);
      const value = bits % bound;
      // Java rejects draws whose int arithmetic `bits - value + (bound - 1)` overflows.
      if (bits - value + (bound - 1) <= 0x7fffffff) return value;
    }
  }
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/**
 * A version 4 UUID whose 122 random bits come from `random` (a source of numbers in [0, 1)):
 * one draw per byte, in order. A loop, not array helpers: the engine names every execution with it.
 */
export function uuidV4(random: () => number): string {
  let s = '';
  for (let i = 0; i < 16; i++) {
    let byte = Math.floor(random() * 256) & 0xff;
    if (i === 6) byte = (byte & 0x0f) | 0x40;
    else if (i === 8) byte = (byte & 0x3f) | 0x80;
    if (i === 4 || i === 6 || i === 8 || i === 10) s += '-';
    s += HEX[byte]!;
  }
  return s;
}
