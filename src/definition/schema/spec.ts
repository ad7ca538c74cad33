import { CHOICE_COMPARISON_OPERATORS } from '../types.js';
import type { QueryLanguage, StateType } from '../types.js';

/**
 * The field sets of ASL as data (the state pages of https://docs.aws.amazon.com/step-functions/latest/dg/concepts-amazon-states-language.html): which field is
 * allowed in which object under which query language, and the JSON type of its value.
 * The JSON Schemas in schemas/ are generated from this table (scripts/build-schema.ts),
 * and the messages of validateSchema read it to name fields and suggest spellings.
 */

export type JsonSchema = { [keyword: string]: unknown };

export const QUERY_LANGUAGES: readonly QueryLanguage[] = ['JSONPath', 'JSONata'];

/** Names of the object kinds that are referenced by other objects (schema definitions). */
export type ObjectName =
  | 'Retrier'
  | 'Catcher'
  | 'Credentials'
  | 'Branch'
  | 'ItemProcessor'
  | 'Iterator'
  | 'ProcessorConfig'
  | 'ItemReader'
  | 'ReaderConfig'
  | 'ItemBatcher'
  | 'ResultWriter'
  | 'WriterConfig'
  | 'ChoiceRule'
  | 'NestedChoiceRule';

export interface BuildContext {
  ql: QueryLanguage;
  ref(name: ObjectName): JsonSchema;
}

type FieldSchema = JsonSchema | ((ctx: BuildContext) => JsonSchema);

/** The value schema of a field per query language; a missing language means "not allowed there". */
export interface FieldRule {
  JSONPath?: FieldSchema;
  JSONata?: FieldSchema;
}

export interface ObjectSpec {
  /** Schema title; with `perLanguage` the query language is appended: "Pass state (JSONata)". */
  title: string;
  /** How messages name the object: "a Pass state", "a retrier". */
  noun: string;
  /** Shared objects have one schema for both languages; the others one per language. */
  perLanguage: boolean;
  fields: Readonly<Record<string, FieldRule>>;
  /** Required where allowed in the language. */
  required?: readonly string[];
  /** At least one of these is required (those allowed in the language). */
  requiredAnyOf?: readonly string[];
  /**
   * Extra keywords. `oneOf` only helps editors (validateSchema checks the Choice rule shape in
   * code, with its own messages); a `then` must carry the object's title for the messages.
   */
  extraKeywords?: (ctx: BuildContext) => JsonSchema;
}

const STRING: JsonSchema = { type: 'string' };
const INTEGER: JsonSchema = { type: 'integer' };
const NUMBER: JsonSchema = { type: 'number' };
const BOOLEAN: JsonSchema = { type: 'boolean' };
const OBJECT: JsonSchema = { type: 'object' };
const ANY: JsonSchema = {};
const PATH_OR_NULL: JsonSchema = { type: ['string', 'null'] };
/** JSONata lets these literals be `{% %}` expressions as well. */
const INTEGER_OR_EXPRESSION: JsonSchema = { type: ['integer', 'string'] };
const NUMBER_OR_EXPRESSION: JsonSchema = { type: ['number', 'string'] };
const TEMPLATE_OR_EXPRESSION: JsonSchema = { type: ['object', 'string'] };
const STRING_ARRAY: JsonSchema = { type: 'array', items: STRING };
const NON_EMPTY_STRING_ARRAY: JsonSchema = { type: 'array', minItems: 1, items: STRING };

const both = (schema: FieldSchema): FieldRule => ({ JSONPath: schema, JSONata: schema });
const jsonPathOnly = (schema: FieldSchema): FieldRule => ({ JSONPath: schema });
const jsonataOnly = (schema: FieldSchema): FieldRule => ({ JSONata: schema });
const split = (jsonPath: FieldSchema, jsonata: FieldSchema): FieldRule => ({ JSONPath: jsonPath, JSONata: jsonata });
const enumOf = (...values: string[]): FieldRule => both({ enum: values });
const ref = (name: ObjectName): FieldRule => both((ctx) => ctx.ref(name));
const arrayOf = (name: ObjectName, minItems?: number): FieldRule =>
  both((ctx) => ({ type: 'array', ...(minItems === undefined ? {} : { minItems }), items: ctx.ref(name) }));

const COMMON: Record<string, FieldRule> = {
  Type: both(ANY), // replaced by a const per state type
  Comment: both(STRING),
  QueryLanguage: enumOf('JSONPath', 'JSONata'),
};
const TRANSITION: Record<string, FieldRule> = { Next: both(STRING), End: both(BOOLEAN) };
const IO: Record<string, FieldRule> = { InputPath: jsonPathOnly(PATH_OR_NULL), OutputPath: jsonPathOnly(PATH_OR_NULL) };
const OUTPUT: Record<string, FieldRule> = { Output: jsonataOnly(ANY) };
const ASSIGN: Record<string, FieldRule> = { Assign: both(OBJECT) };
/** A payload template; AWS (and its Toolkit) also accept a plain JSON value of any type. */
const PARAMETERS: Record<string, FieldRule> = { Parameters: jsonPathOnly(ANY) };
const RESULT: Record<string, FieldRule> = {
  ResultSelector: jsonPathOnly(OBJECT),
  ResultPath: jsonPathOnly(PATH_OR_NULL),
};
const ERROR_HANDLING: Record<string, FieldRule> = { Retry: arrayOf('Retrier'), Catch: arrayOf('Catcher') };

const stateSpec = (type: StateType, fields: Record<string, FieldRule>, extra: Partial<ObjectSpec> = {}): ObjectSpec => ({
  title: `${type} state`,
  noun: `a ${type} state`,
  perLanguage: true,
  fields: { ...COMMON, ...fields },
  ...extra,
  required: ['Type', ...(extra.required ?? [])],
});

export const STATE_SPECS: Readonly<Record<StateType, ObjectSpec>> = {
  Task: stateSpec(
    'Task',
    {
      ...TRANSITION,
      ...IO,
      Resource: both(STRING),
      ...PARAMETERS,
      Arguments: jsonataOnly(TEMPLATE_OR_EXPRESSION),
      ...RESULT,
      ...OUTPUT,
      ...ASSIGN,
      Credentials: ref('Credentials'),
      TimeoutSeconds: split(INTEGER, INTEGER_OR_EXPRESSION),
      TimeoutSecondsPath: jsonPathOnly(STRING),
      HeartbeatSeconds: split(INTEGER, INTEGER_OR_EXPRESSION),
      HeartbeatSecondsPath: jsonPathOnly(STRING),
      ...ERROR_HANDLING,
    },
    { required: ['Resource'] },
  ),
  Pass: stateSpec('Pass', {
    ...TRANSITION,
    ...IO,
    ...PARAMETERS,
    // Under JSONata AWS's docs point to Output; validateSchema warns (https://docs.aws.amazon.com/step-functions/latest/dg/state-pass.html).
    Result: both(ANY),
    ResultPath: jsonPathOnly(PATH_OR_NULL),
    ...OUTPUT,
    ...ASSIGN,
  }),
  Choice: stateSpec(
    'Choice',
    { ...IO, Choices: arrayOf('ChoiceRule', 1), Default: both(STRING), ...OUTPUT, ...ASSIGN },
    { required: ['Choices'] },
  ),
  Wait: stateSpec('Wait', {
    ...TRANSITION,
    ...IO,
    Seconds: split(INTEGER, INTEGER_OR_EXPRESSION),
    SecondsPath: jsonPathOnly(STRING),
    Timestamp: both(STRING),
    TimestampPath: jsonPathOnly(STRING),
    ...OUTPUT,
    ...ASSIGN,
  }),
  Succeed: stateSpec('Succeed', { ...IO, ...OUTPUT }),
  Fail: stateSpec('Fail', {
    Error: both(STRING),
    ErrorPath: jsonPathOnly(STRING),
    Cause: both(STRING),
    CausePath: jsonPathOnly(STRING),
  }),
  Parallel: stateSpec(
    'Parallel',
    {
      ...TRANSITION,
      ...IO,
      Branches: arrayOf('Branch', 1),
      ...PARAMETERS,
      Arguments: jsonataOnly(TEMPLATE_OR_EXPRESSION),
      ...RESULT,
      ...OUTPUT,
      ...ASSIGN,
      ...ERROR_HANDLING,
    },
    { required: ['Branches'] },
  ),
  Map: stateSpec(
    'Map',
    {
      ...TRANSITION,
      ...IO,
      ItemProcessor: ref('ItemProcessor'),
      Iterator: ref('Iterator'),
      ItemsPath: jsonPathOnly(STRING),
      Items: jsonataOnly({ type: ['array', 'object', 'string'] }),
      ItemSelector: split(OBJECT, TEMPLATE_OR_EXPRESSION),
      ...PARAMETERS,
      ItemReader: ref('ItemReader'),
      ItemBatcher: ref('ItemBatcher'),
      ResultWriter: ref('ResultWriter'),
      Label: both(STRING),
      MaxConcurrency: split(INTEGER, INTEGER_OR_EXPRESSION),
      MaxConcurrencyPath: jsonPathOnly(STRING),
      ToleratedFailureCount: split(INTEGER, INTEGER_OR_EXPRESSION),
      ToleratedFailureCountPath: jsonPathOnly(STRING),
      ToleratedFailurePercentage: split(NUMBER, NUMBER_OR_EXPRESSION),
      ToleratedFailurePercentagePath: jsonPathOnly(STRING),
      ...RESULT,
      ...OUTPUT,
      ...ASSIGN,
      ...ERROR_HANDLING,
    },
    { requiredAnyOf: ['ItemProcessor', 'Iterator'] },
  ),
};

export const MACHINE_SPEC: ObjectSpec = {
  title: 'State machine',
  noun: 'the state machine',
  perLanguage: false,
  fields: {
    Comment: both(STRING),
    StartAt: both(STRING),
    States: both({ type: 'object', minProperties: 1 }),
    Version: enumOf('1.0'),
    TimeoutSeconds: both(INTEGER),
    QueryLanguage: enumOf('JSONPath', 'JSONata'),
  },
  required: ['StartAt', 'States'],
};

const subMachine = (title: string, noun: string, extra: Record<string, FieldRule> = {}): ObjectSpec => ({
  title,
  noun,
  perLanguage: false,
  fields: { Comment: both(STRING), StartAt: both(STRING), States: both({ type: 'object', minProperties: 1 }), ...extra },
  required: ['StartAt', 'States'],
});

/** The type of the literal of each JSONPath comparison operator (https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html). */
export function operatorValueSchema(operator: string): JsonSchema {
  if (operator.endsWith('Path')) return STRING;
  if (operator.startsWith('Numeric')) return NUMBER;
  if (operator.startsWith('Is') || operator === 'BooleanEquals') return BOOLEAN;
  return STRING;
}

const OPERATOR_FIELDS: Record<string, FieldRule> = Object.fromEntries(
  CHOICE_COMPARISON_OPERATORS.map((op) => [op, jsonPathOnly(operatorValueSchema(op))]),
);

const CHOICE_TEST_FIELDS: Record<string, FieldRule> = {
  Variable: jsonPathOnly(STRING),
  ...OPERATOR_FIELDS,
  And: jsonPathOnly((ctx) => ({ type: 'array', minItems: 1, items: ctx.ref('NestedChoiceRule') })),
  Or: jsonPathOnly((ctx) => ({ type: 'array', minItems: 1, items: ctx.ref('NestedChoiceRule') })),
  Not: jsonPathOnly((ctx) => ctx.ref('NestedChoiceRule')),
  Comment: both(STRING),
};

/** Exactly one of: Variable + one operator, And, Or, Not. Checked in code for precise messages. */
const choiceRuleShape = (): JsonSchema => ({
  oneOf: [
    { required: ['Variable'], oneOf: CHOICE_COMPARISON_OPERATORS.map((op) => ({ required: [op] })) },
    { required: ['And'] },
    { required: ['Or'] },
    { required: ['Not'] },
  ],
});

export const OBJECT_SPECS: Readonly<Record<ObjectName, ObjectSpec>> = {
  Retrier: {
    title: 'Retrier',
    noun: 'a retrier',
    perLanguage: false,
    fields: {
      ErrorEquals: both(NON_EMPTY_STRING_ARRAY),
      IntervalSeconds: both(INTEGER),
      MaxAttempts: both(INTEGER),
      BackoffRate: both(NUMBER),
      MaxDelaySeconds: both(INTEGER),
      JitterStrategy: enumOf('FULL', 'NONE'),
      Comment: both(STRING),
    },
    required: ['ErrorEquals'],
  },
  Catcher: {
    title: 'Catcher',
    noun: 'a catcher',
    perLanguage: true,
    fields: {
      ErrorEquals: both(NON_EMPTY_STRING_ARRAY),
      Next: both(STRING),
      ResultPath: jsonPathOnly(PATH_OR_NULL),
      Output: jsonataOnly(ANY),
      Assign: both(OBJECT),
      Comment: both(STRING),
    },
    required: ['ErrorEquals', 'Next'],
  },
  Credentials: {
    title: 'Credentials',
    noun: 'Credentials',
    perLanguage: true,
    fields: { RoleArn: both(STRING), 'RoleArn.$': jsonPathOnly(STRING) },
    requiredAnyOf: ['RoleArn', 'RoleArn.$'],
  },
  Branch: subMachine('Parallel branch', 'a Parallel branch'),
  ItemProcessor: subMachine('ItemProcessor', 'ItemProcessor', { ProcessorConfig: ref('ProcessorConfig') }),
  Iterator: subMachine('Iterator', 'Iterator', { ProcessorConfig: ref('ProcessorConfig') }),
  ProcessorConfig: {
    title: 'ProcessorConfig',
    noun: 'ProcessorConfig',
    perLanguage: false,
    fields: { Mode: enumOf('INLINE', 'DISTRIBUTED'), ExecutionType: enumOf('STANDARD', 'EXPRESS') },
    // A distributed Map runs child executions, whose type must be named (https://docs.aws.amazon.com/step-functions/latest/dg/state-map-distributed.html).
    extraKeywords: () => ({
      if: { properties: { Mode: { const: 'DISTRIBUTED' } }, required: ['Mode'] },
      then: { title: 'ProcessorConfig', required: ['ExecutionType'] },
    }),
  },
  ItemReader: {
    title: 'ItemReader',
    noun: 'ItemReader',
    perLanguage: true,
    fields: {
      Resource: both(STRING),
      Parameters: jsonPathOnly(OBJECT),
      Arguments: jsonataOnly(TEMPLATE_OR_EXPRESSION),
      ReaderConfig: ref('ReaderConfig'),
    },
    required: ['Resource'],
  },
  ReaderConfig: {
    title: 'ReaderConfig',
    noun: 'ReaderConfig',
    perLanguage: true,
    fields: {
      InputType: enumOf('CSV', 'JSON', 'JSONL', 'PARQUET', 'MANIFEST'),
      Transformation: enumOf('NONE', 'LOAD_AND_FLATTEN'),
      ManifestType: enumOf('ATHENA_DATA', 'S3_INVENTORY'),
      CSVDelimiter: enumOf('COMMA', 'PIPE', 'SEMICOLON', 'SPACE', 'TAB'),
      CSVHeaderLocation: enumOf('FIRST_ROW', 'GIVEN'),
      CSVHeaders: both(STRING_ARRAY),
      ItemsPointer: both(STRING),
      MaxItems: split(INTEGER, INTEGER_OR_EXPRESSION),
      MaxItemsPath: jsonPathOnly(STRING),
    },
  },
  ItemBatcher: {
    title: 'ItemBatcher',
    noun: 'ItemBatcher',
    perLanguage: true,
    fields: {
      MaxItemsPerBatch: split(INTEGER, INTEGER_OR_EXPRESSION),
      MaxItemsPerBatchPath: jsonPathOnly(STRING),
      MaxInputBytesPerBatch: split(INTEGER, INTEGER_OR_EXPRESSION),
      MaxInputBytesPerBatchPath: jsonPathOnly(STRING),
      BatchInput: split(OBJECT, TEMPLATE_OR_EXPRESSION),
    },
    // A batcher without a size limit is rejected (https://docs.aws.amazon.com/step-functions/latest/dg/state-map-distributed.html).
    requiredAnyOf: ['MaxItemsPerBatch', 'MaxItemsPerBatchPath', 'MaxInputBytesPerBatch', 'MaxInputBytesPerBatchPath'],
  },
  ResultWriter: {
    title: 'ResultWriter',
    noun: 'ResultWriter',
    perLanguage: true,
    fields: {
      Resource: both(STRING),
      Parameters: jsonPathOnly(OBJECT),
      Arguments: jsonataOnly(TEMPLATE_OR_EXPRESSION),
      WriterConfig: ref('WriterConfig'),
    },
    // Not empty: Resource with Parameters (Arguments) to export to S3, or WriterConfig, or all (https://docs.aws.amazon.com/step-functions/latest/dg/state-map-distributed.html).
    requiredAnyOf: ['Resource', 'WriterConfig'],
    extraKeywords: (ctx) => ({
      if: { required: ['Resource'] },
      then: { title: `ResultWriter (${ctx.ql})`, required: [ctx.ql === 'JSONata' ? 'Arguments' : 'Parameters'] },
    }),
  },
  WriterConfig: {
    title: 'WriterConfig',
    noun: 'WriterConfig',
    perLanguage: false,
    fields: { OutputType: enumOf('JSON', 'JSONL'), Transformation: enumOf('NONE', 'COMPACT', 'FLATTEN') },
    required: ['OutputType'],
  },
  ChoiceRule: {
    title: 'Choice rule',
    noun: 'a Choice rule',
    perLanguage: true,
    fields: {
      ...CHOICE_TEST_FIELDS,
      Condition: jsonataOnly({ type: ['string', 'boolean'] }),
      Next: both(STRING),
      Assign: both(OBJECT),
      Output: jsonataOnly(ANY),
    },
    required: ['Next', 'Condition'],
    extraKeywords: (ctx) => (ctx.ql === 'JSONPath' ? choiceRuleShape() : {}),
  },
  NestedChoiceRule: {
    title: 'Nested Choice rule',
    noun: 'a nested Choice rule (inside And, Or or Not)',
    perLanguage: false,
    fields: CHOICE_TEST_FIELDS,
    extraKeywords: choiceRuleShape,
  },
};

/** Fields a spec allows under a query language, in table order. */
export function fieldsOf(spec: ObjectSpec, ql: QueryLanguage): string[] {
  return Object.keys(spec.fields).filter((name) => spec.fields[name]?.[ql] !== undefined);
}
