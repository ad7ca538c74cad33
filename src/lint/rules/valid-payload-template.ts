import { joinPointer } from '../../definition/diagnostic.js';
import { isObject, type WalkedState } from '../../definition/walk.js';
import { isIntrinsicCall } from '../../expressions/intrinsics/index.js';
import { compilePayloadTemplate, type TemplateCompileResult } from '../../expressions/paths/index.js';
import { defineRule } from '../rule.js';
import { hasFilterOrScript, hasPlaceholder } from './valid-reference-path.js';

/** A JSONPath payload template of a state and where it sits. */
export interface PayloadTemplate {
  template: object;
  pointer: string;
}

/** Fields of a state that hold a payload template (ASL-NOTES §2.3). Pass `Result` is not one. */
const STATE_TEMPLATE_FIELDS = ['Parameters', 'ResultSelector', 'ItemSelector', 'Credentials', 'Assign'] as const;

/**
 * Every JSONPath payload template of a state: its own fields, each catcher's Assign, each
 * top-level Choice rule's Assign, ItemReader and ResultWriter Parameters, ItemBatcher BatchInput.
 * Only objects and arrays are templates (a scalar has no `.$` key); JSONata states have none.
 */
export function payloadTemplates({ state, pointer, type, queryLanguage }: WalkedState): PayloadTemplate[] {
  if (queryLanguage !== 'JSONPath') return [];
  const found: PayloadTemplate[] = [];
  const add = (value: unknown, at: string): void => {
    if (typeof value === 'object' && value !== null) found.push({ template: value, pointer: at });
  };
  for (const field of STATE_TEMPLATE_FIELDS) add(state[field], joinPointer(pointer, field));
  const catchers = state['Catch'];
  if (Array.isArray(catchers)) catchers.forEach((c: unknown, i) => isObject(c) && add(c['Assign'], joinPointer(pointer, 'Catch', i, 'Assign')));
  const choices = type === 'Choice' ? state['Choices'] : undefined;
  if (Array.isArray(choices)) choices.forEach((c: unknown, i) => isObject(c) && add(c['Assign'], joinPointer(pointer, 'Choices', i, 'Assign')));
  for (const holder of ['ItemReader', 'ResultWriter'] as const) {
    const value = state[holder];
    if (isObject(value)) add(value['Parameters'], joinPointer(pointer, holder, 'Parameters'));
  }
  const batcher = state['ItemBatcher'];
  if (isObject(batcher)) add(batcher['BatchInput'], joinPointer(pointer, 'ItemBatcher', 'BatchInput'));
  return found;
}

/** One compile per template object, shared by the rules that read its issues (the definition is never mutated). */
const compiled = new WeakMap<object, TemplateCompileResult>();

export function compileTemplate(template: object): TemplateCompileResult {
  let result = compiled.get(template);
  if (result === undefined) {
    result = compilePayloadTemplate(template);
    compiled.set(template, result);
  }
  return result;
}

/** The value at `path` inside a template (a path from a TemplateIssue). */
export function valueAt(template: unknown, path: readonly (string | number)[]): unknown {
  let current = template;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

type MessageIds = 'invalid' | 'invalidExpression';

const PATH_PREFIX = 'Value is not a valid JSONPath: ';

export default defineRule<MessageIds>({
  meta: {
    id: 'valid-payload-template',
    description:
      "Require every field ending in '.$' of a payload template (Parameters, ResultSelector, ItemSelector, Credentials, Assign, ItemReader and ResultWriter Parameters, ItemBatcher BatchInput) to hold a Path or an intrinsic function call",
    severity: 'error',
    recommended: true,
    awsCode: 'SCHEMA_VALIDATION_FAILED',
    messages: {
      invalid: "The value for the field '{{field}}' must be a valid JSONPath or a valid intrinsic function call",
      invalidExpression: "The value for the field '{{field}}' must be a valid JSONPath or a valid intrinsic function call: {{detail}}",
    },
    docs: {
      rationale:
        "In a payload template, a key ending in `.$` takes its value from the data: the value must be a string holding a Path (`$.order.id`), a context path (`$$.Execution.Id`), a variable path (`$order.id`) or an intrinsic function call (`States.Format('{}-{}', $.a, $.b)`), at any depth of nested objects and arrays. Anything else is rejected when the machine is created. Keys without `.$` are literal, and a Pass state's `Result` is never a template.",
      valid: [
        {
          definition: {
            StartAt: 'P',
            States: {
              P: {
                Type: 'Pass',
                Parameters: {
                  'id.$': '$.order.id',
                  'execution.$': '$$.Execution.Id',
                  lines: [{ 'sku.$': '$sku', 'label.$': "States.Format('{}-{}', $.a, $.b)" }],
                  'not-evaluated': '$customerName',
                },
                Result: { 'TestResult.$': 'ConditionTrue' },
                End: true,
              },
            },
          },
        },
      ],
      invalid: [
        {
          title: 'A value that is neither a Path nor an intrinsic call, and a number',
          definition: {
            StartAt: 'P',
            States: { P: { Type: 'Pass', Parameters: { 'lorem.$': 'ipsum', nested: { 'count.$': 23 } }, End: true } },
          },
        },
        {
          title: 'An intrinsic call that does not parse',
          definition: {
            StartAt: 'P',
            States: { P: { Type: 'Pass', ResultPath: '$.out', Parameters: { 'text.$': 'States.JsonToString($' }, End: true } },
          },
        },
      ],
    },
  },
  create(context) {
    return {
      state(walked) {
        for (const { template, pointer } of payloadTemplates(walked)) {
          const result = compileTemplate(template);
          if (result.ok) continue;
          for (const issue of result.issues) {
            if (issue.code === 'DUPLICATE_FIELD_NAME') continue;
            const value = valueAt(template, issue.path);
            if (typeof value === 'string' && (hasPlaceholder(value) || hasFilterOrScript(value))) continue;
            const at = joinPointer(pointer, ...issue.path);
            const field = String(issue.path[issue.path.length - 1]);
            // A path or an intrinsic call that fails to compile: its own explanation helps; anything else gets AWS's words alone.
            if (typeof value === 'string' && issue.detail !== undefined && (value.startsWith('$') || isIntrinsicCall(value))) {
              const detail = issue.detail.startsWith(PATH_PREFIX) ? issue.detail.slice(PATH_PREFIX.length) : issue.detail;
              context.report({ messageId: 'invalidExpression', pointer: at, data: { field, detail } });
            } else {
              context.report({ messageId: 'invalid', pointer: at, data: { field } });
            }
          }
        }
      },
    };
  },
});
