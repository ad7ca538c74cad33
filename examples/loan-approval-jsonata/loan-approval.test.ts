import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createStateMachine, StatesError, type HistoryEvent, type TaskHandler } from '../../src/index.js';

const definition = readFileSync(new URL('./loan-approval.asl.json', import.meta.url), 'utf8');
const application = {
  applicationId: 'L-1001',
  amount: 12000,
  applicant: { name: 'Ada', annualIncome: 90000, monthlyDebt: 1500 },
};
const throttled = (): never => {
  throw new StatesError('Lambda.TooManyRequestsException', 'Rate exceeded');
};

function machine(overrides: Record<string, TaskHandler> = {}) {
  const handlers: Record<string, TaskHandler> = {
    ScoreCredit: () => ({ score: 760, bureau: 'experian' }),
    RecordOffer: () => ({}),
    QueueManualReview: () => ({ MessageId: 'm-1' }),
    ...overrides,
  };
  // random 0.5 makes FULL jitter wait exactly half of each capped delay.
  return createStateMachine(definition, { handlers, clock: 'simulated', random: () => 0.5 });
}

const at = (events: HistoryEvent[], type: HistoryEvent['type']): number[] =>
  events.filter((e) => e.type === type).map((e) => e.timestamp.getTime());

describe('loan approval example (JSONata)', () => {
  it('approves a good applicant after the cooling-off Wait and records the offer', async () => {
    let putItem: unknown;
    const result = await machine({ RecordOffer: (input) => ((putItem = input), {}) }).execute(application);
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toEqual({
      applicationId: 'L-1001',
      status: 'APPROVED',
      amount: 12000,
      rate: 5.9,
      monthlyPayment: 1059,
      bureau: 'experian',
    });
    // The simulated clock starts at 2024-01-01T00:00:00Z; the Wait moved it one hour on.
    expect(putItem).toEqual({
      TableName: 'loan-offers',
      Item: {
        applicationId: { S: 'L-1001' },
        amount: { N: '12000' },
        rate: { N: '5.9' },
        offeredAt: { S: '2024-01-01T01:00:00Z' },
      },
    });
  });

  it('sends the scoring Lambda only the Arguments built from variables', async () => {
    let request: unknown;
    await machine({ ScoreCredit: (input) => ((request = input), { score: 700, bureau: 'b' }) }).execute(application);
    expect(request).toEqual({
      FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:score-credit',
      Payload: { applicationId: 'L-1001', annualIncome: 90000, monthlyDebt: 1500 },
    });
  });

  it.each([
    { case: 'prime, small loan', score: 760, amount: 12000, rate: 5.9, waitSeconds: 3600 },
    { case: 'prime, large loan', score: 760, amount: 40000, rate: 5.9, waitSeconds: 86400 },
    { case: 'near-prime, small loan', score: 640, amount: 8000, rate: 9.5, waitSeconds: 3600 },
  ])('$case: rate $rate after waiting $waitSeconds s', async ({ score, amount, rate, waitSeconds }) => {
    const result = await machine({ ScoreCredit: () => ({ score, bureau: 'b' }) }).execute({ ...application, amount });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { rate, amount } });
    const [entered] = at(result.history, 'WaitStateEntered');
    const [exited] = at(result.history, 'WaitStateExited');
    expect(exited! - entered!).toBe(waitSeconds * 1000);
  });

  it('records the Assign of the scoring Task and of the matching Choice rule in the history', async () => {
    const { history } = await machine().execute(application);
    const assigned = history
      .filter((e) => e.stateExitedEventDetails?.assignedVariables)
      .map((e) => [e.stateExitedEventDetails!.name, e.stateExitedEventDetails!.assignedVariables]);
    expect(assigned).toEqual([
      ['RecordApplication', {
        applicationId: '"L-1001"',
        amount: '12000',
        applicant: '{"name":"Ada","annualIncome":90000,"monthlyDebt":1500}',
      }],
      ['ScoreCredit', { score: '760', debtToIncome: '0.2' }],
      ['Decide', { rate: '5.9' }],
    ]);
  });

  it('rejects through the Choice Default with a Cause built by an expression', async () => {
    const result = await machine({ ScoreCredit: () => ({ score: 600, bureau: 'b' }) }).execute(application);
    expect(result).toMatchObject({
      status: 'FAILED',
      error: 'LoanRejected',
      cause: 'Application L-1001 scored 600 with a debt-to-income ratio of 0.2',
    });
    expect(result.history.map((e) => e.type)).not.toContain('WaitStateEntered');
  });

  it('rejects a near-prime applicant asking for more than 10,000', async () => {
    const result = await machine({ ScoreCredit: () => ({ score: 640, bureau: 'b' }) }).execute({
      ...application,
      amount: 15000,
    });
    expect(result).toMatchObject({ status: 'FAILED', error: 'LoanRejected' });
  });

  it('retries a throttled scoring call with capped, fully jittered back-off', async () => {
    let calls = 0;
    const result = await machine({
      ScoreCredit: () => {
        calls += 1;
        if (calls < 3) throttled();
        return { score: 760, bureau: 'b' };
      },
    }).execute(application);
    expect(result.status).toBe('SUCCEEDED');
    expect(calls).toBe(3);
    const failed = at(result.history, 'TaskFailed');
    const scheduled = at(result.history, 'TaskScheduled');
    // 2 s * 3^0 = 2 s, jittered to 1 s; 2 s * 3^1 = 6 s, capped at 5 s, jittered to 2.5 s.
    expect([scheduled[1]! - failed[0]!, scheduled[2]! - failed[1]!]).toEqual([1000, 2500]);
  });

  it('queues the application for manual review when scoring stays throttled', async () => {
    let calls = 0;
    let message: unknown;
    const result = await machine({
      ScoreCredit: () => {
        calls += 1;
        return throttled();
      },
      QueueManualReview: (input) => ((message = input), { MessageId: 'm-1' }),
    }).execute(application);
    expect(calls).toBe(4);
    expect(message).toEqual({
      QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/loan-manual-review',
      MessageBody: { applicationId: 'L-1001', reason: 'Lambda.TooManyRequestsException: Rate exceeded' },
    });
    expect(result).toMatchObject({
      status: 'FAILED',
      error: 'ScoringUnavailable.Lambda.TooManyRequestsException',
      cause: 'Application L-1001 was queued for manual review: Lambda.TooManyRequestsException: Rate exceeded',
    });
    // The catcher's Assign ran, the Task's own Assign did not.
    const exited = result.history.find((e) => e.stateExitedEventDetails?.name === 'ScoreCredit');
    expect(exited?.stateExitedEventDetails?.assignedVariables).toEqual({ scoringError: '"Lambda.TooManyRequestsException"' });
  });

  it('catches a non-retryable error at once', async () => {
    let calls = 0;
    const result = await machine({
      ScoreCredit: () => {
        calls += 1;
        throw new StatesError('Lambda.ResourceNotFoundException', 'Function not found');
      },
    }).execute(application);
    expect(calls).toBe(1);
    expect(result).toMatchObject({ status: 'FAILED', error: 'ScoringUnavailable.Lambda.ResourceNotFoundException' });
  });

  it('fails with States.QueryEvaluationError when the input has no applicant', async () => {
    const result = await machine().execute({ applicationId: 'L-1002', amount: 500 });
    expect(result).toMatchObject({
      status: 'FAILED',
      error: 'States.QueryEvaluationError',
      cause:
        "An error occurred while executing the state 'RecordApplication' (entered at the event id #2). " +
        "The JSONata expression '$states.input.applicant' specified for the field 'Assign/applicant' returned nothing (undefined).",
    });
    expect(result.history.find((e) => e.type === 'EvaluationFailed')?.evaluationFailedEventDetails).toMatchObject({
      error: 'States.QueryEvaluationError',
      location: 'Assign/applicant',
      state: 'RecordApplication',
    });
  });
});
