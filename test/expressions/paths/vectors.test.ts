/** ASL-NOTES §12 vectors that exercise paths and templates, driven by hand through the pieces. */
import { describe, expect, it } from 'vitest';
import { createContextObject, enterState, withMapItem } from '../../../src/expressions/context.js';
import {
  applyInputPath,
  applyOutputPath,
  applyResultPath,
  compilePath,
  compilePayloadTemplate,
} from '../../../src/expressions/paths/index.js';
import type { CompiledPath } from '../../../src/expressions/paths/index.js';
import type { EvaluationEnv } from '../../../src/expressions/types.js';

function path(text: string, kind: 'Path' | 'ReferencePath' = 'Path'): CompiledPath {
  const result = compilePath(text, kind);
  if (!result.ok) throw new Error(result.issues[0]?.message);
  return result.value;
}

function evaluateTemplate(template: unknown, input: unknown, env: EvaluationEnv): unknown {
  const result = compilePayloadTemplate(template);
  if (!result.ok) throw new Error(result.issues[0]?.message);
  return result.value.evaluate(input, env);
}

describe('§12.1 Assign sees the raw result; OutputPath sees old variable values', () => {
  it('gives 42', () => {
    const context = createContextObject({ stateMachineName: 'sm', executionName: 'e', input: {}, startTime: 't' });
    // S0: Pass with Result; Assign reads the Result.
    let variables: Record<string, unknown> = {};
    const s0Result = { theQuestion: 'Q?' };
    const s0Env: EvaluationEnv = { context: enterState(context, { name: 'S0', enteredTime: 't' }), variables, random: () => 0 };
    const assigned0 = evaluateTemplate({ 'question.$': '$.theQuestion', answer: 42 }, s0Result, s0Env) as Record<string, unknown>;
    const s0Output = applyResultPath(undefined, {}, s0Result);
    variables = { ...variables, ...assigned0 };
    expect(variables).toEqual({ question: 'Q?', answer: 42 });

    // S1: InputPath $answer, ResultPath $.theAnswer, OutputPath $answer, Assign answer = "<omitted>".
    const s1Env: EvaluationEnv = { context: enterState(context, { name: 'S1', enteredTime: 't' }), variables, random: () => 0 };
    const effectiveInput = applyInputPath(path('$answer'), s0Output, s1Env);
    const assigned1 = evaluateTemplate({ answer: '<omitted>' }, effectiveInput, s1Env);
    const afterResultPath = applyResultPath(path('$.theAnswer', 'ReferencePath'), s0Output, effectiveInput);
    expect(afterResultPath).toEqual({ theQuestion: 'Q?', theAnswer: 42 });
    const output = applyOutputPath(path('$answer'), afterResultPath, s1Env);
    variables = { ...variables, ...(assigned1 as object) };
    expect(output).toBe(42);
    expect(variables['answer']).toBe('<omitted>');
  });
});

describe('§12.2 a variable read through a template', () => {
  it('gives {"result":"INCORRECT"}', () => {
    const env: EvaluationEnv = { context: {}, variables: { status: 'INCORRECT', guess: '42' }, random: () => 0 };
    expect(evaluateTemplate({ 'result.$': '$status' }, { input_value: '42' }, env)).toEqual({ result: 'INCORRECT' });
  });
});

describe('§12.15 the context object through InputPath "$$"', () => {
  it('has Execution, StateMachine and State', () => {
    const input = { message: 'TestMessage' };
    const context = enterState(
      createContextObject({ stateMachineName: 'sm', executionName: 'e', input, startTime: 'start-time', roleArn: 'role' }),
      { name: 'QueryValues1', enteredTime: 'entered-time' },
    );
    const env: EvaluationEnv = { context, variables: {}, random: () => 0 };
    expect(applyInputPath(path('$$'), input, env)).toEqual({
      Execution: {
        Id: 'arn:aws:states:us-east-1:123456789012:execution:sm:e',
        Input: { message: 'TestMessage' },
        StartTime: 'start-time',
        Name: 'e',
        RoleArn: 'role',
        RedriveCount: 0,
      },
      StateMachine: { Id: 'arn:aws:states:us-east-1:123456789012:stateMachine:sm', Name: 'sm' },
      State: { Name: 'QueryValues1', EnteredTime: 'entered-time' },
    });
    // The recorded QUERY_CONTEXT_OBJECT_VALUES Parameters, evaluated against the same context.
    expect(
      evaluateTemplate(
        {
          'execution_name.$': '$$.Execution.Name',
          'execution_input.$': '$$.Execution.Input',
          'state_name.$': '$$.State.Name',
          'statemachine_name.$': '$$.StateMachine.Name',
        },
        input,
        env,
      ),
    ).toEqual({ execution_name: 'e', execution_input: input, state_name: 'QueryValues1', statemachine_name: 'sm' });
  });
});

describe('Map ItemSelector (§13.14): $ is the Map input, the item comes from $$.Map.Item', () => {
  it('matches the recorded test_map_state_item_selector_singleton output for item 1', () => {
    const mapInput = { 'delivery-partner': 'UQS', shipped: ['A', 'B', 'C'] };
    const base = enterState(createContextObject({ stateMachineName: 'sm', executionName: 'e', input: {}, startTime: 't' }), {
      name: 'MapState',
      enteredTime: 't',
    });
    const env: EvaluationEnv = { context: withMapItem(base, { index: 1, value: 'B' }), variables: {}, random: () => 0 };
    const selector = {
      'original_input.$': '$',
      'iteration_input_value.$': '$$.Map.Item.Value',
      'iteration_index.$': '$$.Map.Item.Index',
      'from_input_constant.$': '$.delivery-partner',
      constant_value: 'HelloWorld',
    };
    expect(evaluateTemplate(selector, mapInput, env)).toEqual({
      constant_value: 'HelloWorld',
      iteration_input_value: 'B',
      from_input_constant: 'UQS',
      iteration_index: 1,
      original_input: mapInput,
    });
  });
});
