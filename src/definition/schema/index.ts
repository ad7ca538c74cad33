/**
 * The structural check of an ASL definition: required fields, the fields allowed per state
 * type and effective query language, JSON types and enum values, the Choice rule shape.
 * Semantic checks (targets, reachability, ranges, exclusive pairs, expressions) are lint rules.
 */

import type { ValidateFunction } from 'ajv';
import type { Diagnostic } from '../diagnostic.js';
import { childPointer } from '../walk.js';
import { CHOICE_COMPARISON_OPERATORS, STATE_TYPES } from '../types.js';
import type { QueryLanguage, StateType } from '../types.js';
import { enumMessage, missingFieldMessage, translateErrors, unknownFieldMessage, type SchemaFinding } from './messages.js';
import { OBJECT_SPECS, STATE_SPECS, fieldsOf } from './spec.js';
import { suggestName } from './suggest.js';
// ajv's standalone code for the schemas of build.ts (scripts/build-schema.ts): compiling them
// at run time would cost each process ~0.3-1 s.
import * as compiled from './validators.generated.js';
import { isObject } from '../walk.js';

/** The `$id` of schemas/asl.schema.json, the whole-document schema for editors. */
export { DOCUMENT_SCHEMA_ID } from './build.js';

const ALLOWED_FIELDS: Readonly<Record<StateType, Readonly<Record<QueryLanguage, readonly string[]>>>> =
  Object.fromEntries(
    STATE_TYPES.map((type) => [
      type,
      { JSONPath: Object.freeze(fieldsOf(STATE_SPECS[type], 'JSONPath')), JSONata: Object.freeze(fieldsOf(STATE_SPECS[type], 'JSONata')) },
    ]),
  ) as Record<StateType, Record<QueryLanguage, readonly string[]>>;

/** The fields a state of this type may have under this (effective) query language (https://docs.aws.amazon.com/step-functions/latest/dg/statemachine-structure.html). */
export function allowedFields(type: StateType, ql: QueryLanguage): readonly string[] {
  return ALLOWED_FIELDS[type][ql];
}

const STATE_VALIDATORS: Readonly<Record<StateType, Readonly<Record<QueryLanguage, ValidateFunction>>>> = {
  Task: { JSONPath: compiled.Task_JSONPath, JSONata: compiled.Task_JSONata },
  Pass: { JSONPath: compiled.Pass_JSONPath, JSONata: compiled.Pass_JSONata },
  Choice: { JSONPath: compiled.Choice_JSONPath, JSONata: compiled.Choice_JSONata },
  Wait: { JSONPath: compiled.Wait_JSONPath, JSONata: compiled.Wait_JSONata },
  Succeed: { JSONPath: compiled.Succeed_JSONPath, JSONata: compiled.Succeed_JSONata },
  Fail: { JSONPath: compiled.Fail_JSONPath, JSONata: compiled.Fail_JSONata },
  Parallel: { JSONPath: compiled.Parallel_JSONPath, JSONata: compiled.Parallel_JSONata },
  Map: { JSONPath: compiled.Map_JSONPath, JSONata: compiled.Map_JSONata },
};

const hasOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

class Findings {
  readonly list: SchemaFinding[] = [];
  private readonly seen = new Set<string>();

  constructor(readonly placeholders: ReadonlySet<string>) {}

  add(pointer: string, message: string, severity: 'error' | 'warning' = 'error', at?: 'key'): void {
    const key = `${pointer}\u0000${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push({ pointer, message, severity, ...(at === undefined ? {} : { at }) });
  }

  addAll(findings: readonly SchemaFinding[]): void {
    for (const f of findings) this.add(f.pointer, f.message, f.severity, f.at);
  }
}

function check(validate: ValidateFunction, value: unknown, pointer: string, findings: Findings): void {
  if (!validate(value) && validate.errors) findings.addAll(translateErrors(validate.errors, pointer, value, findings.placeholders));
}

/**
 * `placeholders`: pointers of values replaced at deploy time (LoadedDefinition.placeholders),
 * whose JSON type and value are not known yet, so neither is checked.
 */
export function validateSchema(definition: unknown, placeholders: ReadonlySet<string> = new Set()): Diagnostic[] {
  return checkSchema(definition, placeholders).map(({ diagnostic }) => diagnostic);
}

/** validateSchema, saying of each finding whether it is about a property name ('key') or a value, for placing it. */
export function checkSchema(definition: unknown, placeholders: ReadonlySet<string> = new Set()): { diagnostic: Diagnostic; at: 'key' | 'value' }[] {
  const findings = new Findings(placeholders);
  try {
    checkDocument(definition, findings);
  } catch (error) {
    // Input so deep that ajv or the walk runs out of stack: a finding, never a throw.
    const reason = error instanceof RangeError ? 'it is nested too deeply' : String(error);
    findings.add('', `The definition could not be checked: ${reason}.`);
  }
  return findings.list.map((f) => ({
    diagnostic: { ruleId: 'schema', severity: f.severity, message: f.message, pointer: f.pointer, code: 'SCHEMA_VALIDATION_FAILED' },
    at: f.at ?? 'value',
  }));
}

function checkDocument(definition: unknown, findings: Findings): void {
  if (!isObject(definition)) {
    findings.add('', 'Definition must be a valid JSON object');
    return;
  }
  check(compiled.machine, definition, '', findings);
  const machineQL: QueryLanguage = definition['QueryLanguage'] === 'JSONata' ? 'JSONata' : 'JSONPath';
  const states = definition['States'];
  if (isObject(states)) checkStates(states, '/States', machineQL, findings);
}

function checkStates(states: Record<string, unknown>, pointer: string, machineQL: QueryLanguage, findings: Findings): void {
  for (const name of Object.keys(states)) checkState(name, states[name], childPointer(pointer, name), machineQL, findings);
}

const TYPE_SET: ReadonlySet<unknown> = new Set(STATE_TYPES);

/** Every field of any state type: a key nearer to another field is not a misspelt 'Type'. */
const STATE_FIELDS: readonly string[] = [...new Set(Object.values(STATE_SPECS).flatMap((spec) => Object.keys(spec.fields)))];

/**
 * A state whose 'Type' is spelt `type`, `TYPE` or `Tpye`: one finding at that key. When its value
 * names a state type, the rest of the state is checked as that type (as if the key were 'Type').
 */
function checkMisspeltType(
  name: string,
  state: Record<string, unknown>,
  misspelt: string,
  pointer: string,
  machineQL: QueryLanguage,
  findings: Findings,
): void {
  const value = state[misspelt];
  const at = childPointer(pointer, misspelt);
  if (!TYPE_SET.has(value)) {
    findings.add(at, unknownFieldMessage(misspelt, 'a state', ['Type']), 'error', 'key');
    findings.add(at, enumMessage('Type', STATE_TYPES, value));
    return;
  }
  findings.add(at, unknownFieldMessage(misspelt, STATE_SPECS[value as StateType].noun, ['Type']), 'error', 'key');
  const corrected = Object.fromEntries(Object.entries(state).map(([key, v]) => [key === misspelt ? 'Type' : key, v]));
  checkState(name, corrected, pointer, machineQL, findings);
}

function checkState(name: string, state: unknown, pointer: string, machineQL: QueryLanguage, findings: Findings): void {
  if (!isObject(state)) {
    findings.add(pointer, `The state '${name}' must be a JSON object.`);
    return;
  }
  const type = state['Type'];
  if (type === undefined) {
    const misspelt = Object.keys(state).find((key) => suggestName(key, STATE_FIELDS) === 'Type');
    if (misspelt === undefined) findings.add(pointer, missingFieldMessage('Type', `state '${name}'`));
    else checkMisspeltType(name, state, misspelt, pointer, machineQL, findings);
    return;
  }
  if (!TYPE_SET.has(type)) {
    findings.add(`${pointer}/Type`, enumMessage('Type', STATE_TYPES, type));
    return;
  }
  const stateType = type as StateType;
  const own = state['QueryLanguage'];
  const ql: QueryLanguage = own === 'JSONPath' || own === 'JSONata' ? own : machineQL;
  if (machineQL === 'JSONata' && own === 'JSONPath') {
    // AWS reports this at the state, not at its QueryLanguage field (its ValidateStateMachineDefinition answer).
    findings.add(pointer, "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine");
  }
  check(STATE_VALIDATORS[stateType][ql], state, pointer, findings);

  switch (stateType) {
    case 'Pass':
      if (ql === 'JSONata' && hasOwn(state, 'Result')) {
        findings.add(
          `${pointer}/Result`,
          "Field 'Result' is not documented for the 'JSONata' QueryLanguage; use 'Output' instead.",
          'warning',
        );
      }
      break;
    case 'Choice': {
      const choices = state['Choices'];
      if (ql === 'JSONPath' && Array.isArray(choices)) {
        choices.forEach((rule, i) => {
          if (isObject(rule)) checkChoiceRule(rule, `${pointer}/Choices/${i}`, false, findings);
        });
      }
      break;
    }
    case 'Parallel': {
      const branches = state['Branches'];
      if (Array.isArray(branches)) {
        branches.forEach((branch, i) => {
          if (isObject(branch) && isObject(branch['States'])) {
            checkStates(branch['States'], `${pointer}/Branches/${i}/States`, machineQL, findings);
          }
        });
      }
      break;
    }
    case 'Map':
      checkMap(state, pointer, machineQL, findings);
      break;
    default:
      break;
  }
}

const TOLERATED_FAILURE_FIELDS = [
  'ToleratedFailureCount',
  'ToleratedFailureCountPath',
  'ToleratedFailurePercentage',
  'ToleratedFailurePercentagePath',
];

function checkMap(state: Record<string, unknown>, pointer: string, machineQL: QueryLanguage, findings: Findings): void {
  let distributed = false;
  for (const key of ['ItemProcessor', 'Iterator']) {
    const processor = state[key];
    if (!isObject(processor)) continue;
    const config = processor['ProcessorConfig'];
    if (isObject(config) && config['Mode'] === 'DISTRIBUTED') distributed = true;
    if (isObject(processor['States'])) checkStates(processor['States'], `${pointer}/${key}/States`, machineQL, findings);
  }
  if (distributed) return;
  for (const field of TOLERATED_FAILURE_FIELDS) {
    if (hasOwn(state, field)) {
      findings.add(
        `${pointer}/${field}`,
        `Field '${field}' has no effect on an inline Map; it applies only when ItemProcessor.ProcessorConfig.Mode is 'DISTRIBUTED'.`,
        'warning',
      );
    }
  }
}

const OPERATORS: readonly string[] = CHOICE_COMPARISON_OPERATORS;
const LOGICAL = ['And', 'Or', 'Not'] as const;
const TOP_RULE_FIELDS = new Set(fieldsOf(OBJECT_SPECS.ChoiceRule, 'JSONPath'));
const NESTED_RULE_FIELDS = new Set(fieldsOf(OBJECT_SPECS.NestedChoiceRule, 'JSONPath'));

/** The shape of a JSONPath Choice rule (https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html): Variable and one operator, or one of And/Or/Not. */
function checkChoiceRule(rule: Record<string, unknown>, pointer: string, nested: boolean, findings: Findings): void {
  const keys = Object.keys(rule);
  const logical = LOGICAL.filter((k) => hasOwn(rule, k));
  const operators = keys.filter((k) => OPERATORS.includes(k));
  const hasVariable = hasOwn(rule, 'Variable');
  const allowed = nested ? NESTED_RULE_FIELDS : TOP_RULE_FIELDS;
  const hasUnknown = keys.some((k) => !allowed.has(k));
  const noun = nested ? 'a nested Choice rule' : 'a Choice rule';
  const [first] = logical;
  if (logical.length > 1) {
    findings.add(pointer, `A Choice rule can have only one of 'And', 'Or' and 'Not'; this one has ${logical.map((k) => `'${k}'`).join(' and ')}.`);
  } else if (first !== undefined && (hasVariable || operators.length > 0)) {
    findings.add(pointer, `A Choice rule with '${first}' cannot also have 'Variable' or a comparison operator.`);
  } else if (first === undefined) {
    if (operators.length > 1) findings.add(pointer, 'Each Choice Rule can only have one comparison operator.');
    else if (operators.length === 1 && !hasVariable) findings.add(pointer, missingFieldMessage('Variable', noun));
    else if (operators.length === 0 && !hasUnknown) {
      findings.add(
        pointer,
        hasVariable
          ? `The Choice rule has no comparison operator for its 'Variable' (StringEquals, NumericLessThan, BooleanEquals, IsPresent, ...).`
          : `A Choice rule needs 'Variable' with one comparison operator, or one of 'And', 'Or' and 'Not'.`,
      );
    }
  }
  for (const key of ['And', 'Or'] as const) {
    const list = rule[key];
    if (Array.isArray(list)) {
      list.forEach((item, i) => {
        if (isObject(item)) checkChoiceRule(item, `${pointer}/${key}/${i}`, true, findings);
      });
    }
  }
  const not = rule['Not'];
  if (isObject(not)) checkChoiceRule(not, `${pointer}/Not`, true, findings);
}
