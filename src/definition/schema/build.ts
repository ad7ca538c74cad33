import { STATE_TYPES } from '../types.js';
import type { QueryLanguage, StateType } from '../types.js';
import {
  MACHINE_SPEC,
  OBJECT_SPECS,
  STATE_SPECS,
  fieldsOf,
  type BuildContext,
  type JsonSchema,
  type ObjectName,
  type ObjectSpec,
} from './spec.js';

/**
 * Builds the JSON Schemas (draft-07, which ajv and VS Code both read) from the field table.
 * - common.schema.json: the shared objects (retrier, catcher, ItemReader, Choice rules, ...)
 *   and the shallow top-level object;
 * - states/<type>.schema.json: one partial per state type, a definition per query language;
 * - asl.schema.json: a self-contained bundle for editors that picks the partial by Type and
 *   query language and recurses into Parallel branches and Map processors.
 * validateSchema compiles the common file and the partials; the bundle is for editors.
 */

export const SCHEMA_BASE = 'https://aslkit.dev/schemas/';
export const DOCUMENT_SCHEMA_ID = `${SCHEMA_BASE}asl.schema.json`;
export const COMMON_SCHEMA_ID = `${SCHEMA_BASE}common.schema.json`;
const DRAFT = 'http://json-schema.org/draft-07/schema#';

export function stateSchemaFile(type: StateType): string {
  return `states/${type.toLowerCase()}.schema.json`;
}

export function stateSchemaId(type: StateType): string {
  return SCHEMA_BASE + stateSchemaFile(type);
}

export const MACHINE_DEFINITION = 'StateMachine';

export function objectDefinitionName(name: ObjectName, ql: QueryLanguage): string {
  return OBJECT_SPECS[name].perLanguage ? `${name}.${ql}` : name;
}

export function schemaTitle(spec: ObjectSpec, ql: QueryLanguage): string {
  return spec.perLanguage ? `${spec.title} (${ql})` : spec.title;
}

type RefTo = (definition: string) => JsonSchema;

/** Hover text for editors. */
const STATE_DESCRIPTIONS: Readonly<Record<StateType, string>> = {
  Task: 'Runs a unit of work: an AWS service integration, a Lambda function or an activity.',
  Pass: 'Passes its input to its output, optionally injecting or transforming data.',
  Choice: 'Branches on its input: the first matching rule names the next state, else Default.',
  Wait: 'Waits for a number of seconds or until a timestamp.',
  Succeed: 'Ends the execution (or a branch or iteration) successfully.',
  Fail: 'Ends the execution (or a branch or iteration) with an error and a cause.',
  Parallel: 'Runs each branch on the same input, in parallel; the result is the array of branch outputs.',
  Map: 'Runs its ItemProcessor for each item of an array (or of a dataset, when distributed).',
};

function buildObject(spec: ObjectSpec, language: QueryLanguage, refTo: RefTo, typeConst?: StateType): JsonSchema {
  // A shared object has the same fields in both languages; build it once, as JSONPath.
  const ql: QueryLanguage = spec.perLanguage ? language : 'JSONPath';
  const ctx: BuildContext = { ql, ref: (name) => refTo(objectDefinitionName(name, ql)) };
  const allowed = fieldsOf(spec, ql);
  const properties: JsonSchema = {};
  for (const name of allowed) {
    const rule = spec.fields[name]?.[ql];
    properties[name] = typeof rule === 'function' ? rule(ctx) : rule;
  }
  if (typeConst !== undefined) properties['Type'] = { const: typeConst };
  const required = (spec.required ?? []).filter((name) => allowed.includes(name));
  const anyOf = (spec.requiredAnyOf ?? []).filter((name) => allowed.includes(name));
  if (anyOf.length === 1) required.push(...anyOf);
  const schema: JsonSchema = {
    title: schemaTitle(spec, ql),
    ...(typeConst === undefined ? {} : { description: STATE_DESCRIPTIONS[typeConst] }),
    type: 'object',
    properties,
    additionalProperties: false,
  };
  if (required.length > 0) schema['required'] = required;
  if (anyOf.length > 1) schema['anyOf'] = anyOf.map((name) => ({ required: [name] }));
  if (spec.extraKeywords !== undefined) Object.assign(schema, spec.extraKeywords(ctx));
  return schema;
}

function objectDefinitions(refTo: RefTo): Record<string, JsonSchema> {
  const definitions: Record<string, JsonSchema> = {
    [MACHINE_DEFINITION]: buildObject(MACHINE_SPEC, 'JSONPath', refTo),
  };
  for (const [name, spec] of Object.entries(OBJECT_SPECS) as [ObjectName, ObjectSpec][]) {
    if (spec.perLanguage) {
      for (const ql of ['JSONPath', 'JSONata'] as const) definitions[`${name}.${ql}`] = buildObject(spec, ql, refTo);
    } else {
      definitions[name] = buildObject(spec, 'JSONPath', refTo);
    }
  }
  return definitions;
}

export function buildCommonSchema(): JsonSchema {
  return {
    $schema: DRAFT,
    $id: COMMON_SCHEMA_ID,
    title: 'Amazon States Language: shared objects',
    definitions: objectDefinitions((definition) => ({ $ref: `#/definitions/${definition}` })),
  };
}

const IS_JSONATA: JsonSchema = { properties: { QueryLanguage: { const: 'JSONata' } }, required: ['QueryLanguage'] };

export function buildStateSchema(type: StateType): JsonSchema {
  const refTo: RefTo = (definition) => ({ $ref: `../common.schema.json#/definitions/${definition}` });
  return {
    $schema: DRAFT,
    $id: stateSchemaId(type),
    title: `Amazon States Language: ${type} state`,
    description: `A ${type} state; the definition is chosen by the state's own QueryLanguage (JSONPath when absent).`,
    definitions: {
      JSONPath: buildObject(STATE_SPECS[type], 'JSONPath', refTo, type),
      JSONata: buildObject(STATE_SPECS[type], 'JSONata', refTo, type),
    },
    if: IS_JSONATA,
    then: { $ref: '#/definitions/JSONata' },
    else: { $ref: '#/definitions/JSONPath' },
  };
}

/** Nested state machines take the machine's query language, never the enclosing state's (https://docs.aws.amazon.com/step-functions/latest/dg/statemachine-structure.html). */
function withNestedStates(type: StateType, definition: string, machine: QueryLanguage): JsonSchema {
  const nested: JsonSchema = {
    properties: { States: { additionalProperties: { $ref: `#/definitions/State.${machine}Machine` } } },
  };
  const ref = { $ref: `#/definitions/${definition}` };
  if (type === 'Parallel') return { allOf: [ref, { properties: { Branches: { items: nested } } }] };
  if (type === 'Map') return { allOf: [ref, { properties: { ItemProcessor: nested, Iterator: nested } }] };
  return ref;
}

function stateInMachine(machine: QueryLanguage): JsonSchema {
  return {
    title: `State (in a ${machine} state machine)`,
    type: 'object',
    required: ['Type'],
    properties: {
      Type: { enum: [...STATE_TYPES] },
      ...(machine === 'JSONata' ? { QueryLanguage: { const: 'JSONata' } } : {}),
    },
    allOf: STATE_TYPES.map((type) => ({
      if: { properties: { Type: { const: type } }, required: ['Type'] },
      then:
        machine === 'JSONata'
          ? withNestedStates(type, `${type}.JSONata`, machine)
          : {
              if: IS_JSONATA,
              then: withNestedStates(type, `${type}.JSONata`, machine),
              else: withNestedStates(type, `${type}.JSONPath`, machine),
            },
    })),
  };
}

export function buildDocumentSchema(): JsonSchema {
  const refTo: RefTo = (definition) => ({ $ref: `#/definitions/${definition}` });
  const definitions = objectDefinitions(refTo);
  for (const type of STATE_TYPES) {
    for (const ql of ['JSONPath', 'JSONata'] as const) {
      definitions[`${type}.${ql}`] = buildObject(STATE_SPECS[type], ql, refTo, type);
    }
  }
  definitions['State.JSONPathMachine'] = stateInMachine('JSONPath');
  definitions['State.JSONataMachine'] = stateInMachine('JSONata');
  const statesOf = (machine: QueryLanguage): JsonSchema => ({
    properties: { States: { additionalProperties: { $ref: `#/definitions/State.${machine}Machine` } } },
  });
  return {
    $schema: DRAFT,
    $id: DOCUMENT_SCHEMA_ID,
    title: 'Amazon States Language state machine',
    description:
      'An AWS Step Functions state machine definition (ASL), both query languages. Generated by aslkit from its field table.',
    allOf: [{ $ref: `#/definitions/${MACHINE_DEFINITION}` }],
    if: IS_JSONATA,
    then: statesOf('JSONata'),
    else: statesOf('JSONPath'),
    definitions,
  };
}

/** Removes the editor-only Choice rule shape (`oneOf`), which validateSchema checks in code. */
function withoutEditorHelp(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutEditorHelp);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema).filter(([key]) => key !== 'oneOf').map(([key, value]) => [key, withoutEditorHelp(value)]),
  );
}

/** The schemas validateSchema compiles: common.schema.json and the partials, minus the editor help. */
export function buildValidationSchemas(): JsonSchema[] {
  return [buildCommonSchema(), ...STATE_TYPES.map(buildStateSchema)].map((schema) => withoutEditorHelp(schema) as JsonSchema);
}

/** Export name of each compiled validator -> the schema it validates against. */
export function validatorRefs(): Record<string, string> {
  const refs: Record<string, string> = { machine: `${COMMON_SCHEMA_ID}#/definitions/${MACHINE_DEFINITION}` };
  for (const type of STATE_TYPES) {
    for (const ql of ['JSONPath', 'JSONata'] as const) refs[`${type}_${ql}`] = `${stateSchemaId(type)}#/definitions/${ql}`;
  }
  return refs;
}

/** The ajv options of the compiled validators; `verbose` gives each error its object schema's title. */
export const AJV_OPTIONS = { allErrors: true, strict: false, verbose: true, inlineRefs: false } as const;

/** Every file under schemas/, by path relative to it. */
export function buildSchemaFiles(): Record<string, JsonSchema> {
  const files: Record<string, JsonSchema> = {
    'asl.schema.json': buildDocumentSchema(),
    'common.schema.json': buildCommonSchema(),
  };
  for (const type of STATE_TYPES) files[stateSchemaFile(type)] = buildStateSchema(type);
  return files;
}
