/**
 * Workflow variables as the linter sees them (https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html): where each name is assigned
 * and where it is read, in both query languages, scope by scope. Variables arrived with JSONata
 * (November 2024), so they live next to it; JSONPath reads them as `$name…` paths.
 */
import { joinPointer } from '../definition/diagnostic.js';
import { derived } from '../definition/walk.js';
import type { DefinitionWalk, Scope, WalkedState } from '../definition/walk.js';
import { KNOWN_FUNCTIONS, analyzeJsonataOnce, isJsonataString, jsonataStringsOf } from '../expressions/jsonata/index.js';

export interface VariableAssignment {
  /** The variable name: the key, without `.$` under JSONPath. */
  readonly name: string;
  /** Pointer of the key in its Assign object. */
  readonly pointer: string;
  readonly state: WalkedState;
}

export interface VariableRead {
  readonly name: string;
  /** Pointer of the string that reads it. */
  readonly pointer: string;
  readonly state: WalkedState;
  /** Read in JSONata as `$name` where `name` is also a JSONata function (`$map(xs, $string)`). */
  readonly mayBeFunction: boolean;
}

export interface ScopeVariables {
  /** First assignment of each name in this scope (state, Choice rule and catcher Assign). */
  readonly assigned: ReadonlyMap<string, VariableAssignment>;
  /** Every assignment in this scope, in document order. */
  readonly assignments: readonly VariableAssignment[];
  /** Every assignment of each name in this scope, in document order. */
  readonly assignmentsByName: ReadonlyMap<string, readonly VariableAssignment[]>;
  readonly reads: readonly VariableRead[];
}

export interface DefinitionVariables {
  readonly scopes: ReadonlyMap<Scope, ScopeVariables>;
  /** Every name read anywhere in the definition. */
  readonly readNames: ReadonlySet<string>;
}

/** A distributed Map runs each iteration as a child workflow that cannot read outer variables. */
export function isDistributedProcessor(scope: Scope): boolean {
  if (scope.kind !== 'processor') return false;
  const config = scope.container['ProcessorConfig'];
  return typeof config === 'object' && config !== null && (config as Record<string, unknown>)['Mode'] === 'DISTRIBUTED';
}

/**
 * The scopes whose variables `scope` can read: itself, then its ancestors up to and including
 * the first distributed Map processor (whose own states still share its variables).
 */
export function visibleScopes(scope: Scope): Scope[] {
  const out: Scope[] = [];
  for (let s: Scope | undefined = scope; s !== undefined; s = s.parent) {
    out.push(s);
    if (isDistributedProcessor(s)) break;
  }
  return out;
}

const MAX_DEPTH = 500;
const PATH_VARIABLE = /^\$([\p{ID_Start}_][\p{ID_Continue}]*)/u;
const INTRINSIC_VARIABLE = /(?<![\p{ID_Continue}$.])\$([\p{ID_Start}_][\p{ID_Continue}]*)/gu;
/** Single-quoted intrinsic string literals, with their `\'` escapes. */
const INTRINSIC_STRING = /'(?:[^'\\]|\\.)*'/g;

/** Path fields of a JSONPath state. */
const STATE_PATH_FIELDS: ReadonlySet<string> = new Set([
  'InputPath',
  'OutputPath',
  'ItemsPath',
  'TimeoutSecondsPath',
  'HeartbeatSecondsPath',
  'SecondsPath',
  'TimestampPath',
  'ErrorPath',
  'CausePath',
  'MaxConcurrencyPath',
  'ToleratedFailureCountPath',
  'ToleratedFailurePercentagePath',
]);
/** Payload templates of a JSONPath state, where `.$` values are paths or intrinsic calls. */
const STATE_TEMPLATE_FIELDS: ReadonlySet<string> = new Set(['Parameters', 'ResultSelector', 'ItemSelector', 'Assign', 'Credentials']);
/** The nested configuration objects: their path fields and their templates. */
const NESTED_FIELDS: Readonly<Record<string, { paths: readonly (readonly string[])[]; templates: readonly string[] }>> = {
  ItemReader: { paths: [['ReaderConfig', 'MaxItemsPath']], templates: ['Parameters'] },
  ItemBatcher: { paths: [['MaxItemsPerBatchPath'], ['MaxInputBytesPerBatchPath']], templates: ['BatchInput'] },
  ResultWriter: { paths: [], templates: ['Parameters'] },
};

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function at(object: unknown, keys: readonly string[]): unknown {
  let value = object;
  for (const key of keys) value = isRecord(value) ? value[key] : undefined;
  return value;
}

/** Variables read by a JSONPath path or intrinsic call (`$order.id`, `States.Format('{}', $x)`). */
export function jsonPathVariables(text: string): string[] {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('States.')) {
    return [...trimmed.replace(INTRINSIC_STRING, "''").matchAll(INTRINSIC_VARIABLE)].map((m) => m[1] as string);
  }
  const m = PATH_VARIABLE.exec(text);
  return m === null ? [] : [m[1] as string];
}

type Path = readonly (string | number)[];

/** The pointer is built only when a rule reports the read. */
class Read implements VariableRead {
  constructor(
    readonly name: string,
    private readonly path: Path,
    readonly state: WalkedState,
    readonly mayBeFunction: boolean,
  ) {}
  get pointer(): string {
    return joinPointer(this.state.pointer, ...this.path);
  }
}

const NO_PATH: Path = [];

/** Appends the reads of one state to a list (a class, not closures: this runs for every state). */
class ReadCollector {
  constructor(
    private readonly reads: VariableRead[],
    private readonly walked: WalkedState,
  ) {}

  add(name: string, path: Path, mayBeFunction: boolean): void {
    this.reads.push(new Read(name, path, this.walked, mayBeFunction));
  }

  /**
   * A path or intrinsic call at `path` (plus `last`, appended only when a variable is found):
   * `$` followed by `.`, `[` or `$` names no variable, which settles most values without a regex.
   */
  text(value: unknown, path: Path, last?: string): void {
    if (typeof value !== 'string' || value.length < 2) return;
    if (value.charCodeAt(0) === 36) {
      const next = value.charCodeAt(1);
      if (next === 46 || next === 91 || next === 36) return;
    } else if (!value.includes('States.')) {
      return;
    }
    for (const name of jsonPathVariables(value)) this.add(name, last === undefined ? path : [...path, last], false);
  }

  template(value: unknown, path: Path, depth: number): void {
    if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      value.forEach((item: unknown, i) => this.template(item, [...path, i], depth + 1));
      return;
    }
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      if (typeof item === 'string') {
        if (key.endsWith('.$')) this.text(item, path, key);
      } else if (typeof item === 'object' && item !== null) {
        this.template(item, [...path, key], depth + 1);
      }
    }
  }

  choiceRule(rule: unknown, path: Path, depth: number): void {
    if (!isRecord(rule) || depth > MAX_DEPTH) return;
    for (const key of Object.keys(rule)) {
      const value = rule[key];
      if (key === 'Variable' || key.endsWith('Path')) this.text(value, path, key);
      else if ((key === 'And' || key === 'Or') && Array.isArray(value)) value.forEach((inner: unknown, i) => this.choiceRule(inner, [...path, key, i], depth + 1));
      else if (key === 'Not') this.choiceRule(value, [...path, key], depth + 1);
      else if (key === 'Assign') this.template(value, [...path, key], 0);
    }
  }

  /** One pass over the state's own keys: a state has a handful of fields, the tables have dozens. */
  jsonPathState(state: Readonly<Record<string, unknown>>): void {
    for (const field of Object.keys(state)) {
      const value = state[field];
      if (STATE_PATH_FIELDS.has(field)) {
        this.text(value, NO_PATH, field);
      } else if (STATE_TEMPLATE_FIELDS.has(field)) {
        this.template(value, [field], 0);
      } else if (field === 'Choices' && Array.isArray(value)) {
        value.forEach((rule: unknown, i) => this.choiceRule(rule, ['Choices', i], 0));
      } else if (field === 'Catch' && Array.isArray(value)) {
        value.forEach((catcher: unknown, i) => this.template(at(catcher, ['Assign']), ['Catch', i, 'Assign'], 0));
      } else if (isRecord(value) && Object.hasOwn(NESTED_FIELDS, field)) {
        const nested = NESTED_FIELDS[field];
        for (const keys of nested?.paths ?? []) this.text(at(value, keys), [field, ...keys]);
        for (const key of nested?.templates ?? []) this.template(value[key], [field, key], 0);
      }
    }
  }

  jsonataState(): void {
    for (const { text, path } of jsonataStringsOf(this.walked)) {
      if (!isJsonataString(text)) continue;
      for (const name of analyzeJsonataOnce(text).variables) this.add(name, path, KNOWN_FUNCTIONS.has(name));
    }
  }

  state(): void {
    if (this.walked.queryLanguage === 'JSONPath') this.jsonPathState(this.walked.state);
    else this.jsonataState();
  }
}

/** Every variable a state reads, in either query language. */
export function readsOf(walked: WalkedState): VariableRead[] {
  const reads: VariableRead[] = [];
  new ReadCollector(reads, walked).state();
  return reads;
}

const NONE: readonly never[] = [];

/** The Assign objects of a state: its own, each top-level Choice rule's and each catcher's. */
export function assignObjectsOf(walked: WalkedState): readonly { assign: Readonly<Record<string, unknown>>; pointer: string }[] {
  const { state, pointer } = walked;
  if (state['Assign'] === undefined && state['Choices'] === undefined && state['Catch'] === undefined) return NONE;
  const out: { assign: Readonly<Record<string, unknown>>; pointer: string }[] = [];
  const own = state['Assign'];
  if (isRecord(own)) out.push({ assign: own, pointer: joinPointer(pointer, 'Assign') });
  for (const list of ['Choices', 'Catch'] as const) {
    const items = state[list];
    if (!Array.isArray(items)) continue;
    items.forEach((item: unknown, i) => {
      const assign = at(item, ['Assign']);
      if (isRecord(assign)) out.push({ assign, pointer: joinPointer(pointer, list, i, 'Assign') });
    });
  }
  return out;
}

/** The variable a key of Assign names: `.$` only means "evaluate" under JSONPath. */
export function variableNameOf(key: string, walked: WalkedState): string {
  return walked.queryLanguage === 'JSONPath' && key.endsWith('.$') ? key.slice(0, -2) : key;
}

export function assignmentsOf(walked: WalkedState): VariableAssignment[] {
  const out: VariableAssignment[] = [];
  for (const { assign, pointer } of assignObjectsOf(walked)) {
    for (const key of Object.keys(assign)) out.push({ name: variableNameOf(key, walked), pointer: joinPointer(pointer, key), state: walked });
  }
  return out;
}

/** Assignments and reads of every scope of a definition, computed once per walk and shared by the rules. */
export function variablesOf(walk: DefinitionWalk): DefinitionVariables {
  return derived(walk, collectVariables);
}

function collectVariables(walk: DefinitionWalk): DefinitionVariables {
  const scopes = new Map<Scope, ScopeVariables>();
  const readNames = new Set<string>();
  for (const scope of walk.scopes) {
    const assigned = new Map<string, VariableAssignment>();
    const assignments: VariableAssignment[] = [];
    const assignmentsByName = new Map<string, VariableAssignment[]>();
    const reads: VariableRead[] = [];
    for (const walked of scope.walkedStates) {
      for (const assignment of assignmentsOf(walked)) {
        assignments.push(assignment);
        const same = assignmentsByName.get(assignment.name);
        if (same === undefined) {
          assigned.set(assignment.name, assignment);
          assignmentsByName.set(assignment.name, [assignment]);
        } else {
          same.push(assignment);
        }
      }
      const before = reads.length;
      new ReadCollector(reads, walked).state();
      for (let i = before; i < reads.length; i++) readNames.add((reads[i] as VariableRead).name);
    }
    scopes.set(scope, { assigned, assignments, assignmentsByName, reads });
  }
  return { scopes, readNames };
}
