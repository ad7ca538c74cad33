import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/index.js';

/** Values shaped like a definition often enough to reach every rule, with garbage anywhere. */
const names = fc.constantFrom('A', 'B', 'C', 'constructor', '__proto__', 'a/b', '');
const field = fc.oneof(fc.jsonValue({ maxDepth: 2 }), names);
const state = fc.record(
  {
    Type: fc.oneof(fc.constantFrom('Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map'), fc.jsonValue({ maxDepth: 1 })),
    Next: fc.oneof(names, field),
    End: fc.oneof(fc.boolean(), field),
    Default: names,
    Resource: fc.oneof(fc.constantFrom('arn:aws:states:::lambda:invoke', 'arn:aws:states:us-east-1:1:activity:x', 'x'), field),
    Choices: fc.array(fc.record({ Next: names, Variable: field, TimestampEquals: field, Not: field }, { requiredKeys: [] })),
    Retry: fc.oneof(fc.array(fc.record({ ErrorEquals: fc.oneof(fc.array(fc.constantFrom('States.ALL', 'States.TaskFailed', 'E')), field), BackoffRate: field }, { requiredKeys: [] })), field),
    Catch: fc.oneof(fc.array(fc.record({ ErrorEquals: fc.array(fc.constantFrom('States.ALL', 'E', 'States.Runtime')), Next: names }, { requiredKeys: [] })), field),
    Branches: fc.oneof(fc.array(fc.record({ StartAt: names, States: fc.dictionary(names, fc.record({ Type: fc.constantFrom('Pass', 'Succeed'), Next: names }, { requiredKeys: [] })) }, { requiredKeys: [] })), field),
    ItemProcessor: field,
    Seconds: field,
    Timestamp: field,
    Label: field,
    TimeoutSeconds: field,
    HeartbeatSeconds: field,
    QueryLanguage: fc.oneof(fc.constantFrom('JSONPath', 'JSONata'), field),
  },
  { requiredKeys: [] },
);
const definition = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record(
    { StartAt: fc.oneof(names, field), States: fc.oneof(fc.dictionary(names, fc.oneof(state, field)), field), QueryLanguage: field, TimeoutSeconds: field },
    { requiredKeys: [] },
  ),
);

describe('lint is total', () => {
  it('never throws, never reports an internal error, and valid means no error', () => {
    fc.assert(
      fc.property(definition, fc.constantFrom('STANDARD', 'EXPRESS') as fc.Arbitrary<'STANDARD' | 'EXPRESS'>, (value, type) => {
        const before = JSON.stringify(value);
        const result = lint(value as object, { type });
        expect(result.diagnostics.filter((d) => d.message.startsWith('Internal error'))).toEqual([]);
        expect(result.valid).toBe(!result.diagnostics.some((d) => d.severity === 'error'));
        expect(JSON.stringify(value)).toBe(before);
        const text = lint(before ?? 'null', { type, format: 'json' });
        expect(text.valid).toBe(result.valid);
      }),
      { numRuns: 400, seed: 20261126 },
    );
  });
});
