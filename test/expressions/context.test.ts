import { describe, expect, it } from 'vitest';
import {
  createContextObject,
  enterState,
  executionArn,
  formatTimestamp,
  stateMachineArn,
  withMapItem,
  withRetryCount,
  withTaskToken,
} from '../../src/expressions/context.js';

const input = { 'input-value': 0 };
const base = createContextObject({
  stateMachineName: 'OrderFlow',
  executionName: 'run-1',
  input,
  startTime: new Date('2026-11-26T10:00:00.120Z'),
  roleArn: 'arn:aws:iam::123456789012:role/sfn',
});

describe('ARNs', () => {
  it.each([
    [stateMachineArn('sm'), 'arn:aws:states:us-east-1:123456789012:stateMachine:sm'],
    [stateMachineArn('sm', { region: 'eu-west-1', account: '111111111111', partition: 'aws-cn' }), 'arn:aws-cn:states:eu-west-1:111111111111:stateMachine:sm'],
    [executionArn('sm', 'e1'), 'arn:aws:states:us-east-1:123456789012:execution:sm:e1'],
    [executionArn('sm', 'e1', { type: 'EXPRESS', expressExecutionId: 'a1b2' }), 'arn:aws:states:us-east-1:123456789012:express:sm:e1:a1b2'],
    [executionArn('sm', 'e1', { type: 'EXPRESS' }), 'arn:aws:states:us-east-1:123456789012:express:sm:e1:e1'],
  ])('%s', (actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe('timestamps drop trailing zeros of the fraction', () => {
  it.each([
    ['2026-11-26T10:00:00.120Z', '2026-11-26T10:00:00.12Z'],
    ['2026-11-26T10:00:00.000Z', '2026-11-26T10:00:00Z'],
    ['2026-11-26T10:00:10.100Z', '2026-11-26T10:00:10.1Z'],
    ['2026-11-26T10:00:00.123Z', '2026-11-26T10:00:00.123Z'],
  ])('%s', (iso, expected) => {
    expect(formatTimestamp(new Date(iso))).toBe(expected);
  });

  it('keeps a string as given', () => {
    expect(formatTimestamp('start-time')).toBe('start-time');
  });
});

describe('context object (§2.4, §12.15)', () => {
  it('has the shape and key order AWS records in a Pass state', () => {
    const context = enterState(base, { name: 'TestState', enteredTime: new Date('2026-11-26T10:00:01.000Z') });
    expect(context).toEqual({
      Execution: {
        Id: 'arn:aws:states:us-east-1:123456789012:execution:OrderFlow:run-1',
        Input: { 'input-value': 0 },
        StartTime: '2026-11-26T10:00:00.12Z',
        Name: 'run-1',
        RoleArn: 'arn:aws:iam::123456789012:role/sfn',
        RedriveCount: 0,
      },
      StateMachine: { Id: 'arn:aws:states:us-east-1:123456789012:stateMachine:OrderFlow', Name: 'OrderFlow' },
      State: { Name: 'TestState', EnteredTime: '2026-11-26T10:00:01Z' },
    });
    expect(Object.keys(context)).toEqual(['Execution', 'StateMachine', 'State']);
    expect(Object.keys(context.Execution)).toEqual(['Id', 'Input', 'StartTime', 'Name', 'RoleArn', 'RedriveCount']);
  });

  it('shares Execution (and its Input) between states: entering a state copies nothing big', () => {
    const a = enterState(base, { name: 'A', enteredTime: 't1' });
    const b = enterState(a, { name: 'B', enteredTime: 't2' });
    expect(b.Execution).toBe(base.Execution);
    expect(b.Execution.Input).toBe(input);
    expect(b.StateMachine).toBe(base.StateMachine);
    expect(a.State).toEqual({ Name: 'A', EnteredTime: 't1' });
  });

  it('adds RetryCount for retrying states and updates it per attempt', () => {
    const first = enterState(base, { name: 'Task', enteredTime: 't', retryCount: 0 });
    expect(first.State).toEqual({ Name: 'Task', EnteredTime: 't', RetryCount: 0 });
    const again = withRetryCount(first, 2);
    expect(again.State).toEqual({ Name: 'Task', EnteredTime: 't', RetryCount: 2 });
    expect(first.State?.RetryCount).toBe(0);
  });

  it('adds Task.Token and Map.Item, which do not leak into the next state', () => {
    const state = enterState(base, { name: 'M', enteredTime: 't' });
    expect(withTaskToken(state, 'tok').Task).toEqual({ Token: 'tok' });
    expect(withMapItem(state, { index: 0, value: 'A' }).Map).toEqual({ Item: { Index: 0, Value: 'A' } });
    expect(withMapItem(state, { index: 1, value: 2, key: 'b', source: 'STATE_DATA' }).Map).toEqual({
      Item: { Index: 1, Value: 2, Key: 'b', Source: 'STATE_DATA' },
    });
    const next = enterState(withTaskToken(withMapItem(state, { index: 0, value: 1 }), 'tok'), { name: 'N', enteredTime: 't' });
    expect(Object.keys(next)).toEqual(['Execution', 'StateMachine', 'State']);
  });

  it('records a redrive', () => {
    const redriven = createContextObject({
      stateMachineName: 'sm',
      executionName: 'e',
      input: {},
      startTime: 's',
      redriveCount: 1,
      redriveTime: new Date('2026-11-26T11:00:00.500Z'),
      type: 'EXPRESS',
      expressExecutionId: 'id-9',
      region: 'eu-central-1',
      account: '210987654321',
    });
    expect(redriven.Execution).toEqual({
      Id: 'arn:aws:states:eu-central-1:210987654321:express:sm:e:id-9',
      Input: {},
      StartTime: 's',
      Name: 'e',
      RoleArn: 'arn:aws:iam::210987654321:role/aslkit-execution',
      RedriveCount: 1,
      RedriveTime: '2026-11-26T11:00:00.5Z',
    });
    expect(redriven.StateMachine.Id).toBe('arn:aws:states:eu-central-1:210987654321:stateMachine:sm');
  });
});

describe('createContextObject from a machine ARN', () => {
  it('takes StateMachine.Id and the ARN parts from stateMachineArn, and epoch milliseconds for times', () => {
    const context = createContextObject({
      stateMachineName: 'Orders',
      stateMachineArn: 'arn:aws-cn:states:cn-north-1:111122223333:stateMachine:Orders',
      executionName: 'run-1',
      input: { a: 1 },
      startTime: Date.UTC(2025, 0, 2, 3, 4, 5, 600),
    });
    expect(context).toEqual({
      Execution: {
        Id: 'arn:aws-cn:states:cn-north-1:111122223333:execution:Orders:run-1',
        Input: { a: 1 },
        StartTime: '2025-01-02T03:04:05.6Z',
        Name: 'run-1',
        RoleArn: 'arn:aws-cn:iam::111122223333:role/aslkit-execution',
        RedriveCount: 0,
      },
      StateMachine: { Id: 'arn:aws-cn:states:cn-north-1:111122223333:stateMachine:Orders', Name: 'Orders' },
    });
    expect(enterState(context, { name: 'S', enteredTime: Date.UTC(2025, 0, 2, 3, 4, 6) }).State).toEqual({ Name: 'S', EnteredTime: '2025-01-02T03:04:06Z' });
  });
});
