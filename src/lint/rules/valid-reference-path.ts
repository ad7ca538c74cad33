import { joinPointer } from '../../definition/diagnostic.js';
import { isObject, type WalkedState } from '../../definition/walk.js';
import { compilePath, type PathRoot } from '../../expressions/paths/index.js';
import { defineRule } from '../rule.js';

/** What a reference-path field may start with besides `$` (https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-paths.html). */
export interface ReferencePathRoots {
  context: boolean;
  variables: boolean;
}

export type ReferencePathProblem =
  | { kind: 'invalid'; detail: string }
  | { kind: 'context' }
  | { kind: 'variable'; variable: string };

const REFERENCE_PREFIX = 'Value is not a Reference Path: ';

/**
 * A CloudFormation/SAM `${Name}` placeholder: AWS substitutes it before it validates, so the
 * text the linter sees is not the path AWS will see.
 */
export function hasPlaceholder(text: string): boolean {
  return /\$\{[^}]*\}/.test(text);
}

/**
 * A filter `[?(…)]` or script `[(…)]` step. AWS evaluates paths with Jayway, whose filter
 * grammar is wider than ours and whose verdict on these steps at creation is not recorded
 * (an AWS doc page even shows a filter as a reference path; https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-paths.html lists `?` as unsupported), so the
 * rules claim no error for a text that has one: a possible miss rather than a false error.
 */
export function hasFilterOrScript(text: string): boolean {
  return /\[\s*[?(]/.test(text);
}

/** What a text is as a Reference Path, whatever the field: a syntax problem or its root. */
type ReferencePathVerdict = { detail: string } | { root: PathRoot; variable: string | undefined };

/** compilePath compiles each distinct text once per process (`$`, `$.input` recur across states and runs). */
function verdictOf(text: string): ReferencePathVerdict | undefined {
  if (hasPlaceholder(text) || hasFilterOrScript(text)) return undefined;
  const compiled = compilePath(text, 'ReferencePath');
  if (compiled.ok) return compiled.value;
  const message = compiled.issues[0]?.message ?? '';
  return { detail: message.startsWith(REFERENCE_PREFIX) ? message.slice(REFERENCE_PREFIX.length) : message };
}

/** Why `text` is not a Reference Path for a field with these roots, or undefined when it is one. */
export function referencePathProblem(text: string, roots: ReferencePathRoots): ReferencePathProblem | undefined {
  const verdict = verdictOf(text);
  if (verdict === undefined) return undefined;
  if ('detail' in verdict) return { kind: 'invalid', detail: verdict.detail };
  if (verdict.root === 'context' && !roots.context) return { kind: 'context' };
  if (verdict.root === 'variable' && !roots.variables) return { kind: 'variable', variable: `$${verdict.variable ?? ''}` };
  return undefined;
}

type MessageIds = 'invalid' | 'context' | 'variable';

/** `$$` is measured as rejected in the Map number fields; for the Wait and Task ones it is not recorded, so it is allowed. */
const ANY_ROOT: ReferencePathRoots = { context: true, variables: true };
const NO_CONTEXT: ReferencePathRoots = { context: false, variables: true };
const INPUT_ONLY: ReferencePathRoots = { context: false, variables: false };

const STATE_FIELDS: Readonly<Record<string, ReferencePathRoots>> = {
  ResultPath: INPUT_ONLY,
  ItemsPath: ANY_ROOT,
  SecondsPath: ANY_ROOT,
  TimestampPath: ANY_ROOT,
  TimeoutSecondsPath: ANY_ROOT,
  HeartbeatSecondsPath: ANY_ROOT,
  MaxConcurrencyPath: NO_CONTEXT,
  ToleratedFailureCountPath: NO_CONTEXT,
  ToleratedFailurePercentagePath: NO_CONTEXT,
};
const STATE_FIELD_NAMES = Object.keys(STATE_FIELDS);
const BATCHER_FIELDS = ['MaxItemsPerBatchPath', 'MaxInputBytesPerBatchPath'] as const;
/** The state fields under which forEachReferencePath looks. */
const HOLDERS: ReadonlySet<string> = new Set([...STATE_FIELD_NAMES, 'Catch', 'ItemReader', 'ItemBatcher']);

/** Most states have none of them, and their few keys say so faster than a lookup of each (for...in sees inherited keys too). */
function hasReferencePathHolder(state: Readonly<Record<string, unknown>>): boolean {
  for (const key in state) if (HOLDERS.has(key)) return true;
  return false;
}

export default defineRule<MessageIds>({
  meta: {
    id: 'valid-reference-path',
    description:
      'Require ResultPath, ItemsPath and the …Path fields of Wait, Task and Map to be Reference Paths; ResultPath may not read the context object or a variable',
    severity: 'error',
    recommended: true,
    awsCode: 'SCHEMA_VALIDATION_FAILED',
    messages: {
      invalid: 'Value is not a Reference Path: {{detail}}',
      context: "Value is not a Reference Path: '{{field}}' cannot read the context object ('$$')",
      variable: "Value is not a Reference Path: '{{field}}' cannot refer to the variable '{{variable}}'; ResultPath writes into the state's output",
    },
    docs: {
      rationale:
        'A Reference Path names exactly one node: `$`, then names and single indices such as `$.order.items[0]` or `$[\'a b\']`. Wildcards, `..`, slices, unions and functions are rejected when the machine is created, as is a path that does not start with `$`. `ResultPath` writes into the state input, so it cannot start with `$$` (the context object) or name a variable; the Map number fields (`MaxConcurrencyPath`, `ToleratedFailure…Path`, `MaxItemsPath`, `MaxItemsPerBatchPath`, `MaxInputBytesPerBatchPath`) cannot read the context object either.',
      valid: [
        {
          definition: {
            StartAt: 'W',
            States: {
              W: { Type: 'Wait', SecondsPath: '$delay', Next: 'M' },
              M: {
                Type: 'Map',
                ItemsPath: '$$.Execution.Input.items',
                MaxConcurrencyPath: '$.limits.concurrency',
                ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
                ResultPath: "$['map results']",
                End: true,
              },
            },
          },
        },
      ],
      invalid: [
        {
          title: 'A JSONPath without the leading `$`, and a wildcard',
          definition: {
            StartAt: 'T',
            States: {
              T: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:f', ResultPath: '.guid', Next: 'M' },
              M: {
                Type: 'Map',
                ItemsPath: '$.orders[*].lines',
                ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
                End: true,
              },
            },
          },
        },
        {
          title: 'A variable in ResultPath',
          definition: { StartAt: 'P', States: { P: { Type: 'Pass', ResultPath: '$result', End: true } } },
        },
      ],
    },
  },
  create(context) {
    return {
      state(walked) {
        forEachReferencePath(walked, (text, field, roots, tokens) => {
          const problem = referencePathProblem(text, roots);
          if (problem === undefined) return;
          const pointer = joinPointer(walked.pointer, ...tokens);
          if (problem.kind === 'invalid') context.report({ messageId: 'invalid', pointer, data: { detail: problem.detail } });
          else if (problem.kind === 'context') context.report({ messageId: 'context', pointer, data: { field } });
          else context.report({ messageId: 'variable', pointer, data: { field, variable: problem.variable } });
        });
      },
    };
  },
});

/** Called for each reference-path field present as a string, with the tokens from the state to it. */
export type ReferencePathVisitor = (text: string, field: string, roots: ReferencePathRoots, tokens: readonly (string | number)[]) => void;

/**
 * The reference-path fields of a JSONPath state other than Choice rules and Fail paths: its own,
 * each catcher's ResultPath, ItemReader MaxItemsPath, ItemBatcher's. Under JSONata these fields
 * do not exist (the schema reports them). Pointers are left to the caller, to be joined only
 * for findings: this runs for every state.
 */
export function forEachReferencePath({ state, queryLanguage }: WalkedState, visit: ReferencePathVisitor): void {
  if (queryLanguage !== 'JSONPath' || !hasReferencePathHolder(state)) return;
  for (const field of STATE_FIELD_NAMES) {
    const value = state[field];
    if (typeof value === 'string') visit(value, field, STATE_FIELDS[field] as ReferencePathRoots, [field]);
  }
  const catchers = state['Catch'];
  if (Array.isArray(catchers)) {
    catchers.forEach((catcher: unknown, i) => {
      const value = isObject(catcher) ? catcher['ResultPath'] : undefined;
      if (typeof value === 'string') visit(value, 'ResultPath', INPUT_ONLY, ['Catch', i, 'ResultPath']);
    });
  }
  const reader = state['ItemReader'];
  const readerConfig = isObject(reader) ? reader['ReaderConfig'] : undefined;
  const maxItemsPath = isObject(readerConfig) ? readerConfig['MaxItemsPath'] : undefined;
  if (typeof maxItemsPath === 'string') visit(maxItemsPath, 'MaxItemsPath', NO_CONTEXT, ['ItemReader', 'ReaderConfig', 'MaxItemsPath']);
  const batcher = state['ItemBatcher'];
  if (isObject(batcher)) {
    for (const field of BATCHER_FIELDS) {
      const value = batcher[field];
      if (typeof value === 'string') visit(value, field, NO_CONTEXT, ['ItemBatcher', field]);
    }
  }
}
