import { joinPointer } from '../../definition/diagnostic.js';
import { isIntrinsicCall } from '../../expressions/intrinsics/index.js';
import { defineRule } from '../rule.js';
import { forEachChoiceRulePath } from './valid-choice-rule-paths.js';
import { forEachReferencePath, hasFilterOrScript } from './valid-reference-path.js';

type MessageIds = 'filter';

const FAIL_FIELDS = ['ErrorPath', 'CausePath'] as const;

export default defineRule<MessageIds>({
  meta: {
    id: 'no-filter-in-reference-path',
    description: 'Disallow filter `[?(…)]` and script `[(…)]` steps in fields that take a Reference Path',
    severity: 'warning',
    recommended: true,
    messages: {
      filter: "'{{field}}' takes a Reference Path, which the States Language limits to names and single indices; the filter or script step in '{{path}}' may be rejected by Step Functions",
    },
    docs: {
      rationale:
        'The specification says a Reference Path (ResultPath, ItemsPath, a Choice `Variable`, the `…Path` fields) identifies one node and holds no `?`, `@` or script; an older AWS page nevertheless shows a filter in one, and what the service does with it is not recorded. The `valid-reference-path` family of rules therefore leaves these paths alone, and this rule warns: select the items in an earlier state (an `InputPath`, `OutputPath` or a `.$` field may filter) and name the result with a plain path.',
      valid: [
        {
          definition: {
            StartAt: 'P',
            States: { P: { Type: 'Pass', OutputPath: '$.items[?(@.price < 10)]', ResultPath: '$.cheap', End: true } },
          },
        },
      ],
      invalid: [
        {
          definition: {
            StartAt: 'C',
            States: {
              C: {
                Type: 'Choice',
                Choices: [{ Variable: '$.jar[?(@.a >= 5)]', IsPresent: true, Next: 'Done' }],
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
        const check = (text: string, field: string, tokens: readonly (string | number)[]): void => {
          if (hasFilterOrScript(text)) context.report({ messageId: 'filter', pointer: joinPointer(walked.pointer, ...tokens), data: { field, path: text } });
        };
        forEachReferencePath(walked, (text, field, _roots, tokens) => check(text, field, tokens));
        forEachChoiceRulePath(walked, check);
        if (walked.type !== 'Fail' || walked.queryLanguage !== 'JSONPath') return;
        for (const field of FAIL_FIELDS) {
          const value = walked.state[field];
          if (typeof value === 'string' && !isIntrinsicCall(value)) check(value, field, [field]);
        }
      },
    };
  },
});
