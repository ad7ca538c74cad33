import { suggestName } from '../../definition/schema/suggest.js';
import { lambdaTaskMachine } from '../examples.js';
import { errorNames, PREDEFINED_ERRORS } from '../handlers.js';
import { defineRule } from '../rule.js';

const PREDEFINED: readonly string[] = [...PREDEFINED_ERRORS];

export default defineRule({
  meta: {
    id: 'valid-error-equals',
    description: 'Disallow error names in ErrorEquals that start with "States." but are not predefined, such as a misspelt "States.Timout"',
    severity: 'warning',
    recommended: true,
    messages: {
      nearMiss: 'Unknown error name "{{name}}": did you mean "{{suggestion}}"? Names starting with "States." are reserved for the predefined errors',
      custom:
        'Error name "{{name}}" is not a predefined error: names starting with "States." are reserved for them (States.ALL, States.Timeout, States.TaskFailed, ...); AWS accepts it, but only a Fail state or a task that throws exactly this name matches it',
    },
    docs: {
      rationale:
        'The "States." prefix is reserved for the predefined errors, so a name like "States.Timout" is most likely a typo that never matches: within a small edit distance of a predefined name, the warning says which one was meant. AWS still accepts other custom names with the prefix (a Fail state may throw `States.QuorumMet` and a Catch match it by name), so they are warnings too, never errors, and a name that a Fail state of the machine throws is not reported. (An empty ErrorEquals is reported by the schema check.)',
      valid: [
        { definition: lambdaTaskMachine({ Retry: [{ ErrorEquals: ['States.Timeout', 'Lambda.ServiceException'] }] }) },
      ],
      invalid: [
        { definition: lambdaTaskMachine({ Retry: [{ ErrorEquals: ['States.Timout'] }] }) },
      ],
    },
  },
  create(context) {
    const custom: { name: string; pointer: string }[] = [];
    const thrown = new Set<unknown>();
    return {
      state(walked) {
        if (walked.type === 'Fail') thrown.add(walked.state['Error']);
        for (const { name, pointer } of errorNames(walked)) {
          if (!name.startsWith('States.') || PREDEFINED_ERRORS.has(name)) continue;
          const suggestion = suggestName(name, PREDEFINED);
          if (suggestion === undefined) custom.push({ name, pointer });
          else context.report({ messageId: 'nearMiss', pointer, data: { name, suggestion } });
        }
      },
      end() {
        // A name the machine throws itself is a custom error on purpose.
        for (const { name, pointer } of custom) if (!thrown.has(name)) context.report({ messageId: 'custom', pointer, data: { name } });
      },
    };
  },
});
