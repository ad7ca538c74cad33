/**
 * Every JSONata field of every state type (ASL-NOTES §1.4, §2.6), one row each, and the
 * JSONPath Assign sources of §13.3. Rows run a machine whose top-level QueryLanguage is
 * JSONata and compare the whole outcome.
 */
import { describe, expect, it } from 'vitest';
import { SimulatedClock } from '../../src/interpreter/clock.js';
import { StatesError } from '../../src/interpreter/errors.js';
import type { TaskHandler } from '../../src/interpreter/runtime.js';
import { run } from './helpers.js';

const TASK = 'arn:aws:states:::dynamodb:putItem';
const QEE = 'States.QueryEvaluationError';
const PREFIX = "An error occurred while executing the state 'S' (entered at the event id #2). ";

function jsonata(state: object, extra: Record<string, object> = {}): object {
  return { QueryLanguage: 'JSONata', StartAt: 'S', States: { S: state, ...extra } };
}

const echo: TaskHandler = (input) => ({ got: input });
const failing: TaskHandler = () => { throw new StatesError('Boom', 'it broke'); };
const never: TaskHandler = (_i, ctx) => new Promise((_, reject) => ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason)));

type Row = [label: string, definition: object, input: unknown, expected: object, handler?: TaskHandler];

const ROWS: Row[] = [
  ['Pass Output', jsonata({ Type: 'Pass', Output: { v: '{% $states.input.a + 1 %}', lit: 'a literal' }, End: true }), { a: 1 }, { status: 'SUCCEEDED', output: { v: 2, lit: 'a literal' } }],
  ['Pass without Output passes the input', jsonata({ Type: 'Pass', End: true }), { a: 1 }, { status: 'SUCCEEDED', output: { a: 1 } }],
  ['Pass Assign, read by the next state', jsonata({ Type: 'Pass', Assign: { x: '{% $states.input.a %}', arr: ['{% 1 + 1 %}'] }, Next: 'N' }, { N: { Type: 'Pass', Output: { x: '{% $x %}', arr: '{% $arr %}' }, End: true } }), { a: 5 }, { status: 'SUCCEEDED', output: { x: 5, arr: [2] } }],
  ['Pass $states.context', jsonata({ Type: 'Pass', Output: '{% $states.context.State.Name %}', End: true }), {}, { status: 'SUCCEEDED', output: 'S' }],
  ['Task Arguments', jsonata({ Type: 'Task', Resource: TASK, Arguments: { n: '{% $states.input.n * 2 %}' }, End: true }), { n: 4 }, { status: 'SUCCEEDED', output: { got: { n: 8 } } }, echo],
  ['Task Arguments as one expression', jsonata({ Type: 'Task', Resource: TASK, Arguments: '{% $states.input.n %}', End: true }), { n: 4 }, { status: 'SUCCEEDED', output: { got: 4 } }, echo],
  ['Task Output over $states.result and $states.input', jsonata({ Type: 'Task', Resource: TASK, Output: { r: '{% $states.result.got %}', i: '{% $states.input %}' }, End: true }), 1, { status: 'SUCCEEDED', output: { r: 1, i: 1 } }, echo],
  ['Task Output does not see its own Assign', jsonata({ Type: 'Task', Resource: TASK, Assign: { r: '{% $states.result.got %}' }, Output: '{% $r %}', Next: 'N' }, { N: { Type: 'Pass', Output: '{% $r %}', End: true } }), 'new', { status: 'FAILED', error: QEE }, echo],
  ['Task TimeoutSeconds expression', jsonata({ Type: 'Task', Resource: TASK, TimeoutSeconds: '{% $states.input.t %}', End: true }), { t: 3 }, { status: 'FAILED', error: 'States.Timeout', cause: '' }, never],
  ['Task TimeoutSeconds of the wrong type', jsonata({ Type: 'Task', Resource: TASK, TimeoutSeconds: '{% "3" %}', End: true }), {}, { status: 'FAILED', error: QEE, cause: `${PREFIX}The JSONata expression '"3"' specified for the field 'TimeoutSeconds' returned an unexpected result type. Expected 'integer', but was 'string' for value: "3"` }, echo],
  ['Task HeartbeatSeconds expression', jsonata({ Type: 'Task', Resource: TASK, HeartbeatSeconds: '{% 2 %}', End: true }), {}, { status: 'FAILED', error: 'States.Timeout', cause: '' }, never],
  ['Task HeartbeatSeconds out of range', jsonata({ Type: 'Task', Resource: TASK, HeartbeatSeconds: '{% 0 %}', End: true }), {}, { status: 'FAILED', error: QEE, cause: `${PREFIX}The value of the field 'HeartbeatSeconds' must be a positive integer, but was: 0` }, echo],
  ['Catch Output over $states.errorOutput', jsonata({ Type: 'Task', Resource: TASK, Catch: [{ ErrorEquals: ['Boom'], Output: { e: '{% $states.errorOutput %}', i: '{% $states.input %}' }, Next: 'N' }], End: true }, { N: { Type: 'Pass', End: true } }), 7, { status: 'SUCCEEDED', output: { e: { Error: 'Boom', Cause: 'it broke' }, i: 7 } }, failing],
  ['Catch Assign, without Output the error output', jsonata({ Type: 'Task', Resource: TASK, Assign: { s: 'state' }, Catch: [{ ErrorEquals: ['States.ALL'], Assign: { c: '{% $states.errorOutput.Error %}' }, Next: 'N' }], End: true }, { N: { Type: 'Pass', Output: { c: '{% $c %}', out: '{% $states.input %}' }, End: true } }), {}, { status: 'SUCCEEDED', output: { c: 'Boom', out: { Error: 'Boom', Cause: 'it broke' } } }, failing],
  ['Choice Condition and rule Output', jsonata({ Type: 'Choice', Choices: [{ Condition: '{% $states.input.n > 1 %}', Output: { big: '{% $states.input.n %}' }, Next: 'N' }], Default: 'N' }, { N: { Type: 'Pass', End: true } }), { n: 2 }, { status: 'SUCCEEDED', output: { big: 2 } }],
  ['Choice rule Assign', jsonata({ Type: 'Choice', Choices: [{ Condition: '{% true %}', Assign: { r: 'rule' }, Next: 'N' }], Assign: { r: 'state' }, Default: 'N' }, { N: { Type: 'Pass', Output: '{% $r %}', End: true } }), {}, { status: 'SUCCEEDED', output: 'rule' }],
  ['Choice state Output on Default', jsonata({ Type: 'Choice', Choices: [{ Condition: '{% false %}', Next: 'N' }], Output: 'default', Default: 'N' }, { N: { Type: 'Pass', End: true } }), {}, { status: 'SUCCEEDED', output: 'default' }],
  ['Choice Condition must be boolean', jsonata({ Type: 'Choice', Choices: [{ Condition: '{% 1 %}', Next: 'N' }], Default: 'N' }, { N: { Type: 'Pass', End: true } }), {}, { status: 'FAILED', error: QEE, cause: `${PREFIX}The JSONata expression '1' specified for the field 'Condition' returned an unexpected result type. Expected 'boolean', but was 'number' for value: 1` }],
  ['Wait Seconds expression, Output and Assign', jsonata({ Type: 'Wait', Seconds: '{% $states.input.s %}', Output: '{% $states.input.s * 10 %}', Assign: { w: 1 }, End: true }), { s: 3 }, { status: 'SUCCEEDED', output: 30 }],
  ['Wait Seconds of the wrong type', jsonata({ Type: 'Wait', Seconds: '{% "x" %}', End: true }), {}, { status: 'FAILED', error: QEE, cause: `${PREFIX}The JSONata expression '"x"' specified for the field 'Seconds' returned an unexpected result type. Expected 'integer', but was 'string' for value: "x"` }],
  ['Wait Timestamp expression', jsonata({ Type: 'Wait', Timestamp: '{% $states.input.t %}', End: true }), { t: '2024-01-01T00:00:10Z' }, { status: 'SUCCEEDED', output: { t: '2024-01-01T00:00:10Z' } }],
  ['Succeed Output', jsonata({ Type: 'Succeed', Output: { done: '{% $states.input.a %}' } }), { a: true }, { status: 'SUCCEEDED', output: { done: true } }],
  ['Fail Error and Cause expressions', jsonata({ Type: 'Fail', Error: '{% "E." & $states.input.k %}', Cause: '{% $string($states.input.n) %}' }), { k: 'Bad', n: 3 }, { status: 'FAILED', error: 'E.Bad', cause: '3' }],
  ['Parallel Arguments, Output and Assign', jsonata({ Type: 'Parallel', Arguments: { v: '{% $states.input.v %}' }, Branches: [{ StartAt: 'B', States: { B: { Type: 'Pass', Output: '{% $states.input.v + 1 %}', End: true } } }, { StartAt: 'C', States: { C: { Type: 'Pass', End: true } } }], Assign: { n: '{% $count($states.result) %}' }, Output: { r: '{% $states.result %}' }, Next: 'N' }, { N: { Type: 'Pass', Output: { r: '{% $states.input.r %}', n: '{% $n %}' }, End: true } }), { v: 1 }, { status: 'SUCCEEDED', output: { r: [2, { v: 1 }], n: 2 } }],
  ['Map Items and ItemSelector with $states.context.Map.Item', jsonata({ Type: 'Map', Items: '{% $states.input.xs %}', ItemSelector: { i: '{% $states.context.Map.Item.Index %}', v: '{% $states.context.Map.Item.Value %}' }, ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true }), { xs: ['a', 'b'] }, { status: 'SUCCEEDED', output: [{ i: 0, v: 'a' }, { i: 1, v: 'b' }] }],
  ['Map MaxConcurrency expression, Output and Assign', jsonata({ Type: 'Map', Items: [1, 2, 3], MaxConcurrency: '{% 1 %}', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', Output: '{% $states.input * 2 %}', End: true } } }, Assign: { sum: '{% $sum($states.result) %}' }, Output: '{% $states.result %}', Next: 'N' }, { N: { Type: 'Pass', Output: { r: '{% $states.input %}', sum: '{% $sum %}' }, End: true } }), {}, { status: 'SUCCEEDED', output: { r: [2, 4, 6], sum: 12 } }],
  ['Map MaxConcurrency negative', jsonata({ Type: 'Map', Items: [1], MaxConcurrency: '{% -1 %}', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true }), {}, { status: 'FAILED', error: QEE, cause: `${PREFIX}The value of the field 'MaxConcurrency' must be a non-negative integer, but was: -1` }],
  ['Distributed Map ToleratedFailureCount and Percentage expressions', jsonata({ Type: 'Map', Items: [1, 2, 3, 4], ToleratedFailureCount: '{% 1 %}', ToleratedFailurePercentage: '{% 50 %}', ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'C', States: { C: { Type: 'Choice', Choices: [{ Condition: '{% $states.input > 2 %}', Next: 'F' }], Default: 'P' }, F: { Type: 'Fail', Error: 'X' }, P: { Type: 'Pass', End: true } } }, End: true }), {}, { status: 'FAILED', error: 'States.ExceedToleratedFailureThreshold' }],
];

describe('JSONata fields of each state type (ASL-NOTES §1.4, §2.6)', () => {
  it.each(ROWS)('%s', async (_label, definition, input, expected, handler) => {
    const result = await run(definition, input, handler ? { handlers: { '*': handler } } : {});
    expect(result).toMatchObject(expected);
  });

  it('Task Assign commits after Output: Output reads the entry-time value', async () => {
    const def = {
      QueryLanguage: 'JSONata', StartAt: 'A',
      States: {
        A: { Type: 'Pass', Assign: { r: 'old' }, Next: 'S' },
        S: { Type: 'Task', Resource: TASK, Assign: { r: '{% $states.result.got %}' }, Output: { seen: '{% $r %}' }, Next: 'N' },
        N: { Type: 'Pass', Output: { before: '{% $states.input.seen %}', after: '{% $r %}' }, End: true },
      },
    };
    const result = await run(def, 'new', { handlers: { '*': echo } });
    expect(result.output).toEqual({ before: 'old', after: 'new' });
  });

  it('Wait Seconds moves the simulated clock by the evaluated value', async () => {
    const clock = new SimulatedClock({ start: 0 });
    await run(jsonata({ Type: 'Wait', Seconds: '{% $states.input.s * 2 %}', End: true }), { s: 30 }, { clock });
    expect(clock.now()).toBe(60_000);
  });
});

describe('what a JSONPath Assign reads (ASL-NOTES §13.3)', () => {
  const read = (state: object): object => ({
    StartAt: 'S',
    States: { S: { ...state, Next: 'R' }, R: { Type: 'Pass', Parameters: { 'v.$': '$v' }, End: true } },
  });
  it.each([
    ['Task: the raw result, before ResultSelector', { Type: 'Task', Resource: TASK, ResultSelector: { 'x.$': '$.got' }, Assign: { 'v.$': '$' } }, { a: 1 }, { got: { a: 1 } }],
    ['Pass: Result when present', { Type: 'Pass', Result: { r: 1 }, ResultPath: '$.ignored', Assign: { 'v.$': '$' } }, { a: 1 }, { r: 1 }],
    ['Pass: the Parameters output', { Type: 'Pass', InputPath: '$.a', Parameters: { 'p.$': '$' }, Assign: { 'v.$': '$' } }, { a: 1 }, { p: 1 }],
    ['Choice: the effective input (the matching rule\'s Assign)', { Type: 'Choice', InputPath: '$.a', Choices: [{ Variable: '$', NumericEquals: 1, Assign: { 'v.$': '$' }, Next: 'R' }], Default: 'R' }, { a: 1 }, 1],
    ['Wait: the effective input', { Type: 'Wait', Seconds: 1, InputPath: '$.a', Assign: { 'v.$': '$' } }, { a: 2 }, 2],
    ['Parallel: the branch results, before ResultSelector', { Type: 'Parallel', Branches: [{ StartAt: 'B', States: { B: { Type: 'Pass', Result: 'b', End: true } } }], ResultSelector: { 'x.$': '$[0]' }, Assign: { 'v.$': '$' } }, {}, ['b']],
    ['Map: the iteration results, before ResultSelector', { Type: 'Map', ItemsPath: '$.xs', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, ResultSelector: { 'n.$': 'States.ArrayLength($)' }, Assign: { 'v.$': '$' } }, { xs: [1, 2] }, [1, 2]],
  ])('%s', async (_label, state, input, expected) => {
    const def = read(state);
    if ((state as { Type: string }).Type === 'Choice') {
      (def as { States: Record<string, object> }).States['S'] = state;
    }
    const result = await run(def, input, { handlers: { '*': echo } });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { v: expected } });
  });

  it('$name.path reads variables in InputPath, Parameters and ResultSelector', async () => {
    const result = await run({
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Assign: { o: { deep: { n: 3 } } }, Next: 'B' },
        B: { Type: 'Task', Resource: TASK, InputPath: '$o.deep', Parameters: { 'n.$': '$.n', 'm.$': 'States.MathAdd($o.deep.n, 1)' }, ResultSelector: { 'got.$': '$.got', 'again.$': '$o.deep.n' }, End: true },
      },
    }, {}, { handlers: { '*': echo } });
    expect(result.output).toEqual({ got: { n: 3, m: 4 }, again: 3 });
  });
});

describe('variable scope (ASL-NOTES §2.5)', () => {
  it('Parallel branches read outer variables; what they assign stays inside the branch', async () => {
    const result = await run({
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Assign: { outer: 1 }, Next: 'P' },
        P: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'B1', States: { B1: { Type: 'Pass', Assign: { mine: 'b1' }, Next: 'B2' }, B2: { Type: 'Pass', Parameters: { 'outer.$': '$outer', 'mine.$': '$mine' }, End: true } } },
            { StartAt: 'C1', States: { C1: { Type: 'Pass', Assign: { mine: 'c1' }, Next: 'C2' }, C2: { Type: 'Pass', Parameters: { 'outer.$': '$outer', 'mine.$': '$mine' }, End: true } } },
          ],
          Next: 'After',
        },
        After: { Type: 'Pass', Parameters: { 'r.$': '$' }, Next: 'Leak' },
        Leak: { Type: 'Pass', Parameters: { 'mine.$': '$mine' }, End: true },
      },
    });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    const after = result.history.find((e) => e.type === 'PassStateExited' && e.stateExitedEventDetails!.name === 'After');
    expect(after!.stateExitedEventDetails!.output).toEqual({ r: [{ outer: 1, mine: 'b1' }, { outer: 1, mine: 'c1' }] });
  });

  it('a Distributed Map child workflow cannot read outer variables', async () => {
    const def = (mode: string): object => ({
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Assign: { outer: 1 }, Next: 'M' },
        M: {
          Type: 'Map',
          ItemProcessor: { ProcessorConfig: { Mode: mode, ExecutionType: 'STANDARD' }, StartAt: 'R', States: { R: { Type: 'Pass', Parameters: { 'o.$': '$outer' }, End: true } } },
          End: true,
        },
      },
    });
    expect(await run(def('INLINE'), [1])).toMatchObject({ status: 'SUCCEEDED', output: [{ o: 1 }] });
    expect(await run(def('DISTRIBUTED'), [1])).toMatchObject({ status: 'FAILED', error: 'States.ExceedToleratedFailureThreshold' });
  });

  it('a catcher on a Map assigns in the outer scope', async () => {
    const result = await run({
      StartAt: 'M',
      States: {
        M: { Type: 'Map', ItemProcessor: { StartAt: 'F', States: { F: { Type: 'Fail', Error: 'E' } } }, Catch: [{ ErrorEquals: ['E'], Assign: { caught: true }, Next: 'R' }], End: true },
        R: { Type: 'Pass', Parameters: { 'c.$': '$caught' }, End: true },
      },
    }, [1]);
    expect(result.output).toEqual({ c: true });
  });
});
