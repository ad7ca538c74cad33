import { joinPointer } from '../../definition/diagnostic.js';
import { jsonataLocation } from '../../expressions/jsonata/index.js';
import { forEachJsonataExpression } from '../jsonata.js';
import type { JsonataString } from '../../expressions/jsonata/index.js';
import { defineRule } from '../rule.js';

const RESULT_STATES = new Set(['Task', 'Parallel', 'Map']);
const OUTPUT_FIELDS = new Set(['Output', 'Assign']);

/** `$states.result`: the top-level Output and Assign of a Task, Parallel or Map (https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html). */
function resultAvailable(found: JsonataString, type: string | undefined): boolean {
  return found.owner === 'state' && OUTPUT_FIELDS.has(found.field) && type !== undefined && RESULT_STATES.has(type);
}

/** `$states.errorOutput`: a catcher's Output and Assign. */
function errorOutputAvailable(found: JsonataString): boolean {
  return found.owner === 'catcher' && OUTPUT_FIELDS.has(found.field);
}

export default defineRule({
  meta: {
    id: 'valid-states-reference',
    description: 'Disallow $states.result and $states.errorOutput where Step Functions does not provide them',
    severity: 'error',
    recommended: true,
    awsCode: 'SCHEMA_VALIDATION_FAILED',
    messages: {
      result: "$states.result is only available in the Output and Assign of a Task, Parallel or Map state, not in '{{location}}' of a {{type}} state",
      errorOutput: "$states.errorOutput is only available in the Output and Assign of a Catch, not in '{{location}}'",
    },
    docs: {
      rationale:
        'In JSONata, `$states.result` exists only after a Task, Parallel or Map has produced its result (its top-level `Output` and `Assign`), and `$states.errorOutput` only inside a catcher (`Catch[i].Output` and `Assign`). Step Functions rejects other uses, such as `$states.result` in `Arguments` or in a Pass state, when the machine is created.',
      valid: [
        {
          definition: {
            QueryLanguage: 'JSONata',
            StartAt: 'T',
            States: {
              T: {
                Type: 'Task',
                Resource: 'arn:aws:states:::lambda:invoke',
                Arguments: { FunctionName: 'f', Payload: '{% $states.input %}' },
                Output: '{% $states.result.Payload %}',
                Catch: [{ ErrorEquals: ['States.ALL'], Output: '{% $states.errorOutput %}', Next: 'F' }],
                End: true,
              },
              F: { Type: 'Fail' },
            },
          },
        },
      ],
      invalid: [
        {
          definition: {
            QueryLanguage: 'JSONata',
            StartAt: 'T',
            States: {
              T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Arguments: { Payload: '{% $states.result %}', FunctionName: 'f' }, End: true },
            },
          },
        },
      ],
    },
  },
  create(context) {
    return {
      state(walked) {
        forEachJsonataExpression(walked, ({ statesMembers: members }, found) => {
          if (members.length === 0) return;
          const badResult = members.includes('result') && !resultAvailable(found, walked.type);
          const badErrorOutput = members.includes('errorOutput') && !errorOutputAvailable(found);
          if (!badResult && !badErrorOutput) return;
          const pointer = joinPointer(walked.pointer, ...found.path);
          const location = jsonataLocation(found.path);
          if (badResult) context.report({ messageId: 'result', pointer, data: { location, type: walked.type ?? 'untyped' } });
          if (badErrorOutput) context.report({ messageId: 'errorOutput', pointer, data: { location } });
        });
      },
    };
  },
});
