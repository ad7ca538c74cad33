import { StatesError } from '../../../src/definition/errors.js';
import { compileJsonata, type JsonataBindings, type JsonataLimits } from '../../../src/expressions/jsonata/index.js';

export function bindings(overrides: Partial<JsonataBindings> = {}): JsonataBindings {
  return {
    states: { input: {}, context: {} },
    variables: {},
    random: () => 0.5,
    ...overrides,
  };
}

/** Compiles and evaluates, failing the test on a compile issue. */
export async function evaluate(text: string, b: JsonataBindings = bindings(), location = 'Output', limits: JsonataLimits = {}): Promise<unknown> {
  const compiled = compileJsonata(text, limits);
  if (!compiled.ok) throw new Error(`did not compile: ${JSON.stringify(compiled.issues)}`);
  return compiled.value.evaluate(b, location);
}

/** The `{error, cause}` of the StatesError a promise rejects with. */
export async function failure(promise: Promise<unknown>): Promise<{ error: string; cause: string }> {
  try {
    await promise;
  } catch (error) {
    if (StatesError.is(error)) return { error: error.error, cause: error.cause };
    throw error;
  }
  throw new Error('expected a StatesError');
}
