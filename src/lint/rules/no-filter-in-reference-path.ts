import type { WalkedState } from '../../definition/walk.js';
import { joinPointer } from '../../definition/diagnostic.js';
import { isIntrinsicCall } from '../../expressions/intrinsics/index.js';
import { defineRule } from '../rule.js';
import { forEachChoiceRulePath, forEachReferencePath, hasFilterOrScript } from '../rule-utils.js';

type MessageIds = 'filter';

const FAIL_FIELDS = ['ErrorPath', 'CausePath'] as const;

export default defineRule<MessageIds>({
  meta: {
    id: 'no-filter-in-reference-path',
    description: 'Disallow filter `[?(…)]` and script `[(…)]` steps in fields that take a Reference Path',
    severity: 'error',
    recommended: true,
    awsCode: 'SCHEMA_VALIDATION_FAILED',
    messages: {
      filter:
        "Value is not a Reference Path: '{{field}}' takes a Reference Path, which holds only names and single indices, so the filter or script step in '{{path}}' is not allowed. Filter in an InputPath, OutputPath or '.$' field and name the result with a plain path",
    },
    docs: {
      rationale:
        'The specification says a Reference Path (ResultPath, ItemsPath, a Choice `Variable`, the `…Path` fields) identifies one node and holds no `?`, `@` or script, and the Step Functions guide lists `@`, `..`, `,`, `:`, `?` and `*` as unsupported there. An older AWS page showed a filter in one; aslkit follows the specification, and its interpreter refuses such a path, so this rule reports it as an error (set it to `warn` to be lenient in the linter only). Select the items in an earlier state (an `InputPath`, `OutputPath` or a `.$` field may filter) and name the result with a plain path.',
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
    let walked: WalkedState;
    const check = (text: string, field: string, tokens: readonly (string | number)[]): void => {
      if (hasFilterOrScript(text)) context.report({ messageId: 'filter', pointer: joinPointer(walked.pointer, ...tokens), data: { field, path: text } });
    };
    const checkReferencePath = (text: string, field: string, _roots: unknown, tokens: readonly (string | number)[]): void => check(text, field, tokens);
    return {
      state(current) {
        walked = current;
        forEachReferencePath(walked, checkReferencePath);
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
