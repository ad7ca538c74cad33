import { joinPointer } from '../../definition/diagnostic.js';
import { checkFunctionCall } from '../../expressions/jsonata/index.js';
import { forEachJsonataExpression } from '../jsonata.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'valid-jsonata-function',
    description: 'Disallow calls to unknown or unavailable JSONata functions and calls with the wrong number of arguments',
    severity: 'warning',
    recommended: true,
    messages: {
      invalid: '{{detail}}',
    },
    docs: {
      rationale:
        "Step Functions offers JSONata 2.0.6's functions without `$eval`, plus `$partition`, `$range`, `$hash`, `$random`, `$uuid` and `$parse`. A call to any other name, or with an argument count the function does not take, is accepted when the machine is created but fails every time it runs (`States.QueryEvaluationError` with T1006 or T0410), so it is reported as a warning.",
      valid: [{ definition: { QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', Output: '{% $uppercase($states.input.name) %}', End: true } } } }],
      invalid: [
        { definition: { QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', Output: '{% $eval($states.input.code) %}', End: true } } } },
        { definition: { QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', Output: '{% $substring() %}', End: true } } } },
      ],
    },
  },
  create(context) {
    return {
      state(walked) {
        forEachJsonataExpression(walked, ({ functions }, { path }) => {
          for (const call of functions) {
            const detail = checkFunctionCall(call);
            if (detail !== undefined) context.report({ messageId: 'invalid', pointer: joinPointer(walked.pointer, ...path), data: { detail } });
          }
        });
      },
    };
  },
});
