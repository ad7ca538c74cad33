import { joinPointer } from '../../definition/diagnostic.js';
import { defineRule } from '../rule.js';

const MAX_LENGTH = 80;

export default defineRule({
  meta: {
    id: 'state-name-length',
    description: 'Enforce state names of 1 to 80 characters',
    severity: 'error',
    recommended: true,
    awsCode: 'SCHEMA_VALIDATION_FAILED',
    messages: {
      empty: 'State name must not be empty',
      tooLong: 'State name "{{name}}" is {{length}} characters long; the maximum is 80',
    },
    docs: {
      rationale:
        'AWS limits state names to 80 characters. Spaces and punctuation are allowed (the forbidden-character list of the API reference is for state machine and execution names, not state names).',
      valid: [{ definition: { StartAt: 'Hello World', States: { 'Hello World': { Type: 'Succeed' } } } }],
      invalid: [{ definition: { StartAt: 'A'.repeat(81), States: { ['A'.repeat(81)]: { Type: 'Succeed' } } } }],
    },
  },
  create(context) {
    return {
      scope(scope) {
        for (const name of scope.names) {
          if (name.length > 0 && name.length <= MAX_LENGTH) continue;
          const pointer = joinPointer(scope.statesPointer, name);
          if (name.length === 0) context.report({ messageId: 'empty', pointer, at: 'key' });
          else context.report({ messageId: 'tooLong', pointer, data: { name, length: name.length }, at: 'key' });
        }
      },
    };
  },
});
