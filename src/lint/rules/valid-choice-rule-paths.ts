import { joinPointer } from '../../definition/diagnostic.js';
import { defineRule } from '../rule.js';
import { CHOICE_RULE_PATH_ROOTS, forEachChoiceRulePath, referencePathProblem } from '../rule-utils.js';

type MessageIds = 'invalid';

export default defineRule<MessageIds>({
  meta: {
    id: 'valid-choice-rule-paths',
    description: 'Require the Variable and the …Path operators of Choice rules to be Reference Paths',
    severity: 'error',
    recommended: true,
    awsCode: 'SCHEMA_VALIDATION_FAILED',
    messages: {
      invalid: 'Value is not a Reference Path: {{detail}}',
    },
    docs: {
      rationale:
        'A Choice rule compares one node of the data: its `Variable` and a `…Path` operator such as `NumericLessThanPath` are Reference Paths (`$.order.total`, `$$.Execution.Input.limit`, `$limit`). Intrinsic functions, wildcards and other multi-node paths are rejected when the machine is created.',
      valid: [
        {
          definition: {
            StartAt: 'C',
            States: {
              C: {
                Type: 'Choice',
                Choices: [
                  { Variable: '$.order.total', NumericLessThanPath: '$$.Execution.Input.limit', Next: 'Done' },
                  { Not: { Variable: '$retries', NumericEquals: 0 }, Next: 'Done' },
                ],
                Default: 'Done',
              },
              Done: { Type: 'Succeed' },
            },
          },
        },
      ],
      invalid: [
        {
          title: 'An intrinsic function as the Variable',
          definition: {
            StartAt: 'C',
            States: {
              C: {
                Type: 'Choice',
                Choices: [{ Variable: "States.ArrayContains($.clients, 'null')", BooleanEquals: true, Next: 'Done' }],
                Default: 'Done',
              },
              Done: { Type: 'Succeed' },
            },
          },
        },
      ],
    },
  },
  create(context) {
    return {
      state(walked) {
        forEachChoiceRulePath(walked, (text, _field, tokens) => {
          const problem = referencePathProblem(text, CHOICE_RULE_PATH_ROOTS);
          if (problem?.kind === 'invalid') context.report({ messageId: 'invalid', pointer: joinPointer(walked.pointer, ...tokens), data: { detail: problem.detail } });
        });
      },
    };
  },
});
