import { lambdaTaskMachine } from '../examples.js';
import { errorNames, PREDEFINED_ERRORS } from '../handlers.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'valid-error-equals',
    description: 'Require error names starting with "States." in ErrorEquals to be predefined error names',
    severity: 'error',
    recommended: true,
    awsCode: 'SCHEMA_VALIDATION_FAILED',
    messages: {
      unknownPredefined:
        'Unknown error name "{{name}}": names starting with "States." are reserved for the predefined errors (States.ALL, States.Timeout, States.TaskFailed, ...)',
    },
    docs: {
      rationale:
        'The "States." prefix is reserved for the predefined errors, so a name like "States.Timout" is a typo that never matches. (An empty ErrorEquals is reported by the schema check.)',
      valid: [
        { definition: lambdaTaskMachine({ Retry: [{ ErrorEquals: ['States.Timeout', 'Lambda.ServiceException'] }] }) },
      ],
      invalid: [
        { definition: lambdaTaskMachine({ Retry: [{ ErrorEquals: ['States.Timout'] }] }) },
      ],
    },
  },
  create(context) {
    return {
      state(walked) {
        for (const { name, pointer } of errorNames(walked)) {
          if (name.startsWith('States.') && !PREDEFINED_ERRORS.has(name)) context.report({ messageId: 'unknownPredefined', pointer, data: { name } });
        }
      },
    };
  },
});
