// `npx vitest bench test/definition/load.bench.ts`: the loader against JSON.parse on a 5000-state definition.
import { bench, describe } from 'vitest';
import { recordJsonPositions } from '../../src/definition/json.js';
import { loadSource } from '../../src/definition/load.js';

const states: Record<string, unknown> = {};
for (let i = 0; i < 5000; i++) {
  const next = `State${i + 1}`;
  states[`State${i}`] =
    i % 3 === 0
      ? {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:f', 'Payload.$': '$' },
          Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2 }],
          Next: next,
        }
      : i % 3 === 1
        ? { Type: 'Choice', Choices: [{ Variable: '$.x', NumericGreaterThan: 3, Next: next }], Default: next }
        : { Type: 'Pass', Result: { a: 1, b: [1, 2, 3], c: 'hello\nworld' }, ResultPath: '$.r', Next: next };
}
states['State5000'] = { Type: 'Succeed' };
const text = JSON.stringify({ StartAt: 'State0', States: states }, null, 2);

describe('5000-state definition', () => {
  bench('JSON.parse', () => {
    JSON.parse(text);
  });
  bench('loadSource', () => {
    loadSource(text, { filename: 'big.asl.json' });
  });
  bench('loadSource + one locate (positions recorded)', () => {
    loadSource(text, { filename: 'big.asl.json' }).definitions[0]!.sourceMap.locate('/States/State4999/Next');
  });
  bench('recordJsonPositions', () => {
    recordJsonPositions(text);
  });
});
