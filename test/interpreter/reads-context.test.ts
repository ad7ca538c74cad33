import { describe, expect, it } from 'vitest';
import { readsContext } from '../../src/interpreter/states/common.js';

describe('readsContext', () => {
  it.each<[string, unknown, boolean]>([
    ['a context path', { InputPath: '$$.Execution.Input' }, true],
    ['a payload template value', { Parameters: { 'id.$': '$$.Execution.Id' } }, true],
    ['inside an array', { Parameters: { list: [1, { 'a.$': 'States.Format($$.State.Name)' }] } }, true],
    ['a bare $states in JSONata', { Output: '{% $states %}' }, true],
    ['$states.context', { Arguments: { x: '{% $states.context.Execution.Id %}' } }, true],
    ['$states.input, .result and .errorOutput only', { Output: '{% $states.input.a & $states.result.b & $states.errorOutput.c %}' }, false],
    ['$states.inputs (another name)', { Output: '{% $states.inputs %}' }, true],
    ['a key that names the context', { Result: { $states: 1 } }, true],
    ['plain paths', { InputPath: '$.a', Parameters: { 'b.$': '$.b', c: 'literal $' } }, false],
    ['scalars and null', { TimeoutSeconds: 3, Result: null, End: true }, false],
    ['no value', undefined, false],
  ])('%s', (_, value, expected) => {
    expect(readsContext(value)).toBe(expected);
  });
});
