import type { ErrorObject } from 'ajv';
import { parsePointer } from '../diagnostic.js';
import type { QueryLanguage } from '../types.js';
import { MACHINE_SPEC, OBJECT_SPECS, STATE_SPECS, fieldsOf, type ObjectSpec } from './spec.js';
import { schemaTitle } from './build.js';
import { suggestName } from './suggest.js';

/** A finding before it becomes a Diagnostic: the pointer is absolute. */
export interface SchemaFinding {
  pointer: string;
  message: string;
  severity: 'error' | 'warning';
  /** 'key' when the finding is about the property name (a field that is not supported), not its value. */
  at?: 'key';
}

interface TitledSpec {
  spec: ObjectSpec;
  ql: QueryLanguage;
}

/** Object schemas carry their title; messages find the spec (and language) behind it. */
const BY_TITLE: ReadonlyMap<string, TitledSpec> = (() => {
  const map = new Map<string, TitledSpec>();
  for (const spec of [MACHINE_SPEC, ...Object.values(STATE_SPECS), ...Object.values(OBJECT_SPECS)]) {
    for (const ql of spec.perLanguage ? (['JSONPath', 'JSONata'] as const) : (['JSONPath'] as const)) {
      map.set(schemaTitle(spec, ql), { spec, ql });
    }
  }
  return map;
})();

const OTHER: Record<QueryLanguage, QueryLanguage> = { JSONPath: 'JSONata', JSONata: 'JSONPath' };

export function queryLanguageMessage(ql: QueryLanguage, field: string): string {
  return `The QueryLanguage is set to '${ql}', but field '${field}' is only supported for the '${OTHER[ql]}' QueryLanguage`;
}

/** Every field name ASL knows; a known name in the wrong place gets no "did you mean". */
const KNOWN_FIELDS: ReadonlySet<string> = new Set(
  [MACHINE_SPEC, ...Object.values(STATE_SPECS), ...Object.values(OBJECT_SPECS)].flatMap((spec) => Object.keys(spec.fields)),
);

export function unknownFieldMessage(field: string, noun: string, allowed: readonly string[]): string {
  const suggestion = KNOWN_FIELDS.has(field) ? undefined : suggestName(field, allowed);
  return `Field '${field}' is not supported in ${noun}.${suggestion === undefined ? '' : ` Did you mean '${suggestion}'?`}`;
}

export function enumMessage(field: string, values: readonly unknown[], actual?: unknown): string {
  const base = `The field '${field}' should have one of these values: [${values.map(String).join(', ')}]`;
  if (typeof actual !== 'string') return base;
  const suggestion = suggestName(actual, values.filter((v): v is string => typeof v === 'string'));
  return suggestion === undefined ? base : `${base}. Did you mean '${suggestion}'?`;
}

export function missingFieldMessage(field: string, noun: string): string {
  return `Missing required field '${field}' in ${noun}.`;
}

const TYPE_WORDS: Record<string, string> = {
  integer: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'a boolean (true or false)',
  object: 'a JSON object',
  array: 'an array',
  null: 'null',
};

function typePhrase(types: unknown): string {
  const list = Array.isArray(types) ? types : [types];
  return list.map((t) => TYPE_WORDS[String(t)] ?? String(t)).join(' or ');
}

/** "Field 'X'" for a field, "Each entry of 'X'" for an array element. */
function subject(pointer: string): string {
  const tokens = parsePointer(pointer);
  const last = tokens[tokens.length - 1];
  if (last === undefined) return 'The value';
  if (/^\d+$/.test(last)) {
    const parent = tokens[tokens.length - 2];
    return parent === undefined ? 'Each entry' : `Each entry of '${parent}'`;
  }
  return `Field '${last}'`;
}

function fieldName(pointer: string): string {
  const tokens = parsePointer(pointer);
  return tokens[tokens.length - 1] ?? '';
}

function titledSpec(error: ErrorObject): TitledSpec | undefined {
  const title = (error.parentSchema as { title?: unknown } | undefined)?.title;
  return typeof title === 'string' ? BY_TITLE.get(title) : undefined;
}

function articleNoun(found: TitledSpec | undefined): string {
  return found?.spec.noun ?? 'this object';
}

/** The top level names its missing fields the way AWS does: `These fields are required: [States, StartAt]`. */
const ROOT_REQUIRED_ORDER = ['States', 'StartAt'];

/**
 * Turns ajv's errors for one validated object into plain-words findings. `base` is the
 * pointer of the validated object. The Choice rule shape (`oneOf`) is editor help only:
 * validateSchema checks it in code with its own messages.
 */
export function translateErrors(
  errors: readonly ErrorObject[],
  base: string,
  value: unknown,
  placeholders: ReadonlySet<string> = new Set(),
): SchemaFinding[] {
  const findings: SchemaFinding[] = [];
  const rootMissing: string[] = [];
  const add = (pointer: string, message: string, at?: 'key'): void => {
    findings.push({ pointer, message, severity: 'error', ...(at === undefined ? {} : { at }) });
  };
  for (const error of errors) {
    if (error.schemaPath.includes('/oneOf') || error.keyword === 'oneOf') continue;
    if (error.schemaPath.includes('/anyOf/') || error.keyword === 'if') continue;
    const at = base + error.instancePath;
    // A value substituted at deploy time may have any type and value once substituted.
    if ((error.keyword === 'type' || error.keyword === 'enum' || error.keyword === 'const') && placeholders.has(at)) continue;
    switch (error.keyword) {
      case 'additionalProperties': {
        const field = String((error.params as { additionalProperty?: unknown }).additionalProperty);
        const found = titledSpec(error);
        const pointer = `${at}/${field.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        if (found !== undefined && found.spec.perLanguage) {
          const other = OTHER[found.ql];
          if (fieldsOf(found.spec, other).includes(field)) {
            add(pointer, queryLanguageMessage(found.ql, field));
            break;
          }
        }
        add(pointer, unknownFieldMessage(field, articleNoun(found), found ? fieldsOf(found.spec, found.ql) : []), 'key');
        break;
      }
      case 'required': {
        const field = String((error.params as { missingProperty?: unknown }).missingProperty);
        const found = titledSpec(error);
        if (found?.spec === MACHINE_SPEC) rootMissing.push(field);
        else if (found?.spec === OBJECT_SPECS.Credentials) add(at, `The field '${field}' is required but was missing`);
        else add(at, missingFieldMessage(field, articleNoun(found)));
        break;
      }
      case 'anyOf': {
        const found = titledSpec(error);
        const options = found?.spec.requiredAnyOf?.filter((f) => fieldsOf(found.spec, found.ql).includes(f)) ?? [];
        const [first, ...rest] = options;
        if (first === undefined) add(at, `${subject(at)} is not valid.`);
        else if (found?.spec === OBJECT_SPECS.Credentials) add(at, `The field '${first}' is required but was missing`);
        else add(at, `Missing required field '${first}'${rest.map((f) => ` (or '${f}')`).join('')} in ${articleNoun(found)}.`);
        break;
      }
      case 'type':
        add(at, `${subject(at)} must be ${typePhrase((error.params as { type?: unknown }).type)}.`);
        break;
      case 'enum':
        add(at, enumMessage(fieldName(at), (error.params as { allowedValues?: unknown[] }).allowedValues ?? [], valueAt(value, error.instancePath)));
        break;
      case 'const':
        add(at, enumMessage(fieldName(at), [(error.params as { allowedValue?: unknown }).allowedValue]));
        break;
      case 'minItems':
        // AWS's words (SCHEMA_VALIDATION_FAILED "Value cannot be empty at /States/S/Branches"); the pointer says which field.
        add(at, 'Value cannot be empty');
        break;
      case 'minProperties':
        add(at, `Field '${fieldName(at)}' must contain at least one state.`);
        break;
      default:
        add(at, `${subject(at)} is not valid.`);
    }
  }
  if (rootMissing.length > 0) {
    rootMissing.sort((a, b) => ROOT_REQUIRED_ORDER.indexOf(a) - ROOT_REQUIRED_ORDER.indexOf(b));
    findings.unshift({ pointer: base, message: `These fields are required: [${rootMissing.join(', ')}]`, severity: 'error' });
  }
  return findings;
}

function valueAt(root: unknown, instancePath: string): unknown {
  let current: unknown = root;
  for (const token of parsePointer(instancePath)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[token];
  }
  return current;
}
