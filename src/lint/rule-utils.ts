/**
 * What several rules read the same way, in one module (as ESLint's rules/utils): rules import
 * these, never each other. Each helper walks only what its caller's state holds.
 */
import { derived, isObject, type Scope, type WalkedState } from '../definition/walk.js';
import { CHOICE_COMPARISON_OPERATORS } from '../definition/types.js';
import { compileIntrinsic, isIntrinsicCall } from '../expressions/intrinsics/index.js';
import { compilePath, looksLikePath, type PathRoot } from '../expressions/paths/index.js';

// Reference paths: ResultPath, ItemsPath, the …Path fields, Choice rule Variables.

/** What a reference-path field may start with besides `$` (https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-paths.html). */
export interface ReferencePathRoots {
  context: boolean;
  variables: boolean;
}

export type ReferencePathProblem =
  | { kind: 'invalid'; detail: string }
  | { kind: 'context' }
  | { kind: 'variable'; variable: string };

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
  const issue = compiled.issues[0];
  return { detail: issue?.data?.detail ?? issue?.message ?? '' };
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

// Choice rules.

/** `Variable` and the `…Path` operators read the input, the context object or a variable (https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html). */
export const CHOICE_RULE_PATH_ROOTS: ReferencePathRoots = { context: true, variables: true };
const CHOICE_RULE_PATH_FIELDS = ['Variable', ...CHOICE_COMPARISON_OPERATORS.filter((operator) => operator.endsWith('Path'))];

/** Each `Variable` and `…Path` operator of a JSONPath Choice state, at any depth of And, Or and Not. */
export function forEachChoiceRulePath(walked: WalkedState, visit: ChoiceRuleFieldVisitor): void {
  forEachChoiceRuleField(walked, CHOICE_RULE_PATH_FIELDS, visit);
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

// Payload templates: Parameters, ResultSelector, ItemSelector, Credentials, Assign, ….

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
  if (looksLikePath(value)) {
    const compiled = compilePath(value, 'Path');
    if (compiled.ok) return undefined;
    const issue = compiled.issues[0];
    return issue?.data?.detail ?? issue?.message ?? '';
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
