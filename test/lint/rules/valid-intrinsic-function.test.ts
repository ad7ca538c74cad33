import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/lint/index.js';
import rule from '../../../src/lint/rules/valid-intrinsic-function.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'paths, context paths, variables, nested calls and escaped braces',
      code: `
StartAt: P
States:
  P:
    Type: Pass
    Parameters:
      sum.$: States.MathAdd($.a, -1)
      label.$: "States.Format('Order {} of {}', $.id, $$.Execution.Name)"
      ids.$: States.ArrayRange(1, 1000, 1)
      merged.$: States.JsonMerge($.a, $.b, false)
      digest.$: "States.Hash($.x, 'SHA-256')"
      braces.$: "States.Format('\\\\{{}\\\\}', $x)"
      last.$: "States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), States.MathAdd(States.ArrayLength(States.StringSplit($$.StateMachine.Name, '-')), -1))"
    End: true
`,
    },
    {
      name: 'a call that does not compile is left to valid-payload-template',
      code: `
StartAt: P
States:
  P: { Type: Pass, Parameters: { a.$: "States.MathAdd(1, ", b.$: "States.Nope('x')", c.$: "States.Format('\\\\q')" }, End: true }
`,
    },
    {
      name: 'literal keys, Pass Result and JSONata states are not templates',
      code: `
StartAt: P
States:
  P:
    Type: Pass
    Parameters: { literal: "States.MathAdd(1, 'x')" }
    Result: { r.$: "States.MathAdd(1, 'x')" }
    Next: J
  J:
    Type: Pass
    QueryLanguage: JSONata
    Output: { r.$: "States.MathAdd(1, 'x')" }
    End: true
`,
    },
    {
      name: 'a template placeholder is substituted before AWS validates',
      code: `
StartAt: P
States:
  P: { Type: Pass, Parameters: { a.$: "States.MathAdd(\${One}, 'x')" }, End: true }
`,
    },
  ],
  invalid: [
    {
      name: "asl-validator's invalid-math-add.json",
      code: `{
  "StartAt": "validate input",
  "States": {
    "validate input": {
      "Type": "Pass",
      "Parameters": { "foo.$": "States.MathAdd(1,'-1')" },
      "ResultPath": "$.input",
      "End": true
    }
  }
}`,
      errors: [
        {
          messageId: 'failsAtRunTime',
          pointer: '/States/validate input/Parameters/foo.$',
          line: 6,
          column: 50,
          data: { field: 'foo.$', detail: 'States.MathAdd: argument 2 must be a number, but a string was given', position: 18 },
        },
      ],
    },
    {
      name: 'a lone brace in a States.Format template fails on AWS; elsewhere it is only reserved',
      code: `
StartAt: P
States:
  P: { Type: Pass, Parameters: { a.$: "States.Format('Hello {', $.a)", b.$: "States.StringToJson('{}')" }, End: true }
`,
      errors: [
        {
          messageId: 'failsAtRunTime',
          pointer: '/States/P/Parameters/a.$',
          line: 4,
          column: 61,
          data: {
            field: 'a.$',
            detail: 'States.Format: the template has an unescaped brace that is not part of a {} placeholder; write \\{ or \\} for a literal brace',
            position: 22,
          },
        },
        {
          messageId: 'questionable',
          pointer: '/States/P/Parameters/b.$',
          line: 4,
          column: 99,
          data: { field: 'b.$', detail: 'Unescaped brace in a string literal; the spec reserves { and }, write \\{ or \\}', position: 22 },
        },
      ],
    },
    {
      name: 'every template field, at any depth, and ErrorPath/CausePath',
      code: `
StartAt: T
States:
  T:
    Type: Task
    Resource: arn:aws:states:::lambda:invoke
    Parameters:
      Payload:
        items:
          - n.$: States.ArrayRange(1, 1001, 1)
    ResultSelector: { s.$: "States.Format('{} {}', $.a)" }
    Credentials: { RoleArn.$: "States.Hash($.r, 'sha256')" }
    Assign: { v.$: "States.JsonMerge($.a, $.b, true)" }
    Catch:
      - ErrorEquals: [States.ALL]
        Assign: { e.$: "States.ArrayRange(0, 9, 0)" }
        Next: F
    Next: F
  F:
    Type: Fail
    ErrorPath: States.Format(1)
    CausePath: "States.StringToJson('{')"
`,
      errors: [
        {
          messageId: 'failsAtRunTime',
          pointer: '/States/T/Parameters/Payload/items/0/n.$',
          line: 10,
          column: 18,
          data: { field: 'n.$', detail: 'States.ArrayRange: the range has 1001 elements; at most 1000 are allowed', position: 1 },
        },
        {
          messageId: 'failsAtRunTime',
          pointer: '/States/T/ResultSelector/s.$',
          line: 11,
          column: 43,
          data: { field: 's.$', detail: 'States.Format: the template has 2 placeholders {} but 1 value was given', position: 15 },
        },
        {
          messageId: 'failsAtRunTime',
          pointer: '/States/T/Credentials/RoleArn.$',
          line: 12,
          column: 49,
          data: { field: 'RoleArn.$', detail: "States.Hash: unsupported algorithm 'sha256'; did you mean 'SHA-256'?", position: 18 },
        },
        {
          messageId: 'failsAtRunTime',
          pointer: '/States/T/Assign/v.$',
          line: 13,
          column: 48,
          data: { field: 'v.$', detail: 'States.JsonMerge: deep merging is not supported; the third argument must be false', position: 28 },
        },
        {
          messageId: 'failsAtRunTime',
          pointer: '/States/T/Catch/0/Assign/e.$',
          line: 16,
          column: 49,
          data: { field: 'e.$', detail: 'States.ArrayRange: step must not be 0', position: 25 },
        },
        {
          messageId: 'failsAtRunTime',
          pointer: '/States/F/ErrorPath',
          line: 21,
          column: 30,
          data: { field: 'ErrorPath', detail: 'States.Format: argument 1 must be a string, but a number was given', position: 15 },
        },
        {
          messageId: 'questionable',
          pointer: '/States/F/CausePath',
          line: 22,
          column: 38,
          data: { field: 'CausePath', detail: 'Unescaped brace in a string literal; the spec reserves { and }, write \\{ or \\}', position: 22 },
        },
      ],
    },
    {
      name: 'Map ItemSelector, ItemReader and ResultWriter Parameters, ItemBatcher BatchInput, Choice rule Assign',
      code: `
StartAt: C
States:
  C:
    Type: Choice
    Choices:
      - Variable: $.x
        IsPresent: true
        Assign: { a.$: "States.ArrayLength('x')" }
        Next: M
    Default: M
  M:
    Type: Map
    ItemSelector: { i.$: "States.Base64Encode(1)" }
    ItemReader:
      Resource: arn:aws:states:::s3:getObject
      Parameters: { Bucket.$: "States.Array(States.UUID(1 ))", Key.$: "States.JsonToString('k')" }
    ItemBatcher: { BatchInput: { b.$: "States.ArrayPartition($.a, '2')" } }
    ItemProcessor:
      StartAt: Inner
      States:
        Inner: { Type: Pass, Parameters: { deep.$: "States.MathRandom(1, 'ten')" }, End: true }
    End: true
`,
      errors: [
        {
          messageId: 'failsAtRunTime',
          pointer: '/States/C/Choices/0/Assign/a.$',
          line: 9,
          column: 44,
          data: { field: 'a.$', detail: 'States.ArrayLength: argument 1 must be an array, but a string was given', position: 20 },
        },
        {
          messageId: 'failsAtRunTime',
          pointer: '/States/M/ItemSelector/i.$',
          line: 14,
          column: 47,
          data: { field: 'i.$', detail: 'States.Base64Encode: argument 1 must be a string, but a number was given', position: 21 },
        },
        {
          messageId: 'failsAtRunTime',
          pointer: '/States/M/ItemReader/Parameters/Bucket.$',
          line: 17,
          column: 45,
          data: { field: 'Bucket.$', detail: 'States.UUID takes no arguments but was given 1', position: 14 },
        },
        {
          messageId: 'questionable',
          pointer: '/States/M/ItemReader/Parameters/Key.$',
          line: 17,
          column: 92,
          data: { field: 'Key.$', detail: 'States.JsonToString expects a path argument; a literal argument is not documented', position: 21 },
        },
        {
          messageId: 'failsAtRunTime',
          pointer: '/States/M/ItemBatcher/BatchInput/b.$',
          line: 18,
          column: 67,
          data: { field: 'b.$', detail: 'States.ArrayPartition: argument 2 must be a number, but a string was given', position: 28 },
        },
        {
          messageId: 'failsAtRunTime',
          pointer: '/States/M/ItemProcessor/States/Inner/Parameters/deep.$',
          line: 22,
          column: 74,
          data: { field: 'deep.$', detail: 'States.MathRandom: argument 2 must be a number, but a string was given', position: 22 },
        },
      ],
    },
  ],
});

describe('valid-intrinsic-function with the other rules', () => {
  it('is a warning: AWS creates the machine, so createStateMachine must not refuse it', () => {
    const definition = { StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'foo.$': "States.MathAdd(1,'-1')" }, End: true } } };
    const findings = lint(definition).diagnostics;
    expect(findings.map(({ ruleId, severity }) => ({ ruleId, severity }))).toEqual([{ ruleId: 'valid-intrinsic-function', severity: 'warning' }]);
  });

  it('leaves a call that does not compile to the error of valid-payload-template, once', () => {
    const definition = { StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'foo.$': "States.MathAdd(1, '-1'" }, End: true } } };
    const findings = lint(definition).diagnostics;
    expect(findings.map(({ ruleId, severity }) => ({ ruleId, severity }))).toEqual([{ ruleId: 'valid-payload-template', severity: 'error' }]);
  });
});
