import { joinPointer } from '../../definition/diagnostic.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'heartbeat-less-than-timeout',
    description: 'Require a Task\'s HeartbeatSeconds to be less than its TimeoutSeconds',
    severity: 'error',
    recommended: true,
    awsCode: 'SCHEMA_VALIDATION_FAILED',
    messages: {
      notLess: 'HeartbeatSeconds ({{heartbeat}}) must be less than TimeoutSeconds ({{timeout}})',
    },
    docs: {
      rationale:
        'A heartbeat interval that is not shorter than the task timeout can never fire before the timeout does. Checked when both are numbers.',
      valid: [
        {
          definition: {
            StartAt: 'T',
            States: {
              T: { Type: 'Task', Resource: 'arn:aws:states:us-east-1:123456789012:activity:Work', TimeoutSeconds: 300, HeartbeatSeconds: 60, End: true },
            },
          },
        },
      ],
      invalid: [
        {
          definition: {
            StartAt: 'T',
            States: {
              T: { Type: 'Task', Resource: 'arn:aws:states:us-east-1:123456789012:activity:Work', TimeoutSeconds: 60, HeartbeatSeconds: 60, End: true },
            },
          },
        },
      ],
    },
  },
  create(context) {
    return {
      state(walked) {
        if (walked.type !== 'Task') return;
        const timeout = walked.state['TimeoutSeconds'];
        const heartbeat = walked.state['HeartbeatSeconds'];
        if (typeof timeout === 'number' && typeof heartbeat === 'number' && heartbeat >= timeout) {
          context.report({ messageId: 'notLess', pointer: joinPointer(walked.pointer, 'HeartbeatSeconds'), data: { heartbeat, timeout } });
        }
      },
    };
  },
});
