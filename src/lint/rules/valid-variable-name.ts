import { joinPointer } from '../../definition/diagnostic.js';
import { assignObjectsOf, variableNameOf } from '../variables.js';
import { defineRule } from '../rule.js';

const MAX_LENGTH = 80;
/** UAX #31 identifiers (ASL-NOTES §2.5); `_` may start a name, as the path parser reads `$_x`. */
const IDENTIFIER = /^[\p{ID_Start}_][\p{ID_Continue}]*$/u;

export default defineRule({
  meta: {
    id: 'valid-variable-name',
    description: 'Require Assign keys to be variable names: an identifier of at most 80 characters',
    severity: 'error',
    recommended: true,
    awsCode: 'SCHEMA_VALIDATION_FAILED',
    messages: {
      invalid: "'{{name}}' is not a valid variable name: a name starts with a letter or '_' and continues with letters, digits or '_' (you cannot assign to part of a variable)",
      tooLong: "The variable name '{{name}}' is {{length}} characters long; the maximum is 80",
    },
    docs: {
      rationale:
        'Each key of `Assign` names a whole variable (after removing `.$` under JSONPath): a Unicode identifier of at most 80 characters. Keys such as `order.id`, `items[0]` or `my-var` try to assign part of a variable or are not names at all, and Step Functions rejects them. Under JSONata a key ending in `.$` is not stripped, so it is not a name either.',
      valid: [{ definition: { StartAt: 'P', States: { P: { Type: 'Pass', Assign: { orderId: 1, 'total.$': '$.total' }, End: true } } } }],
      invalid: [{ definition: { StartAt: 'P', States: { P: { Type: 'Pass', Assign: { 'order.id': 1 }, End: true } } } }],
    },
  },
  create(context) {
    return {
      state(walked) {
        for (const { assign, pointer } of assignObjectsOf(walked)) {
          for (const key of Object.keys(assign)) {
            const name = variableNameOf(key, walked);
            const keyPointer = joinPointer(pointer, key);
            if (!IDENTIFIER.test(name)) context.report({ messageId: 'invalid', pointer: keyPointer, data: { name }, at: 'key' });
            else if ([...name].length > MAX_LENGTH) {
              context.report({ messageId: 'tooLong', pointer: keyPointer, data: { name, length: [...name].length }, at: 'key' });
            }
          }
        }
      },
    };
  },
});
