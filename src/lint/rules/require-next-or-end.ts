import { joinPointer } from '../../definition/diagnostic.js';
import { defineRule } from '../rule.js';

const NEEDS_TRANSITION = new Set(['Task', 'Pass', 'Wait', 'Parallel', 'Map']);
const NO_TRANSITION = new Set(['Choice', 'Succeed', 'Fail']);

export default defineRule({
  meta: {
    id: 'require-next-or-end',
    description:
      'Require exactly one of Next and End: true on Task, Pass, Wait, Parallel and Map states, and neither on Choice, Succeed and Fail states',
    severity: 'error',
    recommended: true,
    awsCode: 'SCHEMA_VALIDATION_FAILED',
    messages: {
      missing: "State \"{{name}}\" needs either 'Next' or 'End': true",
      endFalse: "State \"{{name}}\" has 'End': false and no 'Next': use 'End': true or name a 'Next' state",
      both: 'There should only be one of the following fields: [Next, End]',
      notSupported: "Field '{{field}}' is not supported",
    },
    docs: {
      rationale:
        'Every state other than Choice, Succeed and Fail either moves to a Next state or ends the execution (or branch). A Choice state moves through its rules and Default; Succeed and Fail always end.',
      valid: [
        {
          definition: {
            StartAt: 'A',
            States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', End: true } },
          },
        },
      ],
      invalid: [
        { definition: { StartAt: 'A', States: { A: { Type: 'Pass' } } } },
        { definition: { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B', End: true }, B: { Type: 'Succeed' } } } },
        { definition: { StartAt: 'A', States: { A: { Type: 'Succeed', End: true } } } },
      ],
    },
  },
  create(context) {
    return {
      state(walked) {
        const { state, type, pointer, name } = walked;
        if (type === undefined) return;
        const hasNext = state['Next'] !== undefined;
        const hasEnd = state['End'] !== undefined;
        if (NEEDS_TRANSITION.has(type)) {
          if (hasNext && state['End'] === true) {
            context.report({ messageId: 'both', pointer: joinPointer(pointer, 'End'), at: 'key' });
          } else if (!hasNext && state['End'] !== true) {
            // `End: false` counts as absent (ASL-NOTES §8.2 G7).
            context.report({ messageId: state['End'] === false ? 'endFalse' : 'missing', pointer, data: { name }, at: 'key' });
          }
        } else if (NO_TRANSITION.has(type)) {
          for (const [field, present] of [['Next', hasNext], ['End', hasEnd]] as const) {
            if (present) context.report({ messageId: 'notSupported', pointer: joinPointer(pointer, field), data: { field }, at: 'key' });
          }
        }
      },
    };
  },
});
