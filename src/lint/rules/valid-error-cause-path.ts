import { joinPointer } from '../../definition/diagnostic.js';
import { compileIntrinsic, isIntrinsicCall } from '../../expressions/intrinsics/index.js';
import { defineRule } from '../rule.js';
import { hasFilterOrScript, hasPlaceholder, referencePathProblem, type ReferencePathRoots } from '../rule-utils.js';

type MessageIds = 'invalidPath' | 'invalidIntrinsic' | 'notString';

const FIELDS = ['ErrorPath', 'CausePath'] as const;
const ROOTS: ReferencePathRoots = { context: true, variables: true };
/** The intrinsics that return a string, as the AWS Toolkit lists them for these fields (https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html). */
const STRING_INTRINSICS = new Set([
  'States.ArrayGetItem',
  'States.Base64Encode',
  'States.Base64Decode',
  'States.Format',
  'States.JsonToString',
  'States.Hash',
  'States.UUID',
]);

export default defineRule<MessageIds>({
  meta: {
    id: 'valid-error-cause-path',
    description: 'Require the ErrorPath and CausePath of a Fail state to be a Reference Path or an intrinsic function call that returns a string',
    severity: 'error',
    recommended: true,
    awsCode: 'SCHEMA_VALIDATION_FAILED',
    messages: {
      invalidPath: 'Value is not a Reference Path: {{detail}}',
      invalidIntrinsic: "The value for the field '{{field}}' must be a valid JSONPath or a valid intrinsic function call: {{detail}}",
      notString:
        "The value for the field '{{field}}' must be a Reference Path or an intrinsic function expression that returns a string (ArrayGetItem, Base64Encode, Base64Decode, Format, JsonToString, Hash, or UUID), not {{name}}",
    },
    docs: {
      rationale:
        "A Fail state's `ErrorPath` and `CausePath` pick the error name and cause from the data with a Reference Path (`$.error`, `$$.Execution.Input.cause`, `$cause`) or build them with an intrinsic function that returns a string, such as `States.Format('Order {} failed', $.id)`.",
      valid: [
        {
          definition: {
            StartAt: 'F',
            States: { F: { Type: 'Fail', ErrorPath: '$.error', CausePath: "States.Format('Order {} failed', $.id)" } },
          },
        },
      ],
      invalid: [
        { title: 'A path without the leading `$`', definition: { StartAt: 'F', States: { F: { Type: 'Fail', ErrorPath: 'Error' } } } },
        {
          title: 'An intrinsic function that returns a number',
          definition: { StartAt: 'F', States: { F: { Type: 'Fail', CausePath: 'States.MathAdd($.value, 1)' } } },
        },
      ],
    },
  },
  create(context) {
    return {
      state({ state, pointer, type, queryLanguage }) {
        if (type !== 'Fail' || queryLanguage !== 'JSONPath') return;
        for (const field of FIELDS) {
          const value = state[field];
          if (typeof value !== 'string' || hasPlaceholder(value) || hasFilterOrScript(value)) continue;
          const at = joinPointer(pointer, field);
          if (isIntrinsicCall(value)) {
            const compiled = compileIntrinsic(value);
            if (!compiled.ok) {
              context.report({ messageId: 'invalidIntrinsic', pointer: at, data: { field, detail: compiled.issues[0]?.message ?? '' } });
            } else if (!STRING_INTRINSICS.has(compiled.value.call.name)) {
              context.report({ messageId: 'notString', pointer: at, data: { field, name: compiled.value.call.name } });
            }
            continue;
          }
          const problem = referencePathProblem(value, ROOTS);
          if (problem?.kind === 'invalid') context.report({ messageId: 'invalidPath', pointer: at, data: { detail: problem.detail } });
        }
      },
    };
  },
});
