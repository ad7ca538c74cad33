import { joinPointer } from '../../definition/diagnostic.js';
import { INVALID_JSONATA_EXPRESSION } from '../../expressions/jsonata/index.js';
import { forEachJsonataExpression } from '../jsonata.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'valid-jsonata-syntax',
    description: 'Require every {% %} expression of a JSONata state to parse as JSONata 2.0',
    severity: 'error',
    recommended: true,
    awsCode: INVALID_JSONATA_EXPRESSION,
    messages: {
      invalid: '{{message}} (character {{position}} of the value)',
    },
    docs: {
      rationale:
        "Step Functions parses every `{% … %}` expression of a JSONata state with JSONata 2.0.6 when the machine is created, and rejects one that does not parse with `INVALID_JSONATA_EXPRESSION` and the parser's message. JSONPath syntax (`$.a[?(@.b)]`) is not JSONata. The message gives the character of the string value where the parser stopped.",
      valid: [{ definition: { QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', Output: '{% $sum($states.input.items.price) %}', End: true } } } }],
      invalid: [{ definition: { QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', Output: '{% $sum($states.input.items.price %}', End: true } } } }],
    },
  },
  create(context) {
    return {
      state(walked) {
        forEachJsonataExpression(walked, ({ issues }, { path }) => {
          for (const issue of issues) {
            if (issue.code !== INVALID_JSONATA_EXPRESSION) continue;
            context.report({
              messageId: 'invalid',
              pointer: joinPointer(walked.pointer, ...path),
              data: { message: issue.message, position: (issue.offset ?? 0) + 1 },
              index: issue.offset ?? 0,
            });
          }
        });
      },
    };
  },
});
