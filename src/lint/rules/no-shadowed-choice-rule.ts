import { jsonEquals } from '../../expressions/paths/filter.js';
import { choiceMachine } from '../examples.js';
import { defineRule } from '../rule.js';

/** Fields of a top-level Choice rule that say where to go, not what matches. */
const OUTCOME_FIELDS = new Set(['Next', 'Comment', 'Assign', 'Output']);

type Condition = Readonly<Record<string, unknown>> | string;

/** What a Choice rule tests: a JSONata Condition's text, or a JSONPath rule without its outcome. */
function conditionOf(rule: unknown): Condition | undefined {
  if (rule === null || typeof rule !== 'object' || Array.isArray(rule)) return undefined;
  const record = rule as Record<string, unknown>;
  if (typeof record['Condition'] === 'string') return record['Condition'].trim();
  const condition = Object.fromEntries(Object.entries(record).filter(([key]) => !OUTCOME_FIELDS.has(key)));
  return Object.keys(condition).length === 0 ? undefined : condition;
}

function operands(condition: Condition, operator: 'And' | 'Or'): readonly Condition[] | undefined {
  if (typeof condition === 'string') return undefined;
  const list = condition[operator];
  return Object.keys(condition).length === 1 && Array.isArray(list) ? (list as Condition[]) : undefined;
}

/**
 * Whether `earlier` matches every input `later` matches: the same test, an `Or` of which one
 * branch does, or (for `later`) an `And` one of whose conjuncts is matched by it. Sound, not
 * complete: only what holds for every input is reported.
 */
function covers(earlier: Condition, later: Condition): boolean {
  if (jsonEquals(earlier, later)) return true;
  if (operands(earlier, 'Or')?.some((branch) => covers(branch, later))) return true;
  return operands(later, 'And')?.some((conjunct) => covers(earlier, conjunct)) ?? false;
}

/** The earlier rules (indexes) that together match every input `later` matches, or undefined. */
function coveredBy(later: Condition, earlier: readonly [number, Condition][]): number[] | undefined {
  const one = earlier.find(([, condition]) => covers(condition, later));
  if (one !== undefined) return [one[0]];
  // An Or whose every branch an earlier rule already takes.
  const branches = operands(later, 'Or');
  if (branches === undefined || branches.length === 0) return undefined;
  const by = new Set<number>();
  for (const branch of branches) {
    const found = coveredBy(branch, earlier);
    if (found === undefined) return undefined;
    for (const index of found) by.add(index);
  }
  return [...by].sort((a, b) => a - b);
}

export default defineRule({
  meta: {
    id: 'no-shadowed-choice-rule',
    description: 'Disallow Choice rules that can never match because an earlier rule of the same Choice state matches everything they match',
    severity: 'warning',
    recommended: true,
    messages: {
      shadowed: 'Choices[{{index}}] can never match: every input it matches is already taken by {{by}}',
    },
    docs: {
      rationale:
        'A Choice state takes the first rule that matches, in order ([Choice state](https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html)). A rule that repeats an earlier one (the same Variable, operator and value, or the same JSONata Condition), an `And` that includes an earlier rule, or an `Or` whose every branch an earlier rule takes, is never chosen: its Next is dead, and the order or a value is most likely wrong.',
      valid: [
        {
          definition: choiceMachine([
            { Variable: '$.n', NumericGreaterThan: 10, Next: 'A' },
            { Variable: '$.n', NumericGreaterThan: 0, Next: 'B' },
          ]),
        },
      ],
      invalid: [
        {
          definition: choiceMachine([
            { Variable: '$.status', StringEquals: 'done', Next: 'A' },
            { Variable: '$.status', StringEquals: 'done', Next: 'B' },
          ]),
        },
      ],
    },
  },
  create(context) {
    return {
      state(walked) {
        const choices = walked.type === 'Choice' ? walked.state['Choices'] : undefined;
        if (!Array.isArray(choices)) return;
        const earlier: [number, Condition][] = [];
        choices.forEach((rule, index) => {
          const condition = conditionOf(rule);
          if (condition === undefined) return;
          const by = coveredBy(condition, earlier);
          if (by !== undefined) {
            context.report({
              messageId: 'shadowed',
              pointer: `${walked.pointer}/Choices/${index}`,
              data: { index, by: by.map((i) => `Choices[${i}]`).join(' and ') },
            });
          }
          earlier.push([index, condition]);
        });
      },
    };
  },
});
