import { joinPointer } from '../../definition/diagnostic.js';
import { compilePath, looksLikePath } from '../../expressions/paths/index.js';
import { defineRule } from '../rule.js';
import { hasFilterOrScript, hasPlaceholder, payloadTemplates } from '../rule-utils.js';

const PATH_FIELDS = ['InputPath', 'OutputPath'] as const;
const SUFFIX = '.$';
/** Deeper templates are not walked further: a possible miss, never a stack overflow. */
const MAX_DEPTH = 200;

/** Why aslkit's engine cannot evaluate a path with a filter or script step, or undefined when it can. */
function filterProblem(text: string): string | undefined {
  if (!hasFilterOrScript(text) || hasPlaceholder(text) || !looksLikePath(text)) return undefined;
  const compiled = compilePath(text, 'Path');
  if (compiled.ok) return undefined;
  const issue = compiled.issues[0];
  return issue?.data?.detail ?? issue?.message ?? '';
}

type Found = { tokens: (string | number)[]; detail: string };

function templateFilters(node: unknown, tokens: (string | number)[], found: Found[], depth: number): void {
  if (typeof node !== 'object' || node === null || depth > MAX_DEPTH) return;
  if (Array.isArray(node)) {
    node.forEach((item: unknown, i) => templateFilters(item, [...tokens, i], found, depth + 1));
    return;
  }
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (!key.endsWith(SUFFIX)) templateFilters(value, [...tokens, key], found, depth + 1);
    else if (typeof value === 'string') {
      const detail = filterProblem(value);
      if (detail !== undefined) found.push({ tokens: [...tokens, key], detail });
    }
  }
}

export default defineRule({
  meta: {
    id: 'no-unsupported-filter',
    description: "Disallow a JSONPath filter or script step that aslkit's interpreter cannot evaluate",
    // A warning, not an error: AWS evaluates paths with Jayway JsonPath, whose filter grammar
    // (functions, `=~`, `in`, …) is wider than the interpreter's, so AWS may deploy the machine.
    severity: 'warning',
    recommended: true,
    messages: {
      unsupported: "aslkit's interpreter cannot evaluate this filter, so createStateMachine refuses the definition: {{detail}}",
    },
    docs: {
      rationale:
        "Step Functions evaluates JSONPath with Jayway JsonPath (https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-paths.html). aslkit's interpreter evaluates filters that compare `@` or `$` paths with literals (`==`, `!=`, `<`, `<=`, `>`, `>=`, `&&`, `||`, existence), never running script, so a filter outside that grammar cannot be run locally: `createStateMachine` refuses the definition with this message. The linter only warns, because AWS may accept the path.",
      valid: [
        {
          definition: {
            StartAt: 'P',
            States: { P: { Type: 'Pass', Parameters: { 'cheap.$': '$.items[?(@.price < 10 && @.stock)]' }, End: true } },
          },
        },
      ],
      invalid: [
        {
          definition: {
            StartAt: 'P',
            States: { P: { Type: 'Pass', InputPath: "$..[?(@.constructor.constructor('return process')())]", End: true } },
          },
        },
      ],
    },
  },
  create(context) {
    return {
      state(walked) {
        if (walked.queryLanguage !== 'JSONPath') return;
        for (const field of PATH_FIELDS) {
          const value = walked.state[field];
          const detail = typeof value === 'string' ? filterProblem(value) : undefined;
          if (detail !== undefined) context.report({ messageId: 'unsupported', pointer: joinPointer(walked.pointer, field), data: { detail } });
        }
        for (const { template, statePointer, tokens } of payloadTemplates(walked)) {
          const found: Found[] = [];
          templateFilters(template, [...tokens], found, 0);
          for (const { tokens: at, detail } of found) {
            context.report({ messageId: 'unsupported', pointer: joinPointer(statePointer, ...at), data: { detail } });
          }
        }
      },
    };
  },
});
