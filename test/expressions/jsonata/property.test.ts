import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { walkDefinition } from '../../../src/definition/walk.js';
import { analyzeJsonata, checkFunctionCall, jsonataStringsOf } from '../../../src/expressions/jsonata/index.js';
import { variablesOf } from '../../../src/lint/variables.js';

/** Expression-like text: JSONata tokens, names, brackets and garbage in any order. */
const token = fc.oneof(
  fc.constantFrom('$', '$$', '$states', '.input', '.result', '$x', 'name', '(', ')', '[', ']', '{', '}', ':=', ';', ',', "'s'", '1', '+', '*', '?', '@', '#', 'function($v){', '~>', '$count(', '..', '%'),
  fc.string({ maxLength: 4 }),
);
const expression = fc.array(token, { maxLength: 12 }).map((parts) => parts.join(' '));
const wrapped = fc.oneof(
  expression.map((e) => `{% ${e} %}`),
  expression.map((e) => `{%${e}`),
  expression.map((e) => `${e}%}`),
  expression,
);

describe('the static reading of JSONata is total', () => {
  it('analyzeJsonata never throws, and every issue has a code and an offset inside the text', () => {
    fc.assert(
      fc.property(wrapped, (text) => {
        const analysis = analyzeJsonata(text);
        for (const issue of analysis.issues) {
          expect(['INVALID_JSONATA_EXPRESSION', 'UNSUPPORTED_JSONATA_EXPRESSION']).toContain(issue.code);
          expect(issue.offset ?? 0).toBeGreaterThanOrEqual(0);
          expect(issue.offset ?? 0).toBeLessThanOrEqual(text.length);
        }
        for (const call of analysis.functions) checkFunctionCall(call);
      }),
      { numRuns: 500, seed: 20261126 },
    );
  });

  it('jsonataStringsOf and variablesOf never throw on any state shape', () => {
    const value = fc.oneof(wrapped, fc.jsonValue({ maxDepth: 2 }));
    const assign = fc.dictionary(fc.oneof(fc.constantFrom('a', 'b.$', 'states', '__proto__', 'x y'), fc.string({ maxLength: 3 })), value);
    const state = fc.record(
      {
        Type: fc.constantFrom('Task', 'Pass', 'Choice', 'Parallel', 'Map'),
        QueryLanguage: fc.constantFrom('JSONPath', 'JSONata'),
        Assign: fc.oneof(assign, value),
        Output: value,
        Arguments: value,
        Parameters: fc.oneof(assign, value),
        InputPath: value,
        Choices: fc.oneof(fc.array(fc.record({ Condition: value, Variable: value, Assign: fc.oneof(assign, value), Not: value }, { requiredKeys: [] })), value),
        Catch: fc.oneof(fc.array(fc.record({ Assign: fc.oneof(assign, value), Output: value }, { requiredKeys: [] })), value),
        ItemReader: fc.oneof(fc.record({ ReaderConfig: value, Arguments: value, Parameters: value }, { requiredKeys: [] }), value),
      },
      { requiredKeys: ['Type'] },
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('A', 'B', 'C'), state), (states) => {
        const definition = { StartAt: 'A', States: states };
        for (const s of Object.values(states)) jsonataStringsOf({ state: s as Record<string, unknown> });
        const variables = variablesOf(walkDefinition(definition));
        for (const scope of variables.scopes.values()) for (const read of scope.reads) expect(read.pointer.startsWith('/States/')).toBe(true);
      }),
      { numRuns: 300, seed: 20261126 },
    );
  });
});
