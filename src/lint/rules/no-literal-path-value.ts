import { joinPointer } from '../../definition/diagnostic.js';
import { compileIntrinsic, isIntrinsicCall } from '../../expressions/intrinsics/index.js';
import { compilePath } from '../../expressions/paths/index.js';
import { defineRule } from '../rule.js';
import { payloadTemplates } from '../rule-utils.js';

type MessageIds = 'path' | 'intrinsic';

const SUFFIX = '.$';
/** Deeper templates are not walked further: a possible miss, never a stack overflow. */
const MAX_DEPTH = 200;

/**
 * What a literal string looks like: a path into the input or context (`$.a`, `$$.Execution.Id`,
 * `$['a']`) or an intrinsic call that compiles. `$name` is left alone: "$USD" is a fine literal.
 */
function lookalike(value: string): MessageIds | undefined {
  if (/^\$\$?[.[]/.test(value)) return compilePath(value, 'Path').ok ? 'path' : undefined;
  if (isIntrinsicCall(value)) return compileIntrinsic(value).ok ? 'intrinsic' : undefined;
  return undefined;
}

export default defineRule<MessageIds>({
  meta: {
    id: 'no-literal-path-value',
    description: "Disallow payload template fields whose name lacks '.$' but whose value is a path or an intrinsic function call",
    severity: 'warning',
    recommended: true,
    messages: {
      path: "Field '{{key}}' holds the path '{{value}}' as a literal string; name it '{{key}}.$' to read the value at that path",
      intrinsic: "Field '{{key}}' holds the intrinsic function call '{{value}}' as a literal string; name it '{{key}}.$' to call it",
    },
    docs: {
      rationale:
        "In a JSONPath payload template (Parameters, ResultSelector, ItemSelector, Assign, …) only a field whose name ends in `.$` is evaluated; any other value is copied as it is. A field `\"orderId\": \"$.order.id\"` therefore sends the text `$.order.id`, which is almost always a forgotten `.$` (statelint's NO_DOLLAR). Variables (`$name`) are not flagged, since a literal such as `\"$USD\"` is common.",
      valid: [
        {
          definition: {
            StartAt: 'P',
            States: { P: { Type: 'Pass', Parameters: { 'orderId.$': '$.order.id', currency: '$USD' }, End: true } },
          },
        },
      ],
      invalid: [
        {
          definition: {
            StartAt: 'P',
            States: { P: { Type: 'Pass', Parameters: { orderId: '$.order.id', label: "States.Format('order {}', $.id)" }, End: true } },
          },
        },
      ],
    },
  },
  create(context) {
    const visit = (node: unknown, statePointer: string, tokens: (string | number)[], depth: number): void => {
      if (typeof node !== 'object' || node === null || depth > MAX_DEPTH) return;
      if (Array.isArray(node)) {
        node.forEach((item: unknown, i) => visit(item, statePointer, [...tokens, i], depth + 1));
        return;
      }
      for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
        if (key.endsWith(SUFFIX)) continue;
        if (typeof value !== 'string') {
          visit(value, statePointer, [...tokens, key], depth + 1);
          continue;
        }
        const kind = lookalike(value);
        if (kind !== undefined) context.report({ messageId: kind, pointer: joinPointer(statePointer, ...tokens, key), data: { key, value } });
      }
    };
    return {
      state(walked) {
        for (const { template, statePointer, tokens } of payloadTemplates(walked)) visit(template, statePointer, [...tokens], 0);
      },
    };
  },
});
