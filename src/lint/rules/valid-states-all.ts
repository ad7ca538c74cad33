import { joinPointer } from '../../definition/diagnostic.js';
import { lambdaTaskMachine } from '../examples.js';
import { errorHandlers } from '../handlers.js';
import { defineRule } from '../rule.js';

/** The docs' example: a Lambda task with these catchers, each going to a Fail state. */
function catching(...errors: string[]): Record<string, unknown> {
  return lambdaTaskMachine({ Catch: errors.map((error) => ({ ErrorEquals: [error], Next: 'Failed' })) }, { Failed: { Type: 'Fail' } });
}

export default defineRule({
  meta: {
    id: 'valid-states-all',
    description: 'Require States.ALL to be alone in its ErrorEquals and to appear only in the last retrier or catcher',
    severity: 'error',
    recommended: true,
    awsCode: 'SCHEMA_VALIDATION_FAILED',
    messages: {
      notAlone: "'States.ALL' must be the only element of ErrorEquals",
      notLast: "A {{kind}} with 'States.ALL' must be the last one in {{field}}",
    },
    docs: {
      rationale:
        'The States Language requires the wildcard States.ALL to stand alone in its ErrorEquals and to sit in the last retrier or catcher: anything after it could never match.',
      valid: [{ definition: catching('States.Timeout', 'States.ALL') }],
      invalid: [
        { definition: lambdaTaskMachine({ Retry: [{ ErrorEquals: ['States.ALL', 'States.Timeout'] }] }) },
        { definition: catching('States.ALL', 'States.Timeout') },
      ],
    },
  },
  create(context) {
    return {
      state(walked) {
        for (const field of ['Retry', 'Catch'] as const) {
          const list = walked.state[field];
          const count = Array.isArray(list) ? list.length : 0;
          for (const handler of errorHandlers(walked, field)) {
            const names = handler.errorEquals;
            if (names === undefined) continue;
            const at = names.indexOf('States.ALL');
            if (at === -1) continue;
            if (names.length > 1) context.report({ messageId: 'notAlone', pointer: joinPointer(handler.pointer, 'ErrorEquals') });
            if (handler.index < count - 1) {
              context.report({
                messageId: 'notLast',
                pointer: handler.pointer,
                data: { kind: field === 'Retry' ? 'retrier' : 'catcher', field },
              });
            }
          }
        }
      },
    };
  },
});
