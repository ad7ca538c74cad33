import { joinPointer } from '../../definition/diagnostic.js';
import { CHOICE_COMPARISON_OPERATORS } from '../../definition/types.js';
import { isObject, type WalkedState } from '../../definition/walk.js';
import { defineRule } from '../rule.js';
import { referencePathProblem, type ReferencePathRoots } from './valid-reference-path.js';

type MessageIds = 'invalid';

/** `Variable` and the `…Path` operators read the input, the context object or a variable (https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html). */
const ROOTS: ReferencePathRoots = { context: true, variables: true };
const PATH_FIELDS = ['Variable', ...CHOICE_COMPARISON_OPERATORS.filter((operator) => operator.endsWith('Path'))];

export default defineRule<MessageIds>({
  meta: {
    id: 'valid-choice-rule-paths',
    description: 'Require the Variable and the …Path operators of Choice rules to be Reference Paths',
    severity: 'error',
    recommended: true,
    awsCode: 'SCHEMA_VALIDATION_FAILED',
    messages: {
      invalid: 'Value is not a Reference Path: {{detail}}',
    },
    docs: {
      rationale:
        'A Choice rule compares one node of the data: its `Variable` and a `…Path` operator such as `NumericLessThanPath` are Reference Paths (`$.order.total`, `$$.Execution.Input.limit`, `$limit`). Intrinsic functions, wildcards and other multi-node paths are rejected when the machine is created.',
      valid: [
        {
          definition: {
            StartAt: 'C',
            States: {
              C: {
                Type: 'Choice',
                Choices: [
                  { Variable: '$.order.total', NumericLessThanPath: '$$.Execution.Input.limit', Next: 'Done' },
                  { Not: { Variable: '$retries', NumericEquals: 0 }, Next: 'Done' },
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
          title: 'An intrinsic function as the Variable',
          definition: {
            StartAt: 'C',
            States: {
              C: {
                Type: 'Choice',
                Choices: [{ Variable: "States.ArrayContains($.clients, 'null')", BooleanEquals: true, Next: 'Done' }],
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
        forEachChoiceRulePath(walked, (text, _field, tokens) => {
          const problem = referencePathProblem(text, ROOTS);
          if (problem?.kind === 'invalid') context.report({ messageId: 'invalid', pointer: joinPointer(walked.pointer, ...tokens), data: { detail: problem.detail } });
        });
      },
    };
  },
});

/** Each `Variable` and `…Path` operator of a JSONPath Choice state, at any depth of And, Or and Not. */
export function forEachChoiceRulePath(walked: WalkedState, visit: ChoiceRuleFieldVisitor): void {
  forEachChoiceRuleField(walked, PATH_FIELDS, visit);
}

type ChoiceRuleFieldVisitor = (text: string, field: string, tokens: readonly (string | number)[]) => void;

/** Each string value of one of `fields` in the rules of a JSONPath Choice state, at any depth of And, Or and Not. */
export function forEachChoiceRuleField({ state, type, queryLanguage }: WalkedState, fields: readonly string[], visit: ChoiceRuleFieldVisitor): void {
  if (type !== 'Choice' || queryLanguage !== 'JSONPath') return;
  const choices = state['Choices'];
  if (Array.isArray(choices)) choices.forEach((rule: unknown, i) => visitRule(rule, ['Choices', i], fields, visit, 0));
}

/** Choice rules nest through And, Or and Not; depth is bounded so hostile input cannot exhaust the stack. */
function visitRule(rule: unknown, tokens: readonly (string | number)[], fields: readonly string[], visit: ChoiceRuleFieldVisitor, depth: number): void {
  if (!isObject(rule) || depth > 100) return;
  for (const field of fields) {
    const value = rule[field];
    if (typeof value === 'string') visit(value, field, [...tokens, field]);
  }
  for (const field of ['And', 'Or'] as const) {
    const list = rule[field];
    if (Array.isArray(list)) list.forEach((inner: unknown, i) => visitRule(inner, [...tokens, field, i], fields, visit, depth + 1));
  }
  visitRule(rule['Not'], [...tokens, 'Not'], fields, visit, depth + 1);
}
