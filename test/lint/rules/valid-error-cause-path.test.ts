import rule from '../../../src/lint/rules/valid-error-cause-path.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'reference paths and string intrinsics',
      code: `
StartAt: F
States:
  F: { Type: Fail, ErrorPath: "$$.Execution.Input.error", CausePath: "States.Format('Order {} failed', $.id)" }
`,
    },
    {
      name: 'a variable, and every string-returning intrinsic the AWS Toolkit lists',
      code: `
StartAt: A
States:
  A: { Type: Pass, Next: B }
  B: { Type: Fail, ErrorPath: $error, CausePath: "States.ArrayGetItem($.causes, 0)" }
  C: { Type: Fail, ErrorPath: "States.JsonToString($.e)", CausePath: "States.Base64Encode($.c)" }
  D: { Type: Fail, ErrorPath: "States.Base64Decode($.e)", CausePath: "States.Hash($.c, 'SHA-256')" }
  E: { Type: Fail, ErrorPath: "States.UUID()" }
`,
    },
  ],
  invalid: [
    {
      name: 'paths without the leading $',
      code: `
StartAt: F
States:
  F: { Type: Fail, ErrorPath: Error, CausePath: Cause }
`,
      errors: [
        { messageId: 'invalidPath', data: { detail: "Reference path didn't start with '$'" }, pointer: '/States/F/ErrorPath', line: 4, column: 31 },
        { messageId: 'invalidPath', data: { detail: "Reference path didn't start with '$'" }, pointer: '/States/F/CausePath', line: 4, column: 49 },
      ],
    },
    {
      name: 'intrinsics that do not return a string',
      code: `
StartAt: F
States:
  F: { Type: Fail, ErrorPath: "States.StringToJson($.escaped)", CausePath: "States.MathAdd($.value, $.step)" }
`,
      errors: [
        { messageId: 'notString', data: { field: 'ErrorPath', name: 'States.StringToJson' }, pointer: '/States/F/ErrorPath', line: 4, column: 31 },
        { messageId: 'notString', data: { field: 'CausePath', name: 'States.MathAdd' }, pointer: '/States/F/CausePath', line: 4, column: 76 },
      ],
    },
    {
      name: 'an intrinsic call that does not parse, and a multi-node path',
      code: `
StartAt: F
States:
  F: { Type: Fail, ErrorPath: "States.Format('x'", CausePath: "$.causes[*]" }
`,
      errors: [
        { messageId: 'invalidIntrinsic', data: { field: 'ErrorPath', detail: "Expected ')' but found the end of the text" }, pointer: '/States/F/ErrorPath', line: 4, column: 31 },
        { messageId: 'invalidPath', data: { detail: "Reference path can't contain '*'" }, pointer: '/States/F/CausePath', line: 4, column: 63 },
      ],
    },
  ],
});
