import { joinPointer } from '../../definition/diagnostic.js';
import { compileIntrinsic, isIntrinsicCall } from '../../expressions/intrinsics/index.js';
import type { IntrinsicIssue } from '../../expressions/intrinsics/index.js';
import { defineRule } from '../rule.js';
import { hasPlaceholder, payloadTemplates } from '../rule-utils.js';

type MessageIds = 'failsAtRunTime' | 'questionable';

const SUFFIX = '.$';
const DOLLAR = 0x24;
const NONE: readonly IntrinsicIssue[] = [];
/** Deeper templates are not walked further: a possible miss, never a stack overflow. */
const MAX_DEPTH = 200;

/** Warnings of these checks are not sure failures: the call may well run as meant. */
const QUESTIONABLE: ReadonlySet<IntrinsicIssue['check']> = new Set(['unescaped-brace', 'literal-argument']);

/**
 * Reports the warnings of intrinsic calls that compile. A call that does not compile is an
 * error of valid-payload-template (or valid-error-cause-path for a Fail state), which report
 * what compileIntrinsic refuses; this rule never reports the same value twice.
 */
export default defineRule<MessageIds>({
  meta: {
    id: 'valid-intrinsic-function',
    description:
      'Disallow intrinsic function calls that AWS accepts at creation but that fail whenever they run (such as a literal argument of the wrong type), and unescaped braces in their string literals',
    severity: 'warning',
    recommended: true,
    messages: {
      failsAtRunTime: "The intrinsic function call in '{{field}}' fails whenever it runs (States.Runtime): {{detail}} (at character {{position}})",
      questionable: "In the intrinsic function call in '{{field}}': {{detail}} (at character {{position}})",
    },
    docs: {
      rationale:
        "AWS checks an intrinsic function call's grammar and function name when the machine is created, but not its argument count nor the types or values of its literal arguments: `States.Hash('hello')` and `States.MathAdd(1, '-1')` are accepted and then fail every execution that reaches them with `States.Runtime` (`Invalid arguments in States.MathAdd`), which Retry and Catch cannot handle. This rule reports such calls in payload templates (`.$` fields) and in a Fail state's ErrorPath and CausePath, with the place inside the string. A `{` or `}` that is not part of a `{}` placeholder in a `States.Format` template fails the same way (write `\\{` and `\\}`); elsewhere in string literals such braces work but the spec reserves them, so the rule warns once per literal.",
      valid: [
        {
          definition: {
            StartAt: 'P',
            States: {
              P: {
                Type: 'Pass',
                Parameters: {
                  'sum.$': 'States.MathAdd($.a, -1)',
                  'label.$': "States.Format('Order {} of {}', $.id, $$.Execution.Name)",
                  'ids.$': 'States.ArrayRange(1, 1000, 1)',
                },
                End: true,
              },
            },
          },
        },
      ],
      invalid: [
        {
          title: 'A string where States.MathAdd needs a number',
          definition: {
            StartAt: 'P',
            States: { P: { Type: 'Pass', Parameters: { 'foo.$': "States.MathAdd(1, '-1')" }, ResultPath: '$.input', End: true } },
          },
        },
        {
          title: 'A States.Format template with two placeholders and one value',
          definition: {
            StartAt: 'F',
            States: { F: { Type: 'Fail', CausePath: "States.Format('{} failed at {}', $.step)" } },
          },
        },
      ],
    },
  },
  create(context) {
    /** The warnings of a `.$` value that is an intrinsic call compiling without errors; none for anything else. */
    const warningsOf = (value: string): readonly IntrinsicIssue[] => {
      // Most `.$` values are paths: skip them before the regular expression.
      if (value.charCodeAt(0) === DOLLAR || !isIntrinsicCall(value) || hasPlaceholder(value)) return NONE;
      const compiled = compileIntrinsic(value);
      return compiled.ok ? compiled.value.warnings : NONE;
    };

    /** Pointers are built only for a finding: `tokens` is the path from the template's holder. */
    const report = (warnings: readonly IntrinsicIssue[], field: string, base: string, tokens: readonly (string | number)[]): void => {
      const pointer = joinPointer(base, ...tokens);
      for (const warning of warnings) {
        context.report({
          messageId: QUESTIONABLE.has(warning.check) ? 'questionable' : 'failsAtRunTime',
          pointer,
          data: { field, detail: warning.message, position: warning.offset + 1 },
          index: warning.offset,
        });
      }
    };

    const visit = (node: unknown, base: string, tokens: (string | number)[]): void => {
      if (typeof node !== 'object' || node === null || tokens.length > MAX_DEPTH) return;
      if (Array.isArray(node)) {
        node.forEach((item: unknown, i) => visit(item, base, [...tokens, i]));
        return;
      }
      for (const key of Object.keys(node)) {
        const value = (node as Record<string, unknown>)[key];
        if (!key.endsWith(SUFFIX)) visit(value, base, [...tokens, key]);
        else if (typeof value === 'string') {
          const warnings = warningsOf(value);
          if (warnings.length > 0) report(warnings, key, base, [...tokens, key]);
        }
      }
    };

    return {
      state(walked) {
        if (walked.queryLanguage !== 'JSONPath') return;
        for (const { template, statePointer, tokens } of payloadTemplates(walked)) visit(template, statePointer, [...tokens]);
        if (walked.type !== 'Fail') return;
        for (const field of ['ErrorPath', 'CausePath'] as const) {
          const value = walked.state[field];
          if (typeof value !== 'string') continue;
          const warnings = warningsOf(value);
          if (warnings.length > 0) report(warnings, field, walked.pointer, [field]);
        }
      },
    };
  },
});
