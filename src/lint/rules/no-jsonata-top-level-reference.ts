import { joinPointer } from '../../definition/diagnostic.js';
import { UNSUPPORTED_JSONATA_EXPRESSION } from '../../expressions/jsonata/index.js';
import { forEachJsonataExpression } from '../jsonata.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'no-jsonata-top-level-reference',
    description: 'Disallow JSONata expressions that read a field name, $ or $$ at the top level',
    severity: 'error',
    recommended: true,
    awsCode: UNSUPPORTED_JSONATA_EXPRESSION,
    messages: {
      topLevel: "Reference to '{{name}}' at the top level is not supported.",
    },
    docs: {
      rationale:
        'Step Functions evaluates JSONata without a context item, so an expression must start from `$states`, a variable, a literal or a function call. A bare field name (`order.id`), `$` or `$$` at the top level is rejected at creation with `UNSUPPORTED_JSONATA_EXPRESSION`. Inside a predicate or a lambda, `$` is the current item and is fine.',
      valid: [
        { definition: { QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', Output: '{% $states.input.items[$.price > 10] %}', End: true } } } },
      ],
      invalid: [{ definition: { QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', Output: { v: '{% phone.number %}' }, End: true } } } }],
    },
  },
  create(context) {
    return {
      state(walked) {
        forEachJsonataExpression(walked, ({ issues }, { path }) => {
          for (const issue of issues) {
            if (issue.code !== UNSUPPORTED_JSONATA_EXPRESSION) continue;
            const name = issue.data?.name ?? issue.message;
            context.report({ messageId: 'topLevel', pointer: joinPointer(walked.pointer, ...path), data: { name } });
          }
        });
      },
    };
  },
});
