import { joinPointer } from '../../definition/diagnostic.js';
import { isObject } from '../../definition/walk.js';
import { forEachJsonataString, isMalformedJsonataString } from '../../expressions/jsonata/index.js';
import { defineRule } from '../rule.js';

/**
 * Fields of a JSONata state that hold a number (or a boolean, or an array) or one expression:
 * a plain string there is neither (https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html). Timestamp, Error, Cause and RoleArn take
 * plain strings and are not listed.
 */
const EXPRESSION_OR_LITERAL: readonly { keys: readonly string[]; expected: string }[] = [
  { keys: ['TimeoutSeconds'], expected: 'an integer' },
  { keys: ['HeartbeatSeconds'], expected: 'an integer' },
  { keys: ['Seconds'], expected: 'an integer' },
  { keys: ['MaxConcurrency'], expected: 'an integer' },
  { keys: ['ToleratedFailureCount'], expected: 'an integer' },
  { keys: ['ToleratedFailurePercentage'], expected: 'a number' },
  { keys: ['Items'], expected: 'an array' },
  { keys: ['ItemReader', 'ReaderConfig', 'MaxItems'], expected: 'an integer' },
  { keys: ['ItemBatcher', 'MaxItemsPerBatch'], expected: 'an integer' },
  { keys: ['ItemBatcher', 'MaxInputBytesPerBatch'], expected: 'an integer' },
];

function at(object: unknown, keys: readonly string[]): unknown {
  let value = object;
  for (const key of keys) value = isObject(value) ? value[key] : undefined;
  return value;
}

export default defineRule({
  meta: {
    id: 'valid-jsonata-wrapper',
    description: 'Require JSONata expressions to be wrapped whole in {% and %}, and expression-only fields to hold one',
    severity: 'error',
    recommended: true,
    awsCode: 'SCHEMA_VALIDATION_FAILED',
    messages: {
      unclosed: "The value starts with '{%' but does not end with '%}'; a JSONata expression is written \"{% expression %}\"",
      unopened: "The value ends with '%}' but does not start with '{%'; a JSONata expression is written \"{% expression %}\"",
      notExpression: "The field '{{field}}' takes {{expected}} or a JSONata expression \"{% expression %}\", not a plain string",
    },
    docs: {
      rationale:
        'In a JSONata state a string is an expression only when the whole string is `{% … %}`. A value that opens `{%` without closing `%}` (or the reverse) is a broken expression that Step Functions rejects, and a field such as `TimeoutSeconds`, `Items` or a Choice `Condition` takes its literal type or an expression, never a plain string. Fields that are always literal (`Comment`, `Label`, `Next`…) are not checked.',
      valid: [
        { definition: { QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', Output: '{% $states.input.total %}', End: true } } } },
        { definition: { QueryLanguage: 'JSONata', StartAt: 'W', States: { W: { Type: 'Wait', Seconds: '{% $states.input.delay %}', End: true } } } },
      ],
      invalid: [
        { definition: { QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', Output: '{% $states.input.total %', End: true } } } },
        { definition: { QueryLanguage: 'JSONata', StartAt: 'W', States: { W: { Type: 'Wait', Seconds: '10', End: true } } } },
      ],
    },
  },
  create(context) {
    return {
      state(walked) {
        if (walked.queryLanguage !== 'JSONata') return;
        forEachJsonataString(walked, ({ text, path }) => {
          if (!isMalformedJsonataString(text)) return;
          context.report({ messageId: text.startsWith('{%') ? 'unclosed' : 'unopened', pointer: joinPointer(walked.pointer, ...path) });
        });
        for (const { keys, expected } of EXPRESSION_OR_LITERAL) {
          const value = at(walked.state, keys);
          if (typeof value === 'string' && !value.startsWith('{%') && !value.endsWith('%}')) {
            context.report({ messageId: 'notExpression', pointer: joinPointer(walked.pointer, ...keys), data: { field: keys.join('.'), expected } });
          }
        }
        const choices = walked.state['Choices'];
        if (!Array.isArray(choices)) return;
        choices.forEach((rule: unknown, i) => {
          const condition = at(rule, ['Condition']);
          if (typeof condition === 'string' && !condition.startsWith('{%') && !condition.endsWith('%}')) {
            context.report({
              messageId: 'notExpression',
              pointer: joinPointer(walked.pointer, 'Choices', i, 'Condition'),
              data: { field: 'Condition', expected: 'a boolean' },
            });
          }
        });
      },
    };
  },
});
