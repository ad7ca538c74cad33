import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'require-choice-default',
    description: 'Require a Default on Choice states',
    severity: 'warning',
    recommended: true,
    messages: {
      missing: 'Choice state "{{name}}" has no Default: when no rule matches, the execution fails with States.NoChoiceMatched',
    },
    docs: {
      rationale:
        'Without a Default, an input that matches no rule fails the execution with States.NoChoiceMatched. Name a Default (a Fail state if that is the intent) to make the outcome explicit.',
      valid: [
        {
          definition: {
            StartAt: 'C',
            States: {
              C: { Type: 'Choice', Choices: [{ Variable: '$.n', NumericGreaterThan: 0, Next: 'Positive' }], Default: 'Other' },
              Positive: { Type: 'Succeed' },
              Other: { Type: 'Succeed' },
            },
          },
        },
      ],
      invalid: [
        {
          definition: {
            StartAt: 'C',
            States: {
              C: { Type: 'Choice', Choices: [{ Variable: '$.n', NumericGreaterThan: 0, Next: 'Positive' }] },
              Positive: { Type: 'Succeed' },
            },
          },
        },
      ],
    },
  },
  create(context) {
    return {
      state(walked) {
        if (walked.type === 'Choice' && walked.state['Default'] === undefined) {
          context.report({ messageId: 'missing', pointer: walked.pointer, data: { name: walked.name }, at: 'key' });
        }
      },
    };
  },
});
