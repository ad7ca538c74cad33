import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

/**
 * A state's run returns its step and the engine alone commits it: a visit that fails commits
 * none of its own Assign; when a catcher takes over, only the catcher's Assign is stored.
 * https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html
 */
const failingOutput = '{% $states.input.missing %}';

const states: [string, object][] = [
  ['Task', { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke' }],
  ['Parallel', { Type: 'Parallel', Branches: [{ StartAt: 'B', States: { B: { Type: 'Pass', End: true } } }] }],
  ['Map', { Type: 'Map', Items: [1], ItemProcessor: { StartAt: 'B', States: { B: { Type: 'Pass', End: true } } } }],
];

describe('a failed state commits none of its Assign', () => {
  it.each(states)('%s whose Output fails, caught by a catcher without Assign', async (type, fields) => {
    const result = await run({
      QueryLanguage: 'JSONata',
      StartAt: 'S',
      States: {
        S: {
          ...fields,
          Assign: { fromState: 1 },
          Output: failingOutput,
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'After' }],
          Next: 'After',
        },
        After: { Type: 'Pass', Output: { seen: '{% $exists($fromState) %}' }, End: true },
      },
    }, {}, { handlers: { S: () => ({ ok: true }) } });
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toEqual({ seen: false });
    const exited = result.history.find((e) => e.type === `${type}StateExited`);
    expect(exited?.stateExitedEventDetails).toEqual({ name: 'S', output: expect.objectContaining({ Error: 'States.QueryEvaluationError' }) });
  });

  it.each(states)('%s caught by a catcher with Assign stores only the catcher\'s', async (type, fields) => {
    const result = await run({
      QueryLanguage: 'JSONata',
      StartAt: 'S',
      States: {
        S: {
          ...fields,
          Assign: { fromState: 1 },
          Output: failingOutput,
          Catch: [{ ErrorEquals: ['States.ALL'], Assign: { fromCatcher: 2 }, Next: 'After' }],
          Next: 'After',
        },
        After: { Type: 'Pass', Output: { state: '{% $exists($fromState) %}', catcher: '{% $fromCatcher %}' }, End: true },
      },
    }, {}, { handlers: { S: () => ({ ok: true }) } });
    expect(result.output).toEqual({ state: false, catcher: 2 });
    const exited = result.history.find((e) => e.type === `${type}StateExited`);
    expect(exited?.stateExitedEventDetails?.assignedVariables).toEqual({ fromCatcher: '2' });
  });

  it('a JSONPath catcher\'s Assign reads the error output, and the state\'s own Assign is dropped', async () => {
    const result = await run({
      StartAt: 'S',
      States: {
        S: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Assign: { fromState: 1 },
          Catch: [{ ErrorEquals: ['States.ALL'], Assign: { 'error.$': '$.Error' }, ResultPath: '$.caught', Next: 'After' }],
          End: true,
        },
        After: { Type: 'Pass', Parameters: { 'error.$': '$error', 'caught.$': '$.caught.Error' }, End: true },
      },
    }, {}, { handlers: { S: () => { throw Object.assign(new Error('boom'), { name: 'Boom' }); } } });
    expect(result.output).toEqual({ error: 'Boom', caught: 'Boom' });
    const exited = result.history.find((e) => e.type === 'TaskStateExited');
    expect(exited?.stateExitedEventDetails?.assignedVariables).toEqual({ error: '"Boom"' });
  });
});
