import { joinPointer } from '../../definition/diagnostic.js';
import { assignObjectsOf, variableNameOf } from '../variables.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'no-reserved-variable-name',
    description: 'Disallow assigning a variable named states, the name JSONata reserves for $states',
    severity: 'warning',
    recommended: true,
    messages: {
      reserved: "'states' is reserved: in JSONata $states is the state's input, context, result and error output, so a variable of that name cannot be read",
    },
    docs: {
      rationale:
        "JSONata expressions read the state's data through the reserved variable `$states`. A workflow variable named `states` could never be read from JSONata, and AWS documents the name as reserved; whether it refuses the assignment at creation is not recorded, so this is a warning.",
      valid: [{ definition: { StartAt: 'P', States: { P: { Type: 'Pass', Assign: { status: 'new' }, End: true } } } }],
      invalid: [{ definition: { StartAt: 'P', States: { P: { Type: 'Pass', Assign: { states: 'new' }, End: true } } } }],
    },
  },
  create(context) {
    return {
      state(walked) {
        for (const { assign, pointer } of assignObjectsOf(walked)) {
          for (const key of Object.keys(assign)) {
            if (variableNameOf(key, walked) === 'states') context.report({ messageId: 'reserved', pointer: joinPointer(pointer, key), at: 'key' });
          }
        }
      },
    };
  },
});
