import { joinPointer } from '../../definition/diagnostic.js';
import { errorHandlers, PREDEFINED_ERRORS } from '../handlers.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'valid-error-equals',
    description: 'Require each ErrorEquals to be non-empty and to name only predefined errors among those starting with "States."',
    severity: 'error',
    recommended: true,
    awsCode: 'SCHEMA_VALIDATION_FAILED',
    messages: {
      empty: 'Value cannot be empty',
      unknownPredefined:
        'Unknown error name "{{name}}": names starting with "States." are reserved for the predefined errors (States.ALL, States.Timeout, States.TaskFailed, ...)',
    },
    docs: {
      rationale:
        'A retrier or catcher with an empty ErrorEquals matches nothing. The "States." prefix is reserved for predefined errors, so a name like "States.Timout" is a typo that would never match.',
      valid: [
        {
          definition: {
            StartAt: 'T',
            States: {
              T: {
                Type: 'Task',
                Resource: 'arn:aws:states:::lambda:invoke',
                Retry: [{ ErrorEquals: ['States.Timeout', 'Lambda.ServiceException'] }],
                End: true,
              },
            },
          },
        },
      ],
      invalid: [
        {
          definition: {
            StartAt: 'T',
            States: {
              T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Retry: [{ ErrorEquals: [] }], End: true },
            },
          },
        },
        {
          definition: {
            StartAt: 'T',
            States: {
              T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Retry: [{ ErrorEquals: ['States.Timout'] }], End: true },
            },
          },
        },
      ],
    },
  },
  create(context) {
    return {
      state(walked) {
        for (const field of ['Retry', 'Catch'] as const) {
          for (const handler of errorHandlers(walked, field)) {
            const list = handler.entry['ErrorEquals'];
            if (!Array.isArray(list)) continue;
            const pointer = joinPointer(handler.pointer, 'ErrorEquals');
            if (list.length === 0) context.report({ messageId: 'empty', pointer });
            list.forEach((name: unknown, i) => {
              if (typeof name === 'string' && name.startsWith('States.') && !PREDEFINED_ERRORS.has(name)) {
                context.report({ messageId: 'unknownPredefined', pointer: joinPointer(pointer, i), data: { name } });
              }
            });
          }
        }
      },
    };
  },
});
