import { expect } from 'vitest';
import { StatesError } from '../../../src/definition/errors.js';
import { compileIntrinsic } from '../../../src/expressions/intrinsics/index.js';
import type { CompiledIntrinsic } from '../../../src/expressions/intrinsics/index.js';
import type { EvaluationEnv } from '../../../src/expressions/types.js';

/** A random source that must not be read: a seeded or random-free call never touches it. */
export function noRandom(): number {
  throw new Error('env.random was read');
}

export function makeEnv(overrides: Partial<EvaluationEnv> = {}): EvaluationEnv {
  return { context: {}, variables: {}, random: noRandom, ...overrides };
}

/** A random source that returns the given numbers in turn (the last one repeats). */
export function sequence(...values: number[]): () => number {
  let index = 0;
  return () => values[Math.min(index++, values.length - 1)] as number;
}

export function compiled(text: string): CompiledIntrinsic {
  const result = compileIntrinsic(text);
  if (!result.ok) throw new Error(`expected ${text} to compile: ${JSON.stringify(result.issues)}`);
  return result.value;
}

export function run(text: string, input: unknown = {}, env: EvaluationEnv = makeEnv()): unknown {
  return compiled(text).evaluate(input, env, 'value.$');
}

export function runError(text: string, input: unknown = {}, env: EvaluationEnv = makeEnv()): { error: string; cause: string } {
  try {
    run(text, input, env);
  } catch (error) {
    expect(error).toBeInstanceOf(StatesError);
    const { error: name, cause } = error as StatesError;
    return { error: name, cause };
  }
  throw new Error(`expected ${text} to fail`);
}
