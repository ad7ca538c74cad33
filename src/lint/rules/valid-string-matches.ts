import { joinPointer } from '../../definition/diagnostic.js';
import { checkStringMatches, printablePattern } from '../../expressions/string-matches.js';
import { defineRule } from '../rule.js';
import { forEachChoiceRuleField } from '../rule-utils.js';

type MessageIds = 'illegalEscape';

const STRING_MATCHES = ['StringMatches'];

export default defineRule<MessageIds>({
  meta: {
    id: 'valid-string-matches',
    description: 'Disallow a backslash in a StringMatches pattern unless it escapes an asterisk or a backslash',
    severity: 'error',
    recommended: true,
    awsCode: 'SCHEMA_VALIDATION_FAILED',
    messages: {
      illegalEscape: "The StringMatches pattern '{{pattern}}' has {{detail}}",
    },
    docs: {
      rationale:
        "In a `StringMatches` pattern `*` matches any run of characters, and a backslash makes the next character literal: `\\*` is an asterisk and `\\\\` a backslash (in JSON `\"\\\\*\"` and `\"\\\\\\\\\"`). The spec allows no other escape, and Choice rules are validated when the machine is created, so a pattern such as `C:\\temp\\*.log` (whose `\\t` is not an escape the spec knows) or one that ends with a lone backslash is refused. Write a literal backslash as `\\\\`.",
      valid: [
        {
          definition: {
            StartAt: 'C',
            States: {
              C: {
                Type: 'Choice',
                Choices: [
                  { Variable: '$.file', StringMatches: 'log-*.txt', Next: 'Done' },
                  { Variable: '$.path', StringMatches: 'C:\\\\temp\\\\*', Next: 'Done' },
                  { Not: { Variable: '$.title', StringMatches: '*\\*' }, Next: 'Done' },
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
          title: 'A Windows path with single backslashes',
          definition: {
            StartAt: 'C',
            States: {
              C: {
                Type: 'Choice',
                Choices: [{ Variable: '$.path', StringMatches: 'C:\\temp\\*.log', Next: 'Done' }],
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
        // JSONata rules test with Condition; a non-string StringMatches is the schema's finding.
        forEachChoiceRuleField(walked, STRING_MATCHES, (pattern, _field, tokens) => {
          const issue = checkStringMatches(pattern);
          if (issue === undefined) return;
          context.report({
            messageId: 'illegalEscape',
            pointer: joinPointer(walked.pointer, ...tokens),
            data: { pattern: printablePattern(pattern), detail: issue.message },
            index: issue.index,
          });
        });
      },
    };
  },
});
