import { joinPointer } from '../../definition/diagnostic.js';
import { defineRule } from '../rule.js';
import { payloadTemplates, templateProblems } from '../rule-utils.js';

type MessageIds = 'invalid' | 'invalidExpression';

export default defineRule<MessageIds>({
  meta: {
    id: 'valid-payload-template',
    description:
      "Require every field ending in '.$' of a payload template (Parameters, ResultSelector, ItemSelector, Credentials, Assign, ItemReader and ResultWriter Parameters, ItemBatcher BatchInput) to hold a Path or an intrinsic function call",
    severity: 'error',
    recommended: true,
    awsCode: 'SCHEMA_VALIDATION_FAILED',
    messages: {
      invalid: "The value for the field '{{field}}' must be a valid JSONPath or a valid intrinsic function call",
      invalidExpression: "The value for the field '{{field}}' must be a valid JSONPath or a valid intrinsic function call: {{detail}}",
    },
    docs: {
      rationale:
        "In a payload template, a key ending in `.$` takes its value from the data: the value must be a string holding a Path (`$.order.id`), a context path (`$$.Execution.Id`), a variable path (`$order.id`) or an intrinsic function call (`States.Format('{}-{}', $.a, $.b)`), at any depth of nested objects and arrays. Anything else is rejected when the machine is created. Keys without `.$` are literal, and a Pass state's `Result` is never a template.",
      valid: [
        {
          definition: {
            StartAt: 'P',
            States: {
              P: {
                Type: 'Pass',
                Parameters: {
                  'id.$': '$.order.id',
                  'execution.$': '$$.Execution.Id',
                  lines: [{ 'sku.$': '$sku', 'label.$': "States.Format('{}-{}', $.a, $.b)" }],
                  'not-evaluated': '$customerName',
                },
                Result: { 'TestResult.$': 'ConditionTrue' },
                End: true,
              },
            },
          },
        },
      ],
      invalid: [
        {
          title: 'A value that is neither a Path nor an intrinsic call, and a number',
          definition: {
            StartAt: 'P',
            States: { P: { Type: 'Pass', Parameters: { 'lorem.$': 'ipsum', nested: { 'count.$': 23 } }, End: true } },
          },
        },
        {
          title: 'An intrinsic call that does not parse',
          definition: {
            StartAt: 'P',
            States: { P: { Type: 'Pass', ResultPath: '$.out', Parameters: { 'text.$': 'States.JsonToString($' }, End: true } },
          },
        },
      ],
    },
  },
  create(context) {
    return {
      state(walked) {
        for (const { template, statePointer, tokens } of payloadTemplates(walked)) {
          for (const problem of templateProblems(walked, template)) {
            if (problem.kind !== 'invalid') continue;
            const at = joinPointer(statePointer, ...tokens, ...problem.path);
            // A path or an intrinsic call that does not compile gets its parser's explanation; anything else AWS's words alone.
            if (problem.detail === undefined) context.report({ messageId: 'invalid', pointer: at, data: { field: problem.field } });
            else context.report({ messageId: 'invalidExpression', pointer: at, data: { field: problem.field, detail: problem.detail } });
          }
        }
      },
    };
  },
});
