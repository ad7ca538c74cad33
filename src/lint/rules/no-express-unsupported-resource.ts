import { joinPointer } from '../../definition/diagnostic.js';
import { isObject, type Scope } from '../../definition/walk.js';
import type { StateMachineType } from '../../definition/types.js';
import { defineRule } from '../rule.js';

const ACTIVITY = /^arn:[^:]+:states:[^:]*:[^:]*:activity:/;
const SYNC = /^arn:[^:]+:states:[^:]*:[^:]*:.*\.sync(:\d+)?$/;
const CALLBACK = /^arn:[^:]+:states:[^:]*:[^:]*:.*\.waitForTaskToken$/;

export default defineRule({
  meta: {
    id: 'no-express-unsupported-resource',
    description: 'Disallow activities, .sync and .waitForTaskToken integrations in EXPRESS workflows',
    severity: 'error',
    recommended: true,
    awsCode: 'SCHEMA_VALIDATION_FAILED',
    messages: {
      // AWS's own texts, the trailing space of the second one included.
      sync: "Express state machine does not support '.sync' service integration",
      callback: "Express state machine does not support '.waitForTaskToken' service integration ",
      activity: 'Express state machine does not support Activity ARN',
    },
    docs: {
      rationale:
        'Express workflows run for at most five minutes and do not support waiting on jobs, callbacks or activities. This applies to an EXPRESS state machine (the `type` option, or `Type: EXPRESS` in a template) and to the child workflows of a Distributed Map whose ProcessorConfig says `ExecutionType: EXPRESS`.',
      valid: [
        {
          type: 'EXPRESS',
          definition: { StartAt: 'A', States: { A: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } } },
        },
      ],
      invalid: [
        {
          type: 'EXPRESS',
          definition: {
            StartAt: 'A',
            States: { A: { Type: 'Task', Resource: 'arn:aws:states:::states:startExecution.sync:2', End: true } },
          },
        },
        {
          title: 'The child workflows of this Distributed Map are EXPRESS.',
          definition: {
            StartAt: 'M',
            States: {
              M: {
                Type: 'Map',
                ItemProcessor: {
                  ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
                  StartAt: 'Wait for approval',
                  States: {
                    'Wait for approval': {
                      Type: 'Task',
                      Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
                      End: true,
                    },
                  },
                },
                End: true,
              },
            },
          },
        },
      ],
    },
  },
  create(context) {
    const types = new Map<Scope, StateMachineType>();
    const typeOf = (scope: Scope): StateMachineType => {
      let type = types.get(scope);
      if (type === undefined) {
        type = scope.parent === undefined ? context.stateMachineType : typeOf(scope.parent);
        // A Distributed Map runs its processor as child executions of their own type.
        const config = scope.kind === 'processor' ? scope.container['ProcessorConfig'] : undefined;
        if (isObject(config) && config['Mode'] === 'DISTRIBUTED') type = config['ExecutionType'] === 'EXPRESS' ? 'EXPRESS' : 'STANDARD';
        types.set(scope, type);
      }
      return type;
    };
    return {
      state(walked) {
        if (walked.type !== 'Task') return;
        const resource = walked.state['Resource'];
        if (typeof resource !== 'string' || typeOf(walked.scope) !== 'EXPRESS') return;
        const messageId = ACTIVITY.test(resource) ? 'activity' : SYNC.test(resource) ? 'sync' : CALLBACK.test(resource) ? 'callback' : undefined;
        if (messageId !== undefined) context.report({ messageId, pointer: joinPointer(walked.pointer, 'Resource') });
      },
    };
  },
});
