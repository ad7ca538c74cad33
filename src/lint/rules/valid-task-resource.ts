import { joinPointer } from '../../definition/diagnostic.js';
import { defineRule } from '../rule.js';
import { hasPlaceholder } from '../rule-utils.js';

/** arn:<partition>:<service>:<region>:<account>:<resource> in the partitions Step Functions runs in. */
const ARN = /^arn:(aws|aws-cn|aws-us-gov):([a-z0-9-]+):([a-z0-9-]*):([^:]*):(.+)$/;
/** A Lambda function name with an optional version or alias. */
const LAMBDA_FUNCTION = /^function:[A-Za-z0-9_-]{1,140}(:(\$LATEST|[A-Za-z0-9_-]+))?$/;

export default defineRule({
  meta: {
    id: 'valid-task-resource',
    description: 'Require a Task Resource to be an ARN of the aws, aws-cn or aws-us-gov partition, or a template placeholder',
    severity: 'error',
    recommended: true,
    awsCode: 'SCHEMA_VALIDATION_FAILED',
    messages: {
      notRecognized:
        'The resource provided {{resource}} is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.',
    },
    docs: {
      rationale:
        'Step Functions only runs Tasks whose Resource is an ARN: a Lambda function, an activity, or a service integration such as `arn:aws:states:::lambda:invoke`. A `${Name}` placeholder is accepted, because CloudFormation and SAM substitute it (DefinitionSubstitutions) before AWS sees the definition.',
      valid: [
        {
          definition: {
            StartAt: 'A',
            States: {
              A: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:Hello:live', Next: 'B' },
              B: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', Next: 'C' },
              C: { Type: 'Task', Resource: '${NotifyFunctionArn}', End: true },
            },
          },
        },
      ],
      invalid: [
        { definition: { StartAt: 'A', States: { A: { Type: 'Task', Resource: 'my-function', End: true } } } },
        {
          definition: {
            StartAt: 'A',
            States: { A: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:Hello:', End: true } },
          },
        },
      ],
    },
  },
  create(context) {
    return {
      state(walked) {
        if (walked.type !== 'Task') return;
        const resource = walked.state['Resource'];
        if (typeof resource !== 'string' || isValidResource(resource)) return;
        context.report({ messageId: 'notRecognized', pointer: joinPointer(walked.pointer, 'Resource'), data: { resource } });
      },
    };
  },
});

function isValidResource(resource: string): boolean {
  // A CloudFormation/SAM placeholder: the ARN is known once deployed.
  if (hasPlaceholder(resource)) return true;
  const match = ARN.exec(resource);
  if (match === null) return false;
  return match[2] !== 'lambda' || LAMBDA_FUNCTION.test(match[5] as string);
}
