import { describe, expect, it } from 'vitest';
import { referencePathProblem } from '../../../src/lint/rule-utils.js';
import rule from '../../../src/lint/rules/valid-reference-path.js';
import { ruleTester } from '../rule-tester.js';

describe('referencePathProblem', () => {
  const any = { context: true, variables: true };
  const inputOnly = { context: false, variables: false };
  it.each([
    ['$', any, undefined],
    ['$$.Execution.Input.items', any, undefined],
    ["$.a['b c'][0]", inputOnly, undefined],
    ['$var.x', any, undefined],
    ['$.a[?(@.x > 1)]', any, undefined],
    ['${Placeholder}', inputOnly, undefined],
    ['.guid', any, { kind: 'invalid', detail: "Reference path didn't start with '$'" }],
    ['$.a[*]', any, { kind: 'invalid', detail: "Reference path can't contain '*'" }],
    ['$..a', any, { kind: 'invalid', detail: "Reference path can't contain '..'" }],
    ['$.a[0,1]', any, { kind: 'invalid', detail: "Reference path can't contain ','" }],
    ['$.a[1:2]', any, { kind: 'invalid', detail: "Reference path can't contain ':'" }],
    ['$.a.length()', any, { kind: 'invalid', detail: "Reference path can't contain functions" }],
    ['$$.Execution.Input', inputOnly, { kind: 'context' }],
    ['$foo.bar', inputOnly, { kind: 'variable', variable: '$foo' }],
  ])('%s', (text, roots, expected) => {
    expect(referencePathProblem(text, roots)).toEqual(expected);
  });
});

ruleTester(rule, {
  valid: [
    {
      name: 'every reference-path field with the roots it accepts',
      code: `
StartAt: W
States:
  W: { Type: Wait, SecondsPath: $delay, Next: W2 }
  W2: { Type: Wait, TimestampPath: "$$.Execution.Input.at", Next: T }
  T:
    Type: Task
    Resource: arn:aws:lambda:us-east-1:123456789012:function:f
    TimeoutSecondsPath: $.timeout
    HeartbeatSecondsPath: $heartbeat
    ResultPath: "$['result'][0].value"
    Catch: [{ ErrorEquals: [States.ALL], ResultPath: null, Next: M }]
    Next: M
  M:
    Type: Map
    ItemsPath: "$$.Execution.Input.items"
    MaxConcurrencyPath: $limits.concurrency
    ToleratedFailureCountPath: $.count
    ToleratedFailurePercentagePath: $.percentage
    ItemReader:
      Resource: arn:aws:states:::s3:getObject
      ReaderConfig: { InputType: JSON, MaxItemsPath: $.max }
    ItemBatcher: { MaxItemsPerBatchPath: $.perBatch, MaxInputBytesPerBatchPath: $bytes }
    ItemProcessor:
      ProcessorConfig: { Mode: DISTRIBUTED, ExecutionType: STANDARD }
      StartAt: P
      States: { P: { Type: Pass, End: true } }
    End: true
`,
    },
    {
      name: 'JSONata states are left to the schema',
      code: `
QueryLanguage: JSONata
StartAt: P
States:
  P: { Type: Pass, ResultPath: nope, End: true }
`,
    },
  ],
  invalid: [
    {
      name: 'the asl-validator invalid-json-path cases',
      code: `
StartAt: A
States:
  A: { Type: Pass, ResultPath: .guid, Next: B }
  B: { Type: Pass, ResultPath: ..guid, Next: C }
  C: { Type: Pass, ResultPath: (), Next: D }
  D: { Type: Pass, ResultPath: $..., End: true }
`,
      errors: [
        { messageId: 'invalid', data: { detail: "Reference path didn't start with '$'" }, pointer: '/States/A/ResultPath', line: 4, column: 32 },
        { messageId: 'invalid', data: { detail: "Reference path didn't start with '$'" }, pointer: '/States/B/ResultPath', line: 5, column: 32 },
        { messageId: 'invalid', data: { detail: "Reference path didn't start with '$'" }, pointer: '/States/C/ResultPath', line: 6, column: 32 },
        { messageId: 'invalid', data: { detail: "Unexpected '.' after '..'" }, pointer: '/States/D/ResultPath', line: 7, column: 32 },
      ],
    },
    {
      name: 'ResultPath takes neither the context object nor a variable, in the state or a catcher',
      code: `
StartAt: T
States:
  T:
    Type: Task
    Resource: arn:aws:lambda:us-east-1:123456789012:function:f
    ResultPath: $foo
    Catch:
      - { ErrorEquals: [States.ALL], ResultPath: "$$.State", Next: F }
    End: true
  F: { Type: Fail }
`,
      errors: [
        { messageId: 'variable', data: { field: 'ResultPath', variable: '$foo' }, pointer: '/States/T/ResultPath', line: 7, column: 17 },
        { messageId: 'context', data: { field: 'ResultPath' }, pointer: '/States/T/Catch/0/ResultPath', line: 9, column: 50 },
      ],
    },
    {
      name: 'multi-node paths, and the context object in the Map number fields',
      code: `
StartAt: M
States:
  M:
    Type: Map
    ItemsPath: "$.orders[*].lines"
    MaxConcurrencyPath: "$$.Execution.Input.n"
    ItemReader:
      Resource: arn:aws:states:::s3:getObject
      ReaderConfig: { InputType: JSON, MaxItemsPath: "$$.Execution.Input.max" }
    ItemBatcher: { MaxItemsPerBatchPath: "$.sizes[0:1]" }
    ItemProcessor:
      ProcessorConfig: { Mode: DISTRIBUTED, ExecutionType: STANDARD }
      StartAt: P
      States: { P: { Type: Pass, End: true } }
    End: true
`,
      errors: [
        { messageId: 'invalid', data: { detail: "Reference path can't contain '*'" }, pointer: '/States/M/ItemsPath', line: 6, column: 16 },
        { messageId: 'context', data: { field: 'MaxConcurrencyPath' }, pointer: '/States/M/MaxConcurrencyPath', line: 7, column: 25 },
        { messageId: 'context', data: { field: 'MaxItemsPath' }, pointer: '/States/M/ItemReader/ReaderConfig/MaxItemsPath', line: 10, column: 54 },
        { messageId: 'invalid', data: { detail: "Reference path can't contain ':'" }, pointer: '/States/M/ItemBatcher/MaxItemsPerBatchPath', line: 11, column: 42 },
      ],
    },
    {
      name: 'Wait and Task …Path fields',
      code: `
StartAt: W
States:
  W: { Type: Wait, SecondsPath: "$.delays[*]", Next: T }
  T:
    Type: Task
    Resource: arn:aws:lambda:us-east-1:123456789012:function:f
    TimeoutSecondsPath: timeout
    End: true
`,
      errors: [
        { messageId: 'invalid', data: { detail: "Reference path can't contain '*'" }, pointer: '/States/W/SecondsPath', line: 4, column: 33 },
        { messageId: 'invalid', data: { detail: "Reference path didn't start with '$'" }, pointer: '/States/T/TimeoutSecondsPath', line: 8, column: 25 },
      ],
    },
  ],
});
