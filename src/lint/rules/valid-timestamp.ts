import { joinPointer } from '../../definition/diagnostic.js';
import { isObject } from '../../definition/walk.js';
import { defineRule, type RuleContext } from '../rule.js';

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/;
const TIMESTAMP_OPERATORS = [
  'TimestampEquals',
  'TimestampLessThan',
  'TimestampGreaterThan',
  'TimestampLessThanEquals',
  'TimestampGreaterThanEquals',
] as const;

/** RFC 3339 with an uppercase T and a zone (Z or ±hh:mm), real calendar values (https://docs.aws.amazon.com/step-functions/latest/dg/state-wait.html). */
export function isRfc3339(text: string): boolean {
  const m = RFC3339.exec(text);
  if (m === null) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return false;
  if (m[9] !== undefined && (Number(m[9]) > 23 || Number(m[10]) > 59)) return false;
  return true;
}

type MessageIds = 'invalid';

export default defineRule<MessageIds>({
  meta: {
    id: 'valid-timestamp',
    description: 'Require literal timestamps (Wait Timestamp, Choice Timestamp… comparisons) to be RFC 3339 with an uppercase T and a time zone',
    severity: 'error',
    recommended: true,
    awsCode: 'SCHEMA_VALIDATION_FAILED',
    messages: {
      invalid: 'String does not match RFC3339 timestamp',
    },
    docs: {
      rationale:
        'Step Functions reads timestamps as RFC 3339: `2026-01-31T09:30:00Z` or `2026-01-31T09:30:00.5+01:00`. A space instead of `T`, a missing zone or an impossible date (month 13, hour 25) is rejected when the machine is created.',
      valid: [{ definition: { StartAt: 'W', States: { W: { Type: 'Wait', Timestamp: '2026-03-05T21:29:29.243Z', End: true } } } }],
      invalid: [
        { definition: { StartAt: 'W', States: { W: { Type: 'Wait', Timestamp: '2026-03-05 21:29:29Z', End: true } } } },
        {
          definition: {
            StartAt: 'C',
            States: {
              C: {
                Type: 'Choice',
                Choices: [{ Variable: '$.at', TimestampGreaterThan: '2026-03-05T21:29:29', Next: 'Late' }],
                Default: 'Late',
              },
              Late: { Type: 'Succeed' },
            },
          },
        },
      ],
    },
  },
  create(context) {
    return {
      state(walked) {
        const { state, pointer, type, queryLanguage } = walked;
        if (type === 'Wait') {
          const timestamp = state['Timestamp'];
          if (typeof timestamp !== 'string') return;
          // Under JSONata the field may be an expression, checked when evaluated.
          if (queryLanguage === 'JSONata' && timestamp.startsWith('{%')) return;
          if (!isRfc3339(timestamp)) context.report({ messageId: 'invalid', pointer: joinPointer(pointer, 'Timestamp') });
        } else if (type === 'Choice' && queryLanguage === 'JSONPath') {
          const choices = state['Choices'];
          if (Array.isArray(choices)) choices.forEach((rule: unknown, i) => checkRule(context, rule, joinPointer(pointer, 'Choices', i), 0));
        }
      },
    };
  },
});

/** Choice rules nest through And, Or and Not; depth is bounded so hostile input cannot exhaust the stack. */
function checkRule(context: RuleContext<MessageIds>, rule: unknown, pointer: string, depth: number): void {
  if (!isObject(rule) || depth > 100) return;
  for (const operator of TIMESTAMP_OPERATORS) {
    const value = rule[operator];
    if (typeof value === 'string' && !isRfc3339(value)) context.report({ messageId: 'invalid', pointer: joinPointer(pointer, operator) });
  }
  for (const field of ['And', 'Or'] as const) {
    const list = rule[field];
    if (Array.isArray(list)) list.forEach((inner: unknown, i) => checkRule(context, inner, joinPointer(pointer, field, i), depth + 1));
  }
  checkRule(context, rule['Not'], joinPointer(pointer, 'Not'), depth + 1);
}
