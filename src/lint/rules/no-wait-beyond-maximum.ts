import { joinPointer } from '../../definition/diagnostic.js';
import { MAX_WAIT_SECONDS } from '../../definition/types.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'no-wait-beyond-maximum',
    description: `Disallow a literal Wait Seconds beyond ${MAX_WAIT_SECONDS}, which AWS accepts but cannot run`,
    // A warning, not an error: CreateStateMachine accepts such a definition, so it must not fail a build.
    severity: 'warning',
    recommended: true,
    messages: {
      tooLong: `A Wait of more than ${MAX_WAIT_SECONDS} seconds fails every execution that reaches it with States.Runtime: Wait state delay is too long.`,
    },
    docs: {
      rationale:
        `AWS creates a state machine whose Wait state has a literal Seconds above ${MAX_WAIT_SECONDS} (a signed 32-bit count of seconds, about 68 years), but every execution that reaches the state fails with States.Runtime "Wait state delay is too long." (https://docs.aws.amazon.com/step-functions/latest/dg/state-wait.html). SecondsPath, Timestamp and JSONata values are checked when they are evaluated.`,
      valid: [
        { definition: { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: MAX_WAIT_SECONDS, End: true } } } },
      ],
      invalid: [
        { definition: { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: MAX_WAIT_SECONDS + 1, End: true } } } },
      ],
    },
  },
  create(context) {
    return {
      state(walked) {
        if (walked.type !== 'Wait') return;
        const seconds = walked.state['Seconds'];
        if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds > MAX_WAIT_SECONDS) {
          context.report({ messageId: 'tooLong', pointer: joinPointer(walked.pointer, 'Seconds') });
        }
      },
    };
  },
});
