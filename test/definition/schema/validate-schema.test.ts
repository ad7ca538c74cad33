import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedFields, validateSchema } from '../../../src/definition/schema/index.js';
import { STATE_TYPES, type QueryLanguage, type StateType } from '../../../src/definition/types.js';
import { baseState, machine } from './helpers.js';

type Finding = { pointer: string; message: string; severity?: 'warning' };

/** Findings in a compact form; severity only shown for warnings. */
function check(definition: unknown): Finding[] {
  return validateSchema(definition).map((d) => ({
    pointer: d.pointer,
    message: d.message,
    ...(d.severity === 'warning' ? { severity: 'warning' as const } : {}),
  }));
}

const QL_MESSAGE = (ql: QueryLanguage, field: string): string =>
  `The QueryLanguage is set to '${ql}', but field '${field}' is only supported for the '${ql === 'JSONPath' ? 'JSONata' : 'JSONPath'}' QueryLanguage`;

describe('validateSchema: minimal valid states', () => {
  const cases = STATE_TYPES.flatMap((type) => (['JSONPath', 'JSONata'] as const).map((ql) => [type, ql] as const));
  it.each(cases)('%s under %s has no findings', (type, ql) => {
    expect(check(machine(baseState(type, ql), ql))).toEqual([]);
  });

  it('accepts a state that opts into JSONata under a JSONPath machine', () => {
    expect(check(machine({ ...baseState('Pass', 'JSONata'), QueryLanguage: 'JSONata', Output: '{% 1 %}' }))).toEqual([]);
  });

  it('every finding is a schema error with AWS code and no line/column', () => {
    const [diagnostic] = validateSchema(machine({ Type: 'Pass', End: 1 }));
    expect(diagnostic).toEqual({
      ruleId: 'schema',
      severity: 'error',
      code: 'SCHEMA_VALIDATION_FAILED',
      pointer: '/States/S/End',
      message: "Field 'End' must be a boolean (true or false).",
    });
  });
});

// ASL-NOTES §1.4: [state type, field, a valid value, the only language that allows it].
const MATRIX: [StateType, string, unknown, QueryLanguage][] = [
  ...(['Pass', 'Task', 'Choice', 'Wait', 'Succeed', 'Parallel', 'Map'] as const).flatMap(
    (type): [StateType, string, unknown, QueryLanguage][] => [
      [type, 'InputPath', '$.a', 'JSONPath'],
      [type, 'OutputPath', '$.a', 'JSONPath'],
      [type, 'Output', { a: 1 }, 'JSONata'],
    ],
  ),
  ...(['Pass', 'Task', 'Parallel', 'Map'] as const).flatMap((type): [StateType, string, unknown, QueryLanguage][] => [
    [type, 'Parameters', { a: 1 }, 'JSONPath'],
    [type, 'ResultPath', '$.r', 'JSONPath'],
  ]),
  ...(['Task', 'Parallel', 'Map'] as const).map((type): [StateType, string, unknown, QueryLanguage] => [type, 'ResultSelector', { a: 1 }, 'JSONPath']),
  ['Task', 'Arguments', { a: 1 }, 'JSONata'],
  ['Parallel', 'Arguments', { a: 1 }, 'JSONata'],
  ['Task', 'TimeoutSecondsPath', '$.t', 'JSONPath'],
  ['Task', 'HeartbeatSecondsPath', '$.h', 'JSONPath'],
  ['Wait', 'SecondsPath', '$.s', 'JSONPath'],
  ['Wait', 'TimestampPath', '$.t', 'JSONPath'],
  ['Fail', 'ErrorPath', '$.e', 'JSONPath'],
  ['Fail', 'CausePath', '$.c', 'JSONPath'],
  ['Map', 'ItemsPath', '$.items', 'JSONPath'],
  ['Map', 'Items', [1, 2], 'JSONata'],
  ['Map', 'MaxConcurrencyPath', '$.m', 'JSONPath'],
  ['Map', 'ToleratedFailureCountPath', '$.c', 'JSONPath'],
  ['Map', 'ToleratedFailurePercentagePath', '$.p', 'JSONPath'],
];

describe('validateSchema: the field matrix per query language (ASL-NOTES §1.4)', () => {
  it.each(MATRIX)('%s.%s = %j is accepted only under %s', (type, field, value, allowedIn) => {
    const rejectedIn: QueryLanguage = allowedIn === 'JSONPath' ? 'JSONata' : 'JSONPath';
    const errors = (definition: unknown): Finding[] => check(definition).filter((f) => f.severity === undefined);
    expect(errors(machine({ ...baseState(type, allowedIn), [field]: value }, allowedIn))).toEqual([]);
    expect(errors(machine({ ...baseState(type, rejectedIn), [field]: value }, rejectedIn))).toEqual([
      { pointer: `/States/S/${field}`, message: QL_MESSAGE(rejectedIn, field) },
    ]);
    expect(allowedFields(type, allowedIn)).toContain(field);
    expect(allowedFields(type, rejectedIn)).not.toContain(field);
  });

  it.each([
    ['Fail', 'InputPath', '$'],
    ['Fail', 'OutputPath', '$'],
    ['Succeed', 'Assign', { a: 1 }],
    ['Fail', 'Assign', { a: 1 }],
    ['Pass', 'Retry', []],
    ['Wait', 'Catch', []],
    ['Choice', 'Retry', []],
    ['Pass', 'TimeoutSeconds', 5],
    ['Choice', 'Next', 'S'],
    ['Choice', 'End', true],
    ['Succeed', 'Next', 'S'],
    ['Fail', 'End', true],
    ['Pass', 'Resource', 'arn:aws:states:::lambda:invoke'],
  ] as [StateType, string, unknown][])('%s rejects %s under JSONPath', (type, field, value) => {
    expect(check(machine({ ...baseState(type, 'JSONPath'), [field]: value }))).toEqual([
      { pointer: `/States/S/${field}`, message: `Field '${field}' is not supported in a ${type} state.` },
    ]);
  });

  it('Fail has no Output in either language', () => {
    expect(check(machine({ Type: 'Fail', Output: 1 }, 'JSONata'))).toEqual([
      { pointer: '/States/S/Output', message: "Field 'Output' is not supported in a Fail state." },
    ]);
  });

  it('applies the matrix to catchers, Choice rules and ItemBatcher', () => {
    const task = (ql: QueryLanguage, catcher: object): unknown =>
      machine({ ...baseState('Task', ql), Catch: [{ ErrorEquals: ['States.ALL'], Next: 'S', ...catcher }] }, ql);
    expect(check(task('JSONata', { ResultPath: '$.e' }))).toEqual([
      { pointer: '/States/S/Catch/0/ResultPath', message: QL_MESSAGE('JSONata', 'ResultPath') },
    ]);
    expect(check(task('JSONPath', { Output: 1 }))).toEqual([
      { pointer: '/States/S/Catch/0/Output', message: QL_MESSAGE('JSONPath', 'Output') },
    ]);
    expect(check(task('JSONata', { Output: '{% $states.errorOutput %}', Assign: { e: 1 } }))).toEqual([]);
    expect(check(machine({ Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true, Next: 'S' }] }, 'JSONata'))).toEqual([
      { pointer: '/States/S/Choices/0', message: "Missing required field 'Condition' in a Choice rule." },
      { pointer: '/States/S/Choices/0/Variable', message: QL_MESSAGE('JSONata', 'Variable') },
      { pointer: '/States/S/Choices/0/IsPresent', message: QL_MESSAGE('JSONata', 'IsPresent') },
    ]);
    expect(check(machine({ ...baseState('Map', 'JSONata'), ItemBatcher: { MaxItemsPerBatchPath: '$.n' } }, 'JSONata'))).toEqual([
      // Under JSONata the Path twin does not count as the batcher's size limit.
      { pointer: '/States/S/ItemBatcher', message: "Missing required field 'MaxItemsPerBatch' (or 'MaxInputBytesPerBatch') in ItemBatcher." },
      { pointer: '/States/S/ItemBatcher/MaxItemsPerBatchPath', message: QL_MESSAGE('JSONata', 'MaxItemsPerBatchPath') },
    ]);
  });
});

describe('validateSchema: QueryLanguage rules (ASL-NOTES §1.2)', () => {
  it('rejects a JSONPath state in a JSONata machine, at any depth', () => {
    const inner = { Type: 'Pass', QueryLanguage: 'JSONPath', End: true };
    const map = { Type: 'Map', ItemProcessor: { StartAt: 'I', States: { I: inner } }, End: true };
    expect(check(machine(map, 'JSONata'))).toEqual([
      {
        pointer: '/States/S/ItemProcessor/States/I',
        message: "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine",
      },
    ]);
  });

  it('a Map marked JSONata does not switch its inner states to JSONata', () => {
    const map = {
      Type: 'Map',
      QueryLanguage: 'JSONata',
      ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', Output: 1, End: true } } },
      End: true,
    };
    expect(check(machine(map))).toEqual([
      { pointer: '/States/S/ItemProcessor/States/I/Output', message: QL_MESSAGE('JSONPath', 'Output') },
    ]);
  });

  it.each([
    ['ItemProcessor', 'ItemProcessor'],
    ['Iterator', 'Iterator'],
  ])('rejects QueryLanguage in %s', (key, noun) => {
    const map = { Type: 'Map', [key]: { QueryLanguage: 'JSONata', StartAt: 'B', States: { B: { Type: 'Succeed' } } }, End: true };
    expect(check(machine(map))).toEqual([
      { pointer: `/States/S/${key}/QueryLanguage`, message: `Field 'QueryLanguage' is not supported in ${noun}.` },
    ]);
  });

  it('rejects QueryLanguage in a Parallel branch (ASL-NOTES §10 #21)', () => {
    const parallel = { Type: 'Parallel', Branches: [{ QueryLanguage: 'JSONata', StartAt: 'B', States: { B: { Type: 'Succeed' } } }], End: true };
    expect(check(machine(parallel))).toEqual([
      { pointer: '/States/S/Branches/0/QueryLanguage', message: "Field 'QueryLanguage' is not supported in a Parallel branch." },
    ]);
  });

  it('rejects an unknown QueryLanguage and validates the state with the machine language', () => {
    expect(check(machine({ Type: 'Pass', QueryLanguage: 'jsonata', Output: 1, End: true }))).toEqual([
      { pointer: '/States/S/Output', message: QL_MESSAGE('JSONPath', 'Output') },
      { pointer: '/States/S/QueryLanguage', message: "The field 'QueryLanguage' should have one of these values: [JSONPath, JSONata]. Did you mean 'JSONata'?" },
    ]);
  });
});

describe('validateSchema: unknown and misspelt fields', () => {
  it.each([
    ['Pass', 'next', "Field 'next' is not supported in a Pass state. Did you mean 'Next'?"],
    ['Pass', 'resultpath', "Field 'resultpath' is not supported in a Pass state. Did you mean 'ResultPath'?"],
    ['Pass', 'Reslt', "Field 'Reslt' is not supported in a Pass state. Did you mean 'Result'?"],
    ['Task', 'Paramaters', "Field 'Paramaters' is not supported in a Task state. Did you mean 'Parameters'?"],
    ['Task', 'TimeoutSecond', "Field 'TimeoutSecond' is not supported in a Task state. Did you mean 'TimeoutSeconds'?"],
    ['Wait', 'Foo', "Field 'Foo' is not supported in a Wait state."],
  ] as [StateType, string, string][])('%s.%s', (type, field, message) => {
    expect(check(machine({ ...baseState(type, 'JSONPath'), [field]: 1 }))).toEqual([{ pointer: `/States/S/${field}`, message }]);
  });

  // Only close names get a suggestion: case first, then 1 edit up to 5 characters, 2 beyond.
  it.each([
    ['next', 'Pass', 'JSONPath', 'Next'],
    ['NEXT', 'Pass', 'JSONPath', 'Next'],
    ['Nxt', 'Pass', 'JSONPath', 'Next'],
    ['resultpath', 'Pass', 'JSONPath', 'ResultPath'],
    ['Nope', 'Pass', 'JSONPath', undefined],
    ['Foo', 'Pass', 'JSONPath', undefined],
    ['Parameter', 'Task', 'JSONPath', 'Parameters'],
    ['Argument', 'Task', 'JSONata', 'Arguments'],
    ['ouput', 'Pass', 'JSONata', 'Output'],
  ] as [string, StateType, QueryLanguage, string | undefined][])('%s in a %s state (%s) -> %s', (field, type, ql, suggestion) => {
    const hint = suggestion === undefined ? '' : ` Did you mean '${suggestion}'?`;
    expect(check(machine({ ...baseState(type, ql), [field]: 1 }, ql))).toEqual([
      { pointer: `/States/S/${field}`, message: `Field '${field}' is not supported in a ${type} state.${hint}` },
    ]);
  });

  it('suggests inside nested objects and at the top level', () => {
    const task = { ...baseState('Task', 'JSONPath'), Retry: [{ ErrorEquals: ['X'], maxAttempts: 1 }] };
    expect(check({ ...machine(task), startAt: 'S' })).toEqual([
      { pointer: '/startAt', message: "Field 'startAt' is not supported in the state machine. Did you mean 'StartAt'?" },
      { pointer: '/States/S/Retry/0/maxAttempts', message: "Field 'maxAttempts' is not supported in a retrier. Did you mean 'MaxAttempts'?" },
    ]);
  });

  it('suggests a state type for a wrongly cased or misspelt Type', () => {
    const values = '[Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map]';
    expect(check(machine({ Type: 'pass', End: true }))).toEqual([
      { pointer: '/States/S/Type', message: `The field 'Type' should have one of these values: ${values}. Did you mean 'Pass'?` },
    ]);
    expect(check(machine({ Type: 'Activity' }))).toEqual([
      { pointer: '/States/S/Type', message: `The field 'Type' should have one of these values: ${values}` },
    ]);
  });

  it.each(['type', 'TYPE', 'Tpye', 'Typ'])('a misspelt %s key: suggests Type and checks the state as the type its value names', (key) => {
    expect(check(machine({ [key]: 'Pass', End: true }))).toEqual([
      { pointer: `/States/S/${key}`, message: `Field '${key}' is not supported in a Pass state. Did you mean 'Type'?` },
    ]);
    expect(check(machine({ [key]: 'Task', Nxt: 'S' }))).toEqual([
      { pointer: `/States/S/${key}`, message: `Field '${key}' is not supported in a Task state. Did you mean 'Type'?` },
      { pointer: '/States/S', message: "Missing required field 'Resource' in a Task state." },
      { pointer: '/States/S/Nxt', message: "Field 'Nxt' is not supported in a Task state. Did you mean 'Next'?" },
    ]);
  });

  it('a misspelt Type key inside a Map processor, and the states nested under the inferred Map', () => {
    const inner = { type: 'Map', ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', Output: 1, End: true } } }, End: true };
    expect(check(machine({ Type: 'Map', ItemProcessor: { StartAt: 'M', States: { M: inner } }, End: true }))).toEqual([
      { pointer: '/States/S/ItemProcessor/States/M/type', message: "Field 'type' is not supported in a Map state. Did you mean 'Type'?" },
      { pointer: '/States/S/ItemProcessor/States/M/ItemProcessor/States/I/Output', message: QL_MESSAGE('JSONPath', 'Output') },
    ]);
  });

  it('a misspelt Type key whose value is no state type says "in a state" and names the types', () => {
    const values = '[Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map]';
    expect(check(machine({ type: 'Pas', End: true }))).toEqual([
      { pointer: '/States/S/type', message: "Field 'type' is not supported in a state. Did you mean 'Type'?" },
      { pointer: '/States/S/type', message: `The field 'Type' should have one of these values: ${values}. Did you mean 'Pass'?` },
    ]);
    expect(check(machine({ TYPE: 3 }))).toEqual([
      { pointer: '/States/S/TYPE', message: "Field 'TYPE' is not supported in a state. Did you mean 'Type'?" },
      { pointer: '/States/S/TYPE', message: `The field 'Type' should have one of these values: ${values}` },
    ]);
  });

  it('a key that is not close to Type leaves Type missing', () => {
    expect(check(machine({ Nope: 'Pass', End: true }))).toEqual([{ pointer: '/States/S', message: "Missing required field 'Type' in state 'S'." }]);
  });

  it('escapes field names in pointers', () => {
    expect(check(machine({ Type: 'Pass', End: true, 'a/b~c': 1 }))).toEqual([
      { pointer: '/States/S/a~1b~0c', message: "Field 'a/b~c' is not supported in a Pass state." },
    ]);
  });
});

describe('validateSchema: missing required fields', () => {
  it.each([
    [{}, '', 'These fields are required: [States, StartAt]'],
    [{ States: { S: { Type: 'Succeed' } } }, '', 'These fields are required: [StartAt]'],
    [machine({ Type: 'Task', End: true }), '/States/S', "Missing required field 'Resource' in a Task state."],
    [machine({ Type: 'Choice' }), '/States/S', "Missing required field 'Choices' in a Choice state."],
    [machine({ Type: 'Parallel', End: true }), '/States/S', "Missing required field 'Branches' in a Parallel state."],
    [machine({ Type: 'Map', End: true }), '/States/S', "Missing required field 'ItemProcessor' (or 'Iterator') in a Map state."],
    [machine({ End: true }), '/States/S', "Missing required field 'Type' in state 'S'."],
    [
      machine({ Type: 'Parallel', Branches: [{ States: { B: { Type: 'Succeed' } } }], End: true }),
      '/States/S/Branches/0',
      "Missing required field 'StartAt' in a Parallel branch.",
    ],
    [
      machine({ ...baseState('Task', 'JSONPath'), Catch: [{ ErrorEquals: ['States.ALL'] }] }),
      '/States/S/Catch/0',
      "Missing required field 'Next' in a catcher.",
    ],
    [machine({ ...baseState('Task', 'JSONPath'), Retry: [{ MaxAttempts: 1 }] }), '/States/S/Retry/0', "Missing required field 'ErrorEquals' in a retrier."],
    [machine({ ...baseState('Task', 'JSONata'), Credentials: {} }, 'JSONata'), '/States/S/Credentials', "The field 'RoleArn' is required but was missing"],
    [machine({ ...baseState('Task', 'JSONPath'), Credentials: {} }), '/States/S/Credentials', "The field 'RoleArn' is required but was missing"],
    [machine({ ...baseState('Map', 'JSONPath'), ItemReader: { Parameters: {} } }), '/States/S/ItemReader', "Missing required field 'Resource' in ItemReader."],
  ] as [unknown, string, string][])('%j', (definition, pointer, message) => {
    expect(check(definition)).toEqual([{ pointer, message }]);
  });
});

describe('validateSchema: JSON types and enum values', () => {
  const task = (fields: object, ql: QueryLanguage = 'JSONPath'): unknown => machine({ ...baseState('Task', ql), ...fields }, ql);
  it.each([
    [task({ TimeoutSeconds: 1.5 }), '/States/S/TimeoutSeconds', "Field 'TimeoutSeconds' must be an integer."],
    [task({ TimeoutSeconds: '{% 5 %}' }), '/States/S/TimeoutSeconds', "Field 'TimeoutSeconds' must be an integer."],
    [task({ HeartbeatSeconds: true }, 'JSONata'), '/States/S/HeartbeatSeconds', "Field 'HeartbeatSeconds' must be an integer or a string."],
    [task({ Resource: 5 }), '/States/S/Resource', "Field 'Resource' must be a string."],
    [task({ InputPath: 5 }), '/States/S/InputPath', "Field 'InputPath' must be a string or null."],
    [task({ Comment: [] }), '/States/S/Comment', "Field 'Comment' must be a string."],
    [task({ Assign: [] }), '/States/S/Assign', "Field 'Assign' must be a JSON object."],
    [task({ Retry: {} }), '/States/S/Retry', "Field 'Retry' must be an array."],
    [task({ Retry: [{ ErrorEquals: ['E'], MaxAttempts: '3' }] }), '/States/S/Retry/0/MaxAttempts', "Field 'MaxAttempts' must be an integer."],
    [task({ Retry: [{ ErrorEquals: ['E'], BackoffRate: '2' }] }), '/States/S/Retry/0/BackoffRate', "Field 'BackoffRate' must be a number."],
    [task({ Retry: [{ ErrorEquals: ['E'], MaxDelaySeconds: 1.5 }] }), '/States/S/Retry/0/MaxDelaySeconds', "Field 'MaxDelaySeconds' must be an integer."],
    [task({ Retry: [{ ErrorEquals: [5] }] }), '/States/S/Retry/0/ErrorEquals/0', "Each entry of 'ErrorEquals' must be a string."],
    [task({ Retry: [{ ErrorEquals: [] }] }), '/States/S/Retry/0/ErrorEquals', 'Value cannot be empty'],
    [task({ Retry: ['E'] }), '/States/S/Retry/0', "Each entry of 'Retry' must be a JSON object."],
    [
      task({ Retry: [{ ErrorEquals: ['E'], JitterStrategy: 'Full' }] }),
      '/States/S/Retry/0/JitterStrategy',
      "The field 'JitterStrategy' should have one of these values: [FULL, NONE]. Did you mean 'FULL'?",
    ],
    [machine({ Type: 'Pass', End: 'true' }), '/States/S/End', "Field 'End' must be a boolean (true or false)."],
    [machine({ Type: 'Parallel', Branches: [], End: true }), '/States/S/Branches', 'Value cannot be empty'],
    [machine({ Type: 'Choice', Choices: [] }), '/States/S/Choices', 'Value cannot be empty'],
    [machine({ Type: 'Wait', Seconds: '5', End: true }), '/States/S/Seconds', "Field 'Seconds' must be an integer."],
    [
      machine({ ...baseState('Map', 'JSONPath'), ToleratedFailurePercentage: '5', ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'B', States: { B: { Type: 'Succeed' } } } }),
      '/States/S/ToleratedFailurePercentage',
      "Field 'ToleratedFailurePercentage' must be a number.",
    ],
    [{ ...machine(baseState('Pass', 'JSONPath')), TimeoutSeconds: 'x' }, '/TimeoutSeconds', "Field 'TimeoutSeconds' must be an integer."],
    [{ ...machine(baseState('Pass', 'JSONPath')), Version: '2.0' }, '/Version', "The field 'Version' should have one of these values: [1.0]. Did you mean '1.0'?"],
    [
      { ...machine(baseState('Pass', 'JSONPath')), QueryLanguage: 'JSONPATH' },
      '/QueryLanguage',
      "The field 'QueryLanguage' should have one of these values: [JSONPath, JSONata]. Did you mean 'JSONPath'?",
    ],
    [{ StartAt: 'S', States: [] }, '/States', "Field 'States' must be a JSON object."],
    [{ StartAt: 'S', States: {} }, '/States', "Field 'States' must contain at least one state."],
    [{ StartAt: 'S', States: { S: 'Pass' } }, '/States/S', "The state 'S' must be a JSON object."],
  ] as [unknown, string, string][])('%j', (definition, pointer, message) => {
    expect(check(definition)).toEqual([{ pointer, message }]);
  });
});

describe('validateSchema: Choice rules (ASL-NOTES §4.1-4.2)', () => {
  const choice = (...rules: unknown[]): unknown => machine({ Type: 'Choice', Choices: rules, Default: 'S' });
  it.each([
    [{ Variable: '$.x', StringEquals: 'a', NumericEquals: 1, Next: 'S' }, '/States/S/Choices/0', 'Each Choice Rule can only have one comparison operator.'],
    [{ Variable: '$.x', Next: 'S' }, '/States/S/Choices/0', "The Choice rule has no comparison operator for its 'Variable' (StringEquals, NumericLessThan, BooleanEquals, IsPresent, ...)."],
    [{ Next: 'S' }, '/States/S/Choices/0', "A Choice rule needs 'Variable' with one comparison operator, or one of 'And', 'Or' and 'Not'."],
    [{ StringEquals: 'a', Next: 'S' }, '/States/S/Choices/0', "Missing required field 'Variable' in a Choice rule."],
    [{ Variable: '$.x', NumericEquals: '1', Next: 'S' }, '/States/S/Choices/0/NumericEquals', "Field 'NumericEquals' must be a number."],
    [{ Variable: '$.x', IsPresent: 'true', Next: 'S' }, '/States/S/Choices/0/IsPresent', "Field 'IsPresent' must be a boolean (true or false)."],
    [{ Variable: '$.x', StringEquals: 1, Next: 'S' }, '/States/S/Choices/0/StringEquals', "Field 'StringEquals' must be a string."],
    [{ Variable: '$.x', NumericEqualsPath: 1, Next: 'S' }, '/States/S/Choices/0/NumericEqualsPath', "Field 'NumericEqualsPath' must be a string."],
    [{ And: [], Next: 'S' }, '/States/S/Choices/0/And', 'Value cannot be empty'],
    [{ Not: [], Next: 'S' }, '/States/S/Choices/0/Not', "Field 'Not' must be a JSON object."],
    [{ Variable: '$.x', BooleanEquals: true }, '/States/S/Choices/0', "Missing required field 'Next' in a Choice rule."],
    [{ And: [{ Variable: '$.x', IsNull: true }], Or: [{ Variable: '$.x', IsNull: true }], Next: 'S' }, '/States/S/Choices/0', "A Choice rule can have only one of 'And', 'Or' and 'Not'; this one has 'And' and 'Or'."],
    [{ Not: { Variable: '$.x', IsNull: true }, Variable: '$.y', Next: 'S' }, '/States/S/Choices/0', "A Choice rule with 'Not' cannot also have 'Variable' or a comparison operator."],
    [
      { Not: { Variable: '$.x', IsNull: true, Next: 'S' }, Next: 'S' },
      '/States/S/Choices/0/Not/Next',
      "Field 'Next' is not supported in a nested Choice rule (inside And, Or or Not).",
    ],
    [
      { Or: [{ Variable: '$.x', IsNull: true }, { Variable: '$.x', IsNull: true, IsString: true }], Next: 'S' },
      '/States/S/Choices/0/Or/1',
      'Each Choice Rule can only have one comparison operator.',
    ],
    [
      { Variable: '$.x', StringEqual: 'a', Next: 'S' },
      '/States/S/Choices/0/StringEqual',
      "Field 'StringEqual' is not supported in a Choice rule. Did you mean 'StringEquals'?",
    ],
  ] as [unknown, string, string][])('%j', (rule, pointer, message) => {
    expect(check(choice(rule))).toEqual([{ pointer, message }]);
  });

  it('accepts every comparison operator with its literal type, And/Or/Not, Assign and Comment', () => {
    const rules = [
      { Variable: '$.s', StringMatches: 'a*', Next: 'S', Assign: { v: 1 }, Comment: 'c' },
      { Variable: '$.t', TimestampLessThanEquals: '2024-01-01T00:00:00Z', Next: 'S' },
      { Variable: '$.n', NumericGreaterThanEqualsPath: '$.m', Next: 'S' },
      { Not: { Variable: '$.n', IsNumeric: false }, Next: 'S' },
      { And: [{ Variable: '$.a', IsPresent: true }, { Or: [{ Variable: '$.b', BooleanEquals: true }, { Variable: '$c', IsTimestamp: true }] }], Next: 'S' },
    ];
    expect(check(choice(...rules))).toEqual([]);
  });

  it('JSONata: Condition (string or boolean) + Next, optional Assign and Output', () => {
    const rules = [{ Condition: true, Next: 'S' }, { Condition: '{% $x > 1 %}', Next: 'S', Assign: { a: 1 }, Output: { b: 2 } }];
    expect(check(machine({ Type: 'Choice', Choices: rules, Default: 'S' }, 'JSONata'))).toEqual([]);
    expect(check(machine({ Type: 'Choice', Choices: [{ Condition: 1, Next: 'S' }] }, 'JSONata'))).toEqual([
      { pointer: '/States/S/Choices/0/Condition', message: "Field 'Condition' must be a string or a boolean (true or false)." },
    ]);
  });
});

const DISTRIBUTED = { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' };
const PROCESSOR = { ProcessorConfig: DISTRIBUTED, StartAt: 'B', States: { B: { Type: 'Succeed' } } };

describe('validateSchema: distributed Map (ASL-NOTES §6.2, §6.6)', () => {
  it('accepts every distributed field under JSONPath', () => {
    const map = {
      Type: 'Map',
      ItemProcessor: PROCESSOR,
      ItemReader: {
        Resource: 'arn:aws:states:::s3:getObject',
        Parameters: { Bucket: 'b', 'Key.$': '$.key' },
        ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'GIVEN', CSVHeaders: ['a', 'b'], CSVDelimiter: 'PIPE', MaxItemsPath: '$.max' },
      },
      ItemBatcher: { MaxItemsPerBatch: 10, MaxInputBytesPerBatchPath: '$.bytes', BatchInput: { run: 1 } },
      ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'b', Prefix: 'p' }, WriterConfig: { OutputType: 'JSONL', Transformation: 'FLATTEN' } },
      Label: 'label',
      MaxConcurrency: 100,
      ToleratedFailureCount: 5,
      ToleratedFailurePercentage: 1.5,
      ItemSelector: { 'v.$': '$$.Map.Item.Value' },
      End: true,
    };
    expect(check(machine(map))).toEqual([]);
  });

  it('accepts every distributed field under JSONata', () => {
    const map = {
      Type: 'Map',
      Items: '{% $states.input.items %}',
      ItemProcessor: PROCESSOR,
      ItemReader: { Resource: 'arn:aws:states:::s3:listObjectsV2', Arguments: { Bucket: 'b' }, ReaderConfig: { MaxItems: '{% 10 %}' } },
      ItemBatcher: { MaxItemsPerBatch: '{% 2 %}', BatchInput: '{% {"a": 1} %}' },
      ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Arguments: { Bucket: 'b' } },
      Label: 'label',
      MaxConcurrency: '{% 3 %}',
      ToleratedFailurePercentage: '{% 10 %}',
      End: true,
    };
    expect(check(machine(map, 'JSONata'))).toEqual([]);
  });

  it.each([
    [{ ItemProcessor: { ...PROCESSOR, ProcessorConfig: { Mode: 'DISTRIBUTED' } } }, '/States/S/ItemProcessor/ProcessorConfig', "Missing required field 'ExecutionType' in ProcessorConfig."],
    [
      { ItemProcessor: { ...PROCESSOR, ProcessorConfig: { Mode: 'Distributed', ExecutionType: 'STANDARD' } } },
      '/States/S/ItemProcessor/ProcessorConfig/Mode',
      "The field 'Mode' should have one of these values: [INLINE, DISTRIBUTED]. Did you mean 'DISTRIBUTED'?",
    ],
    [
      { ItemProcessor: { ...PROCESSOR, ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'FAST' } } },
      '/States/S/ItemProcessor/ProcessorConfig/ExecutionType',
      "The field 'ExecutionType' should have one of these values: [STANDARD, EXPRESS]",
    ],
    [
      { ItemProcessor: PROCESSOR, ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'XML' } } },
      '/States/S/ItemReader/ReaderConfig/InputType',
      "The field 'InputType' should have one of these values: [CSV, JSON, JSONL, PARQUET, MANIFEST]",
    ],
    [{ ItemProcessor: PROCESSOR, ResultWriter: { WriterConfig: {} } }, '/States/S/ResultWriter/WriterConfig', "Missing required field 'OutputType' in WriterConfig."],
    [{ ItemProcessor: PROCESSOR, ResultWriter: {} }, '/States/S/ResultWriter', "Missing required field 'Resource' (or 'WriterConfig') in ResultWriter."],
    [
      { ItemProcessor: PROCESSOR, ResultWriter: { Resource: 'arn:aws:states:::s3:putObject' } },
      '/States/S/ResultWriter',
      "Missing required field 'Parameters' in ResultWriter.",
    ],
    [
      { ItemProcessor: PROCESSOR, ItemBatcher: {} },
      '/States/S/ItemBatcher',
      "Missing required field 'MaxItemsPerBatch' (or 'MaxItemsPerBatchPath') (or 'MaxInputBytesPerBatch') (or 'MaxInputBytesPerBatchPath') in ItemBatcher.",
    ],
    [
      { ItemProcessor: PROCESSOR, ItemBatcher: { BatchInput: { a: 1 } } },
      '/States/S/ItemBatcher',
      "Missing required field 'MaxItemsPerBatch' (or 'MaxItemsPerBatchPath') (or 'MaxInputBytesPerBatch') (or 'MaxInputBytesPerBatchPath') in ItemBatcher.",
    ],
    [{ ItemProcessor: PROCESSOR, ItemBatcher: { MaxItemsPerBatch: 1.5 } }, '/States/S/ItemBatcher/MaxItemsPerBatch', "Field 'MaxItemsPerBatch' must be an integer."],
    [{ ItemProcessor: PROCESSOR, Label: 5 }, '/States/S/Label', "Field 'Label' must be a string."],
    [{ ItemProcessor: PROCESSOR, ItemReader: { Resource: 'r', ReaderConfg: {} } }, '/States/S/ItemReader/ReaderConfg', "Field 'ReaderConfg' is not supported in ItemReader. Did you mean 'ReaderConfig'?"],
  ] as [object, string, string][])('%j', (fields, pointer, message) => {
    expect(check(machine({ Type: 'Map', End: true, ...fields }))).toEqual([{ pointer, message }]);
  });
});

describe('validateSchema: ItemBatcher and ResultWriter under JSONata (ASL-NOTES §6.2)', () => {
  it.each([
    [{ ItemBatcher: {} }, '/States/S/ItemBatcher', "Missing required field 'MaxItemsPerBatch' (or 'MaxInputBytesPerBatch') in ItemBatcher."],
    [{ ResultWriter: {} }, '/States/S/ResultWriter', "Missing required field 'Resource' (or 'WriterConfig') in ResultWriter."],
    [{ ResultWriter: { Resource: 'arn:aws:states:::s3:putObject' } }, '/States/S/ResultWriter', "Missing required field 'Arguments' in ResultWriter."],
  ] as [object, string, string][])('%j', (fields, pointer, message) => {
    expect(check(machine({ ...baseState('Map', 'JSONata'), ...fields }, 'JSONata'))).toEqual([{ pointer, message }]);
  });

  it.each([
    [{ ItemBatcher: { MaxInputBytesPerBatch: 1024 } }],
    [{ ResultWriter: { WriterConfig: { OutputType: 'JSON' } } }],
    [{ ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Arguments: { Bucket: 'b' }, WriterConfig: { OutputType: 'JSON' } } }],
  ])('%j is accepted', (fields) => {
    expect(check(machine({ ...baseState('Map', 'JSONata'), ...fields }, 'JSONata'))).toEqual([]);
  });
});

describe('validateSchema: lenient cases are warnings (ASL-NOTES §10)', () => {
  it('warns on Pass Result under JSONata', () => {
    expect(check(machine({ Type: 'Pass', Result: { a: 1 }, End: true }, 'JSONata'))).toEqual([
      { pointer: '/States/S/Result', message: "Field 'Result' is not documented for the 'JSONata' QueryLanguage; use 'Output' instead.", severity: 'warning' },
    ]);
  });

  it('warns on ToleratedFailure* of an inline Map, not of a distributed one', () => {
    const inline = { ...baseState('Map', 'JSONPath'), ToleratedFailureCount: 1, ToleratedFailurePercentagePath: '$.p' };
    const note = "has no effect on an inline Map; it applies only when ItemProcessor.ProcessorConfig.Mode is 'DISTRIBUTED'.";
    expect(check(machine(inline))).toEqual([
      { pointer: '/States/S/ToleratedFailureCount', message: `Field 'ToleratedFailureCount' ${note}`, severity: 'warning' },
      { pointer: '/States/S/ToleratedFailurePercentagePath', message: `Field 'ToleratedFailurePercentagePath' ${note}`, severity: 'warning' },
    ]);
    expect(check(machine({ ...inline, ItemProcessor: PROCESSOR }))).toEqual([]);
  });
});

describe('validateSchema: nested state machines', () => {
  it('validates states inside Parallel branches and Map processors recursively', () => {
    const deep = {
      Type: 'Parallel',
      Branches: [
        {
          StartAt: 'M',
          States: {
            M: { Type: 'Map', Iterator: { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'r', End: true, Retry: [{ ErrorEquals: ['E'], intervalSecond: 1 }] } } }, End: true },
          },
        },
      ],
      End: true,
    };
    expect(check(machine(deep))).toEqual([
      {
        pointer: '/States/S/Branches/0/States/M/Iterator/States/T/Retry/0/intervalSecond',
        message: "Field 'intervalSecond' is not supported in a retrier. Did you mean 'IntervalSeconds'?",
      },
    ]);
  });
});

describe('validateSchema: never throws', () => {
  it.each([null, undefined, 0, 'x', [], true])('%j', (value) => {
    expect(check(value)).toEqual([{ pointer: '', message: 'Definition must be a valid JSON object' }]);
  });

  it('handles garbage at every level', () => {
    const garbage = { StartAt: 1, States: { A: null, B: [], C: { Type: 7 }, D: { Type: 'Map', ItemProcessor: 1, End: 1 } } };
    expect(check(garbage)).toEqual([
      { pointer: '/StartAt', message: "Field 'StartAt' must be a string." },
      { pointer: '/States/A', message: "The state 'A' must be a JSON object." },
      { pointer: '/States/B', message: "The state 'B' must be a JSON object." },
      { pointer: '/States/C/Type', message: "The field 'Type' should have one of these values: [Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map]" },
      { pointer: '/States/D/End', message: "Field 'End' must be a boolean (true or false)." },
      { pointer: '/States/D/ItemProcessor', message: "Field 'ItemProcessor' must be a JSON object." },
    ]);
  });

  it('reports a Choice rule nested deeper than the stack allows instead of throwing', () => {
    let rule: Record<string, unknown> = { Variable: '$.x', IsNull: true };
    for (let i = 0; i < 20000; i++) rule = { Not: rule };
    expect(check(machine({ Type: 'Choice', Choices: [{ ...rule, Next: 'S' }] }))).toEqual([
      { pointer: '', message: 'The definition could not be checked: it is nested too deeply.' },
    ]);
  });

  it('random JSON inside states: no throw, no ajv wording', () => {
    const ajvWords = /must match|must NOT|must have required|must be equal|should be equal|must pass/;
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.constantFrom(...STATE_TYPES), fc.boolean(), (fields, type, jsonata) => {
        const findings = validateSchema(machine({ ...fields, Type: type }, jsonata ? 'JSONata' : 'JSONPath'));
        for (const f of findings) expect(f.message).not.toMatch(ajvWords);
      }),
      { numRuns: 300 },
    );
  });
});

describe('allowedFields', () => {
  it('lists the fields of a state type per query language', () => {
    expect(allowedFields('Pass', 'JSONPath')).toEqual(['Type', 'Comment', 'QueryLanguage', 'Next', 'End', 'InputPath', 'OutputPath', 'Parameters', 'Result', 'ResultPath', 'Assign']);
    expect(allowedFields('Pass', 'JSONata')).toEqual(['Type', 'Comment', 'QueryLanguage', 'Next', 'End', 'Result', 'Output', 'Assign']);
    expect(allowedFields('Fail', 'JSONata')).toEqual(['Type', 'Comment', 'QueryLanguage', 'Error', 'Cause']);
    expect(allowedFields('Succeed', 'JSONPath')).toEqual(['Type', 'Comment', 'QueryLanguage', 'InputPath', 'OutputPath']);
  });
});
