import { joinPointer } from '../../definition/diagnostic.js';
import { derived, isObject, type Scope, type WalkedState } from '../../definition/walk.js';
import { compileIntrinsic, isIntrinsicCall } from '../../expressions/intrinsics/index.js';
import { compilePath } from '../../expressions/paths/index.js';
import { defineRule } from '../rule.js';
import { hasFilterOrScript, hasPlaceholder } from './valid-reference-path.js';

/** A JSONPath payload template of a state and where it sits. */
export interface PayloadTemplate {
  template: object;
  /** The state's pointer and the tokens from it to the template: joined only when there is something to report. */
  statePointer: string;
  tokens: readonly (string | number)[];
}

/** Fields of a state that hold a payload template (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-inputpath-params.html). Pass `Result` is not one. */
const STATE_TEMPLATE_FIELDS = ['Parameters', 'ResultSelector', 'ItemSelector', 'Credentials', 'Assign'] as const;

/**
 * Every JSONPath payload template of a state: its own fields, each catcher's Assign, each
 * top-level Choice rule's Assign, ItemReader and ResultWriter Parameters, ItemBatcher BatchInput.
 * Only objects and arrays are templates (a scalar has no `.$` key); JSONata states have none.
 */
export function payloadTemplates({ state, pointer, type, queryLanguage }: WalkedState): readonly PayloadTemplate[] {
  // Each rule that reads templates asks again for every state: cheaper than keeping the answer,
  // as most states have no template at all. Their few keys say so faster than looking up each
  // field that could hold one (about 25 ns against 90).
  if (queryLanguage !== 'JSONPath' || !hasTemplateHolder(state)) return NONE;
  let found: PayloadTemplate[] | undefined;
  for (const field of STATE_TEMPLATE_FIELDS) {
    const value = state[field];
    if (isTemplate(value)) (found ??= []).push({ template: value, statePointer: pointer, tokens: [field] });
  }
  const catchers = state['Catch'];
  if (Array.isArray(catchers)) {
    for (let i = 0; i < catchers.length; i++) {
      const value: unknown = isObject(catchers[i]) ? catchers[i]['Assign'] : undefined;
      if (isTemplate(value)) (found ??= []).push({ template: value, statePointer: pointer, tokens: ['Catch', i, 'Assign'] });
    }
  }
  const choices = type === 'Choice' ? state['Choices'] : undefined;
  if (Array.isArray(choices)) {
    for (let i = 0; i < choices.length; i++) {
      const value: unknown = isObject(choices[i]) ? choices[i]['Assign'] : undefined;
      if (isTemplate(value)) (found ??= []).push({ template: value, statePointer: pointer, tokens: ['Choices', i, 'Assign'] });
    }
  }
  for (const holder of ['ItemReader', 'ResultWriter'] as const) {
    const value = state[holder];
    const parameters = isObject(value) ? value['Parameters'] : undefined;
    if (isTemplate(parameters)) (found ??= []).push({ template: parameters, statePointer: pointer, tokens: [holder, 'Parameters'] });
  }
  const batcher = state['ItemBatcher'];
  const batchInput = isObject(batcher) ? batcher['BatchInput'] : undefined;
  if (isTemplate(batchInput)) (found ??= []).push({ template: batchInput, statePointer: pointer, tokens: ['ItemBatcher', 'BatchInput'] });
  return found ?? NONE;
}

const NONE: readonly PayloadTemplate[] = [];

/** The state fields under which payloadTemplates looks. */
const TEMPLATE_HOLDERS: ReadonlySet<string> = new Set([...STATE_TEMPLATE_FIELDS, 'Catch', 'Choices', 'ItemReader', 'ResultWriter', 'ItemBatcher']);

function hasTemplateHolder(state: Readonly<Record<string, unknown>>): boolean {
  // for...in, like the lookups below, sees inherited fields too (non-enumerable ones are not JSON).
  for (const key in state) if (TEMPLATE_HOLDERS.has(key)) return true;
  return false;
}

/** Only objects and arrays are templates: a scalar has no `.$` key. */
function isTemplate(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/** A problem of one template: a `.$` value that does not compile, or a key duplicated once `.$` is removed. */
export type TemplateProblem =
  | { kind: 'invalid'; path: (string | number)[]; field: string; detail?: string }
  | { kind: 'duplicate'; path: (string | number)[]; name: string; first: string; second: string };

const SUFFIX = '.$';
const PATH_PREFIX = 'Value is not a valid JSONPath: ';
/** Deeper templates are not walked further: a possible miss, never a stack overflow. */
const MAX_DEPTH = 200;

/**
 * Why a `.$` value does not compile (the path or intrinsic parser's words), '' when it is neither
 * a path nor an intrinsic call, undefined when it compiles. Classified as compilePayloadTemplate
 * does; compilePath and compileIntrinsic compile each distinct text once per process.
 */
function valueProblem(value: string): string | undefined {
  // Placeholders are substituted before AWS validates; filters follow a wider grammar than ours.
  if (hasPlaceholder(value) || hasFilterOrScript(value)) return undefined;
  if (value.startsWith('$')) {
    const compiled = compilePath(value, 'Path');
    if (compiled.ok) return undefined;
    const message = compiled.issues[0]?.message ?? '';
    return message.startsWith(PATH_PREFIX) ? message.slice(PATH_PREFIX.length) : message;
  }
  if (isIntrinsicCall(value)) {
    const compiled = compileIntrinsic(value);
    return compiled.ok ? undefined : (compiled.issues[0]?.message ?? '');
  }
  return '';
}

/** The problems of each template of a scope's states, found once per lint and shared by the rules that read them. */
const problemTable = (_scope: Scope): Map<object, TemplateProblem[]> => new Map();

export function templateProblems(walked: WalkedState, template: object): TemplateProblem[] {
  const table = derived(walked.scope, problemTable);
  let problems = table.get(template);
  if (problems === undefined) {
    problems = [];
    walk(template, [], problems, 0);
    table.set(template, problems);
  }
  return problems;
}

/** Through objects and arrays, as https://docs.aws.amazon.com/step-functions/latest/dg/input-output-inputpath-params.html says; only object keys carry `.$`. */
function walk(node: unknown, path: (string | number)[], problems: TemplateProblem[], depth: number): void {
  if (typeof node !== 'object' || node === null || depth > MAX_DEPTH) return;
  if (Array.isArray(node)) {
    node.forEach((item: unknown, i) => walk(item, [...path, i], problems, depth + 1));
    return;
  }
  const seen = new Map<string, string>();
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const dynamic = key.endsWith(SUFFIX);
    const name = dynamic ? key.slice(0, -SUFFIX.length) : key;
    const first = seen.get(name);
    if (first !== undefined) {
      problems.push({ kind: 'duplicate', path: [...path, key], name, first, second: key });
      continue;
    }
    seen.set(name, key);
    if (!dynamic) {
      walk(value, [...path, key], problems, depth + 1);
      continue;
    }
    if (typeof value !== 'string') {
      problems.push({ kind: 'invalid', path: [...path, key], field: key });
      continue;
    }
    const detail = valueProblem(value);
    if (detail === '') problems.push({ kind: 'invalid', path: [...path, key], field: key });
    else if (detail !== undefined) problems.push({ kind: 'invalid', path: [...path, key], field: key, detail });
  }
}

type MessageIds = 'invalid' | 'invalidExpression';

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
        for (const { template, statePointer, tokens } of payloadTemplates(walked)) {
          for (const problem of templateProblems(walked, template)) {
            if (problem.kind !== 'invalid') continue;
            const at = joinPointer(statePointer, ...tokens, ...problem.path);
            // A path or an intrinsic call that does not compile gets its parser's explanation; anything else AWS's words alone.
            if (problem.detail === undefined) context.report({ messageId: 'invalid', pointer: at, data: { field: problem.field } });
            else context.report({ messageId: 'invalidExpression', pointer: at, data: { field: problem.field, detail: problem.detail } });
          }
        }
      },
    };
  },
});
