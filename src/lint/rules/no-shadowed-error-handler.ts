import { lambdaTaskMachine } from '../examples.js';
import { errorHandlers } from '../handlers.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'no-shadowed-error-handler',
    description: 'Disallow retriers and catchers that can never fire because earlier ones already match every error they name',
    severity: 'warning',
    recommended: true,
    messages: {
      shadowed:
        '{{field}}[{{index}}] can never fire: every error it names is already matched by an earlier {{kind}} ({{by}})',
    },
    docs: {
      rationale:
        'Only the first matching retrier or catcher is used. One that comes after a States.ALL, after an entry naming the same errors, or (for errors not starting with "States.") after a States.TaskFailed entry, is dead code and usually a sign that the order is wrong.',
      valid: [
        { definition: lambdaTaskMachine({ Retry: [{ ErrorEquals: ['Lambda.TooManyRequestsException'], MaxAttempts: 6 }, { ErrorEquals: ['States.TaskFailed'] }] }) },
      ],
      invalid: [
        { definition: lambdaTaskMachine({ Retry: [{ ErrorEquals: ['States.TaskFailed'] }, { ErrorEquals: ['Lambda.TooManyRequestsException'], MaxAttempts: 6 }] }) },
      ],
    },
  },
  create(context) {
    return {
      state(walked) {
        for (const field of ['Retry', 'Catch'] as const) {
          // Which earlier entry first matched each name; the wildcards separately.
          const matchedBy = new Map<string, number>();
          let all: number | undefined;
          let taskFailed: number | undefined;
          for (const handler of errorHandlers(walked, field)) {
            const names = handler.errorEquals;
            if (names === undefined || names.length === 0) continue;
            const by = names.map((name) => coveredBy(name, matchedBy, all, taskFailed));
            if (by.every((i) => i !== undefined)) {
              context.report({
                messageId: 'shadowed',
                pointer: handler.pointer,
                data: {
                  field,
                  index: handler.index,
                  kind: field === 'Retry' ? 'retrier' : 'catcher',
                  by: [...new Set(by)].map((i) => `${field}[${i}]`).join(', '),
                },
              });
            }
            for (const name of names) {
              if (!matchedBy.has(name)) matchedBy.set(name, handler.index);
              if (name === 'States.ALL') all ??= handler.index;
              if (name === 'States.TaskFailed') taskFailed ??= handler.index;
            }
          }
        }
      },
    };
  },
});

/**
 * The earlier entry that already matches `name`, if any. States.TaskFailed is taken to
 * match only errors outside the States.* namespace (and itself): that much holds both
 * in the documented semantics (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html) and in LocalStack's, so the warning
 * is never wrong.
 */
function coveredBy(
  name: string,
  matchedBy: ReadonlyMap<string, number>,
  all: number | undefined,
  taskFailed: number | undefined,
): number | undefined {
  if (all !== undefined) return all;
  const exact = matchedBy.get(name);
  if (exact !== undefined) return exact;
  if (taskFailed !== undefined && !name.startsWith('States.')) return taskFailed;
  return undefined;
}
