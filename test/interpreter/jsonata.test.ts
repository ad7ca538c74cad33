import { describe, expect, it } from 'vitest';
import { StatesError } from '../../src/definition/errors.js';
import { run, types } from './helpers.js';

const TASK = 'arn:aws:states:::dynamodb:putItem';

describe('variables and Assign (ASL-NOTES §2.5, §12.1-12.2)', () => {
  it('Assign reads the raw result; OutputPath in the same state sees the old value', async () => {
    const result = await run({
      StartAt: 'S0',
      States: {
        S0: { Type: 'Pass', Result: { theQuestion: 'Q?' }, Assign: { 'question.$': '$.theQuestion', answer: 42 }, Next: 'S1' },
        S1: { Type: 'Pass', InputPath: '$answer', ResultPath: '$.theAnswer', OutputPath: '$answer', Assign: { answer: '<omitted>' }, End: true },
      },
    });
    expect(result.output).toBe(42);
    const exited = result.history.filter((e) => e.type === 'PassStateExited').map((e) => e.stateExitedEventDetails!.assignedVariables);
    expect(exited).toEqual([{ question: '"Q?"', answer: '42' }, { answer: '"<omitted>"' }]);
  });

  it('Choice runs the state-level Assign when Default is taken', async () => {
    const result = await run({
      StartAt: 'C',
      States: {
        C: {
          Type: 'Choice',
          Choices: [
            { Not: { Variable: '$.input_value', IsPresent: true }, Next: 'Out' },
            { Variable: '$.input_value', NumericEquals: 42, Assign: { status: 'CORRECT' }, Next: 'Out' },
          ],
          Assign: { status: 'INCORRECT', 'guess.$': '$.input_value' },
          Default: 'Out',
        },
        Out: { Type: 'Pass', Parameters: { 'result.$': '$status', 'guess.$': '$guess' }, End: true },
      },
    }, { input_value: '42' });
    expect(result.output).toEqual({ result: 'INCORRECT', guess: '42' });
  });

  it('Map iterations read outer variables; their own assignments stay inside', async () => {
    const result = await run({
      StartAt: 'Set',
      States: {
        Set: { Type: 'Pass', Assign: { outer: 'o' }, Next: 'M' },
        M: {
          Type: 'Map',
          ItemProcessor: {
            StartAt: 'In',
            States: {
              In: { Type: 'Pass', Assign: { inner: 'i' }, Next: 'Read' },
              Read: { Type: 'Pass', Parameters: { 'outer.$': '$outer', 'inner.$': '$inner' }, End: true },
            },
          },
          Next: 'After',
        },
        After: { Type: 'Pass', Parameters: { 'items.$': '$', 'hasInner.$': 'States.ArrayLength($.*)' }, End: true },
      },
    }, [1]);
    expect(result.output).toEqual({ items: [{ outer: 'o', inner: 'i' }], hasInner: 1 });
    const leaked = await run({
      StartAt: 'M',
      States: {
        M: { Type: 'Map', ItemProcessor: { StartAt: 'In', States: { In: { Type: 'Pass', Assign: { inner: 'i' }, End: true } } }, Next: 'Read' },
        Read: { Type: 'Pass', Parameters: { 'v.$': '$inner' }, End: true },
      },
    }, [1]);
    expect(leaked.status).toBe('FAILED');
    expect(leaked.error).toBe('States.Runtime');
  });

  it('a catcher Assign runs instead of the state Assign', async () => {
    const result = await run({
      StartAt: 'T',
      States: {
        T: { Type: 'Task', Resource: TASK, Assign: { where: 'state' }, Catch: [{ ErrorEquals: ['States.ALL'], Assign: { 'where.$': '$.Error' }, Next: 'Out' }], Next: 'Out' },
        Out: { Type: 'Pass', Parameters: { 'where.$': '$where' }, End: true },
      },
    }, {}, { handlers: { T: () => { throw new StatesError('Boom', 'c'); } } });
    expect(result.output).toEqual({ where: 'Boom' });
  });
});

describe('JSONata mode (ASL-NOTES §2.6)', () => {
  it('evaluates Output, Assign and Arguments with $states', async () => {
    const result = await run({
      QueryLanguage: 'JSONata',
      StartAt: 'P',
      States: {
        P: { Type: 'Pass', Assign: { x: '{% $states.input.n * 2 %}' }, Output: { n: '{% $states.input.n %}' }, Next: 'T' },
        T: { Type: 'Task', Resource: TASK, Arguments: { doubled: '{% $x %}', ctx: '{% $states.context.State.Name %}' }, Output: '{% $states.result.doubled + 1 %}', End: true },
      },
    }, { n: 5 }, { handlers: { T: (input) => input } });
    expect(result.output).toBe(11);
  });

  it('swaps variables: every Assign value reads entry-time variables', async () => {
    const result = await run({
      QueryLanguage: 'JSONata',
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Assign: { a: 1, b: 2 }, Next: 'B' },
        B: { Type: 'Pass', Assign: { a: '{% $b %}', b: '{% $a %}' }, Output: { a: '{% $a %}' }, Next: 'C' },
        C: { Type: 'Pass', Output: { a: '{% $a %}', b: '{% $b %}' }, End: true },
      },
    });
    expect(result.output).toEqual({ a: 2, b: 1 });
  });

  it('an undefined expression is States.QueryEvaluationError with an EvaluationFailed event (§12.10)', async () => {
    const result = await run({ QueryLanguage: 'JSONata', StartAt: 'S', States: { S: { Type: 'Pass', Output: { result: '{% $doesNotExist %}' }, End: true } } });
    expect(result).toMatchObject({
      status: 'FAILED',
      error: 'States.QueryEvaluationError',
      cause: "An error occurred while executing the state 'S' (entered at the event id #2). The JSONata expression '$doesNotExist' specified for the field 'Output/result' returned nothing (undefined).",
    });
    expect(types(result)).toEqual(['ExecutionStarted', 'PassStateEntered', 'EvaluationFailed', 'ExecutionFailed']);
    expect(result.history[2]!.evaluationFailedEventDetails).toMatchObject({ location: 'Output/result', state: 'S' });
  });

  it('a catcher Output sees $states.input and $states.errorOutput (§12.11)', async () => {
    const result = await run({
      QueryLanguage: 'JSONata',
      StartAt: 'T',
      States: {
        T: { Type: 'Task', Resource: TASK, Catch: [{ ErrorEquals: ['States.ALL'], Output: { stateInput: '{% $states.input %}', stateError: '{% $states.errorOutput %}' }, Next: 'F' }], End: true },
        F: { Type: 'Pass', End: true },
      },
    }, { in: 1 }, { handlers: { T: () => { throw new StatesError('E', 'c'); } } });
    expect(result.output).toEqual({ stateInput: { in: 1 }, stateError: { Error: 'E', Cause: 'c' } });
  });

  it('Choice Condition picks the rule and its Output; a non-boolean is an error', async () => {
    const def = (condition: unknown): object => ({
      QueryLanguage: 'JSONata',
      StartAt: 'C',
      States: {
        C: { Type: 'Choice', Choices: [{ Condition: condition, Output: 'matched', Next: 'E' }], Default: 'E', Output: 'default' },
        E: { Type: 'Succeed' },
      },
    });
    expect((await run(def('{% $states.input.v > 1 %}'), { v: 2 })).output).toBe('matched');
    expect((await run(def('{% $states.input.v > 1 %}'), { v: 0 })).output).toBe('default');
    expect((await run(def(true), {})).output).toBe('matched');
    expect(await run(def('{% $states.input.v %}'), { v: 2 })).toMatchObject({
      error: 'States.QueryEvaluationError',
      cause: "An error occurred while executing the state 'C' (entered at the event id #2). The JSONata expression '$states.input.v' specified for the field 'Condition' returned an unexpected result type. Expected 'boolean', but was 'number' for value: 2",
    });
  });

  it('Map Items must be an array (§12.13) and a JSONata singleton collapses (§12.12)', async () => {
    const map = (items: string): object => ({
      QueryLanguage: 'JSONata',
      StartAt: 'M',
      States: { M: { Type: 'Map', Items: items, ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true } },
    });
    expect(await run(map('{% 1 %}'))).toMatchObject({
      error: 'States.QueryEvaluationError',
      cause: "An error occurred while executing the state 'M' (entered at the event id #2). The JSONata expression '1' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was 'number' for value: 1",
    });
    expect((await run(map('{% $range(0, 10, 3) %}'))).output).toEqual([0, 3, 6, 9]);
    const single = await run({ QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', Output: '{% $range(1, 9, 9) %}', End: true } } });
    expect(single.output).toBe(1);
  });

  it('JSONata Wait Timestamp errors are States.QueryEvaluationError', async () => {
    const result = await run({ QueryLanguage: 'JSONata', StartAt: 'W', States: { W: { Type: 'Wait', Timestamp: "{% '2016-12-05 21:29:29Z' %}", End: true } } });
    expect(result).toMatchObject({
      error: 'States.QueryEvaluationError',
      cause: "An error occurred while executing the state 'W' (entered at the event id #2). The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: 2016-12-05 21:29:29Z",
    });
  });

  it('a state inside a Map takes the top-level language, not the Map\'s', async () => {
    const result = await run({
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map', QueryLanguage: 'JSONata', Items: [1, 2],
          ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'v.$': '$' }, End: true } } },
          End: true,
        },
      },
    });
    expect(result.output).toEqual([{ v: 1 }, { v: 2 }]);
  });
});
