import { joinPointer } from '../../definition/diagnostic.js';
import { defineRule } from '../rule.js';
import { payloadTemplates, templateProblems } from '../rule-utils.js';

type MessageIds = 'duplicate';

export default defineRule<MessageIds>({
  meta: {
    id: 'no-duplicate-template-keys',
    description: "Disallow two keys of one payload template object that are the same once '.$' is removed, such as 'channel' and 'channel.$'",
    severity: 'error',
    recommended: true,
    awsCode: 'DUPLICATE_FIELD_NAME',
    messages: {
      duplicate: "The field '{{name}}' is duplicated (as '{{first}}' and '{{second}}')",
    },
    docs: {
      rationale:
        "A payload template drops the `.$` suffix when it builds its output, so `channel` and `channel.$` in one object would both write the field `channel`. The specification forbids this and Step Functions rejects the definition; the check applies to nested objects, including objects inside arrays.",
      valid: [
        {
          definition: {
            StartAt: 'P',
            States: { P: { Type: 'Pass', Parameters: { 'channel.$': '$.channel', message: { channel: 'literal' } }, End: true } },
          },
        },
      ],
      invalid: [
        {
          definition: {
            StartAt: 'P',
            States: {
              P: { Type: 'Pass', Parameters: { blocks: [{ text: { type: 'mrkdwn', 'type.$': '$.format' } }] }, End: true },
            },
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
            if (problem.kind !== 'duplicate') continue;
            const { name, first, second } = problem;
            context.report({ messageId: 'duplicate', pointer: joinPointer(statePointer, ...tokens, ...problem.path), data: { name, first, second }, at: 'key' });
          }
        }
      },
    };
  },
});
