import { joinPointer } from '../../definition/diagnostic.js';
import { defineRule } from '../rule.js';

const FIELDS = ['Seconds', 'SecondsPath', 'Timestamp', 'TimestampPath'] as const;

export default defineRule({
  meta: {
    id: 'valid-wait-duration',
    description: 'Require exactly one of Seconds, SecondsPath, Timestamp and TimestampPath in a Wait state',
    severity: 'error',
    recommended: true,
    awsCode: 'SCHEMA_VALIDATION_FAILED',
    messages: {
      missing: 'A Wait state needs exactly one of the following fields: [Seconds, SecondsPath, Timestamp, TimestampPath]',
      several: 'There should only be one of the following fields: [{{fields}}]',
    },
    docs: {
      rationale: 'A Wait state waits either for a number of seconds or until a timestamp, given literally or by a path: exactly one of the four.',
      valid: [{ definition: { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 10, End: true } } } }],
      invalid: [
        { definition: { StartAt: 'W', States: { W: { Type: 'Wait', End: true } } } },
        { definition: { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 10, TimestampPath: '$.until', End: true } } } },
      ],
    },
  },
  create(context) {
    return {
      state(walked) {
        if (walked.type !== 'Wait') return;
        const present = FIELDS.filter((field) => walked.state[field] !== undefined);
        if (present.length === 0) context.report({ messageId: 'missing', pointer: walked.pointer, at: 'key' });
        else if (present.length > 1) {
          context.report({
            messageId: 'several',
            pointer: joinPointer(walked.pointer, present[1] as string),
            data: { fields: present.join(', ') },
            at: 'key',
          });
        }
      },
    };
  },
});
