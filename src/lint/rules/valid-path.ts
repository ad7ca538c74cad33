import { joinPointer } from '../../definition/diagnostic.js';
import { isIntrinsicCall } from '../../expressions/intrinsics/index.js';
import { compilePath } from '../../expressions/paths/index.js';
import { defineRule } from '../rule.js';
import { hasFilterOrScript, hasPlaceholder } from '../rule-utils.js';

type MessageIds = 'invalid' | 'intrinsic';

const FIELDS = ['InputPath', 'OutputPath'] as const;

/** Why `text` is not a Path, or undefined when it is one. compilePath compiles each distinct text once per process. */
function pathProblem(text: string): string | undefined {
  const compiled = compilePath(text, 'Path');
  if (compiled.ok) return undefined;
  const issue = compiled.issues[0];
  return issue?.data?.detail ?? issue?.message ?? '';
}

export default defineRule<MessageIds>({
  meta: {
    id: 'valid-path',
    description: 'Require InputPath and OutputPath to be null or a Path: `$…`, `$$…` (the context object) or `$name…` (a variable)',
    severity: 'error',
    recommended: true,
    awsCode: 'SCHEMA_VALIDATION_FAILED',
    messages: {
      invalid: 'Value is not a valid JSONPath: {{detail}}',
      intrinsic: "'{{field}}' must be a Path, not an intrinsic function call: intrinsic functions run only in payload templates (fields ending in '.$')",
    },
    docs: {
      rationale:
        '`InputPath` and `OutputPath` select part of the data with a JSONPath that starts with `$` (the state data), `$$` (the context object) or `$name` (a variable); `null` selects nothing (`{}`). Anything else, including an intrinsic function call, is rejected when the machine is created.',
      valid: [
        {
          definition: {
            StartAt: 'P',
            States: { P: { Type: 'Pass', InputPath: '$$.Execution.Input', OutputPath: '$.items[?(@.keep)]', End: true } },
          },
        },
      ],
      invalid: [
        { definition: { StartAt: 'P', States: { P: { Type: 'Pass', InputPath: 'bug$.library.movies', End: true } } } },
        {
          title: 'An intrinsic function where a Path belongs',
          definition: { StartAt: 'P', States: { P: { Type: 'Pass', InputPath: "States.Format('{} xyz', $.name)", End: true } } },
        },
      ],
    },
  },
  create(context) {
    return {
      state({ state, pointer, queryLanguage }) {
        if (queryLanguage !== 'JSONPath') return;
        for (const field of FIELDS) {
          const value = state[field];
          if (typeof value !== 'string' || hasPlaceholder(value) || hasFilterOrScript(value)) continue;
          const detail = pathProblem(value);
          if (detail === undefined) continue;
          const at = joinPointer(pointer, field);
          if (isIntrinsicCall(value)) context.report({ messageId: 'intrinsic', pointer: at, data: { field } });
          else context.report({ messageId: 'invalid', pointer: at, data: { detail } });
        }
      },
    };
  },
});
