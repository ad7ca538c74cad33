import { joinPointer } from '../../definition/diagnostic.js';
import { defineRule } from '../rule.js';
import { compileTemplate, payloadTemplates } from './valid-payload-template.js';

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
        for (const { template, pointer } of payloadTemplates(walked)) {
          const result = compileTemplate(template);
          if (result.ok) continue;
          for (const issue of result.issues) {
            if (issue.code !== 'DUPLICATE_FIELD_NAME') continue;
            const second = String(issue.path[issue.path.length - 1]);
            const name = second.endsWith('.$') ? second.slice(0, -2) : second;
            const first = second === name ? `${name}.$` : name;
            context.report({ messageId: 'duplicate', pointer: joinPointer(pointer, ...issue.path), data: { name, first, second }, at: 'key' });
          }
        }
      },
    };
  },
});
