import { joinPointer } from '../../definition/diagnostic.js';
import { isObject, type WalkedState } from '../../definition/walk.js';
import { checkStringMatches, printablePattern } from '../../expressions/string-matches.js';
import { defineRule } from '../rule.js';

type MessageIds = 'illegalEscape';

/** Deeper rules are not walked further: a possible miss, never a stack overflow. */
const MAX_DEPTH = 100;

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
        forEachStringMatches(walked, (pattern, tokens) => {
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

/**
 * Each string StringMatches of a JSONPath Choice state, at any depth of And, Or and Not
 * (JSONata rules test with Condition; a non-string value is the schema's finding).
 */
function forEachStringMatches({ state, type, queryLanguage }: WalkedState, visit: (pattern: string, tokens: (string | number)[]) => void): void {
  if (type !== 'Choice' || queryLanguage !== 'JSONPath') return;
  const choices = state['Choices'];
  if (Array.isArray(choices)) choices.forEach((rule: unknown, i) => visitRule(rule, ['Choices', i], visit, 0));
}

function visitRule(rule: unknown, tokens: (string | number)[], visit: (pattern: string, tokens: (string | number)[]) => void, depth: number): void {
  if (!isObject(rule) || depth > MAX_DEPTH) return;
  const pattern = rule['StringMatches'];
  if (typeof pattern === 'string') visit(pattern, [...tokens, 'StringMatches']);
  for (const field of ['And', 'Or'] as const) {
    const list = rule[field];
    if (Array.isArray(list)) list.forEach((inner: unknown, i) => visitRule(inner, [...tokens, field, i], visit, depth + 1));
  }
  visitRule(rule['Not'], [...tokens, 'Not'], visit, depth + 1);
}
