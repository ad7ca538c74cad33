import { expect, it } from 'vitest';
import { lint } from '../../../src/lint/index.js';
import rule from '../../../src/lint/rules/valid-number-range.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'the bounds themselves',
      code: `
StartAt: T
TimeoutSeconds: 0
States:
  T:
    Type: Task
    Resource: arn:aws:states:::lambda:invoke
    TimeoutSeconds: 99999999
    HeartbeatSeconds: 1
    Retry:
      - { ErrorEquals: [States.ALL], IntervalSeconds: 1, MaxAttempts: 0, BackoffRate: 1, MaxDelaySeconds: 31622400 }
    Next: W
  W: { Type: Wait, Seconds: 0, Next: W2 }
  W2: { Type: Wait, Seconds: 2147483647, Next: M }
  M:
    Type: Map
    MaxConcurrency: 0
    ToleratedFailurePercentage: 100
    ItemBatcher: { MaxItemsPerBatch: 1, MaxInputBytesPerBatch: 262144 }
    ItemReader: { Resource: arn:aws:states:::s3:getObject, ReaderConfig: { MaxItems: 100000000 } }
    ItemProcessor:
      StartAt: P
      States:
        P: { Type: Pass, End: true }
    End: true
`,
    },
    {
      name: 'JSONata expressions are checked when evaluated',
      code: `
QueryLanguage: JSONata
StartAt: W
States:
  W: { Type: Wait, Seconds: "{% $states.input.delay %}", End: true }
`,
    },
  ],
  invalid: [
    {
      code: `
StartAt: T
TimeoutSeconds: -1
States:
  T:
    Type: Task
    Resource: arn:aws:states:::lambda:invoke
    TimeoutSeconds: 0
    Retry:
      - { ErrorEquals: [States.ALL], IntervalSeconds: 0, MaxAttempts: 100000000, BackoffRate: 0.5, MaxDelaySeconds: 31622401 }
    Next: W
  W: { Type: Wait, Seconds: -5, Next: M }
  M:
    Type: Map
    ToleratedFailurePercentage: 100.5
    ItemBatcher: { MaxItemsPerBatch: 0 }
    ItemProcessor:
      StartAt: P
      States:
        P: { Type: Pass, End: true }
    End: true
`,
      errors: [
        { messageId: 'min', pointer: '/TimeoutSeconds', line: 3, column: 17, data: { min: '0' } },
        { messageId: 'min', pointer: '/States/T/TimeoutSeconds', line: 8, column: 21, data: { min: '1' } },
        { messageId: 'min', pointer: '/States/T/Retry/0/IntervalSeconds', line: 10, column: 55, data: { min: '1' } },
        { messageId: 'max', pointer: '/States/T/Retry/0/MaxAttempts', line: 10, column: 71, data: { max: '99999999' } },
        { messageId: 'min', pointer: '/States/T/Retry/0/BackoffRate', line: 10, column: 95, data: { min: '1.0' } },
        { messageId: 'max', pointer: '/States/T/Retry/0/MaxDelaySeconds', line: 10, column: 117, data: { max: '31622400' } },
        { messageId: 'min', pointer: '/States/W/Seconds', line: 12, column: 29, data: { min: '0' } },
        { messageId: 'max', pointer: '/States/M/ToleratedFailurePercentage', line: 15, column: 33, data: { max: '100.0' } },
        { messageId: 'min', pointer: '/States/M/ItemBatcher/MaxItemsPerBatch', line: 16, column: 38, data: { min: '1' } },
      ],
    },
  ],
});

it('reports numbers that are not finite (only an object passed to lint() can hold them)', () => {
  const definition = { StartAt: 'A', TimeoutSeconds: Number.NaN, States: { A: { Type: 'Wait', Seconds: Number.POSITIVE_INFINITY, End: true } } };
  const findings = lint(definition).diagnostics.filter((d) => d.ruleId === 'valid-number-range');
  expect(findings.map((d) => [d.pointer, d.message])).toEqual([
    ['/TimeoutSeconds', 'The value must be a finite number'],
    ['/States/A/Seconds', 'The value must be a finite number'],
  ]);
});
