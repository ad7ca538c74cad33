import { joinPointer } from '../../definition/diagnostic.js';
import { defineRule } from '../rule.js';

const NEEDS_TRANSITION = new Set(['Task', 'Pass', 'Wait', 'Parallel', 'Map']);

export default defineRule({
  meta: {
    id: 'require-next-or-end',
    description: 'Require exactly one of Next and End: true on Task, Pass, Wait, Parallel and Map states',
    severity: 'error',
    recommended: true,
    awsCode: 'SCHEMA_VALIDATION_FAILED',
    messages: {
      missing: "State \"{{name}}\" needs either 'Next' or 'End': true",
      endFalse: "State \"{{name}}\" has 'End': false and no 'Next': use 'End': true or name a 'Next' state",
      both: 'There should only be one of the following fields: [Next, End]',
    },
    docs: {
      rationale:
        'Every state other than Choice, Succeed and Fail either moves to a Next state or ends the execution (or its branch) with `End: true`. `End: false` counts as no End. (Next or End on a Choice, Succeed or Fail state is reported by the schema check as a field that is not supported.)',
      valid: [
        {
          definition: {
            StartAt: 'A',
            States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', End: true } },
          },
        },
      ],
      invalid: [
        {
          definition: {
            StartAt: 'C',
            States: {
              C: { Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true, Next: 'A' }], Default: 'Done' },
              A: { Type: 'Pass' },
              Done: { Type: 'Succeed' },
            },
          },
        },
        { definition: { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B', End: true }, B: { Type: 'Succeed' } } } },
      ],
    },
  },
  create(context) {
    return {
      state(walked) {
        const { state, type, pointer, name } = walked;
        if (type === undefined || !NEEDS_TRANSITION.has(type)) return;
        const hasNext = state['Next'] !== undefined;
        if (hasNext && state['End'] === true) {
          context.report({ messageId: 'both', pointer: joinPointer(pointer, 'End'), at: 'key' });
        } else if (!hasNext && state['End'] !== true) {
          // `End: false` counts as absent (https://states-language.net/spec.html#transition).
          context.report({ messageId: state['End'] === false ? 'endFalse' : 'missing', pointer, data: { name }, at: 'key' });
        }
      },
    };
  },
});
