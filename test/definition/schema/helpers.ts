import type { QueryLanguage, StateType } from '../../../src/definition/types.js';

/** A minimal valid state of each type under each query language. */
export function baseState(type: StateType, ql: QueryLanguage): Record<string, unknown> {
  const processor = { StartAt: 'B', States: { B: { Type: 'Succeed' } } };
  switch (type) {
    case 'Task':
      return { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true };
    case 'Pass':
      return { Type: 'Pass', End: true };
    case 'Choice':
      return {
        Type: 'Choice',
        Choices: [ql === 'JSONata' ? { Condition: '{% $states.input.x %}', Next: 'S' } : { Variable: '$.x', BooleanEquals: true, Next: 'S' }],
      };
    case 'Wait':
      return { Type: 'Wait', Seconds: 1, End: true };
    case 'Succeed':
      return { Type: 'Succeed' };
    case 'Fail':
      return { Type: 'Fail' };
    case 'Parallel':
      return { Type: 'Parallel', Branches: [processor], End: true };
    case 'Map':
      return { Type: 'Map', ItemProcessor: processor, End: true };
  }
}

/** A machine with one state 'S'; JSONata is set at the top level. */
export function machine(state: unknown, ql: QueryLanguage = 'JSONPath'): Record<string, unknown> {
  return { StartAt: 'S', ...(ql === 'JSONata' ? { QueryLanguage: 'JSONata' } : {}), States: { S: state } };
}
