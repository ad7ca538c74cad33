import rule from '../../../src/lint/rules/heartbeat-less-than-timeout.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      code: `
StartAt: T
States:
  T: { Type: Task, Resource: arn:aws:states:::lambda:invoke, TimeoutSeconds: 60, HeartbeatSeconds: 59, End: true }
`,
    },
    {
      name: 'a path is checked at run time',
      code: `
StartAt: T
States:
  T: { Type: Task, Resource: arn:aws:states:::lambda:invoke, TimeoutSecondsPath: $.t, HeartbeatSeconds: 60, End: true }
`,
    },
  ],
  invalid: [
    {
      code: `
StartAt: T
States:
  T: { Type: Task, Resource: arn:aws:states:::lambda:invoke, TimeoutSeconds: 60, HeartbeatSeconds: 90, End: true }
`,
      errors: [{ messageId: 'notLess', pointer: '/States/T/HeartbeatSeconds', line: 4, column: 100, data: { heartbeat: 90, timeout: 60 } }],
    },
  ],
});
