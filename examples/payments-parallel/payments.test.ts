import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createStateMachine, StatesError, type HistoryEvent, type TaskHandler } from '../../src/index.js';

const definition = readFileSync(new URL('./payments.asl.json', import.meta.url), 'utf8');
const payment = { customerId: 'c-42', amountCents: 1250, currency: 'EUR', card: { token: 'tok_visa' } };
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A small deterministic generator, so States.UUID() is reproducible. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

function machine(overrides: Record<string, TaskHandler> = {}, seed = 7) {
  const handlers: Record<string, TaskHandler> = {
    ScreenForFraud: () => ({ riskScore: 12 }),
    AuthorizeCard: () => ({ authorizationId: 'auth-9', feeCents: 35 }),
    LookUpLoyalty: () => ({ Item: { customerId: { S: 'c-42' }, tier: { S: 'gold' }, points: { N: '1200' } } }),
    CapturePayment: (input) => {
      const { Payload } = input as { Payload: { totalCents: number } };
      return { captureId: 'cap-1', totalCents: Payload.totalCents };
    },
    NotifyCustomer: () => ({ MessageId: 'msg-1' }),
    ...overrides,
  };
  return createStateMachine(definition, { handlers, clock: 'simulated', random: seeded(seed) });
}

/** The history outside RunChecks in order, and the branch events (which interleave) sorted. */
function trace(history: HistoryEvent[]): { outer: string[]; branches: string[] } {
  const names = history.map((e) => {
    const name = e.stateEnteredEventDetails?.name ?? e.stateExitedEventDetails?.name;
    return name === undefined ? e.type : `${e.type} ${name}`;
  });
  const start = names.indexOf('ParallelStateStarted') + 1;
  const end = names.findIndex((n) => n === 'ParallelStateFailed' || n === 'ParallelStateExited RunChecks');
  return { outer: [...names.slice(0, start), ...names.slice(end)], branches: names.slice(start, end).sort() };
}

describe('payments example (Parallel, intrinsics, variables)', () => {
  it('captures the authorized amount plus the fee and builds the receipt', async () => {
    const result = await machine().execute(payment);
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toEqual({
      paymentId: expect.stringMatching(UUID_V4),
      outcome: 'CAPTURED',
      receipt: { captureId: 'cap-1', totalCents: 1285, tier: 'gold', points: '1200' },
      summary: 'Charged 1285 cents (EUR) to customer c-42',
    });
  });

  it('gives every branch the Parallel Parameters and keys the authorization by the payment id', async () => {
    const seen: Record<string, unknown> = {};
    const record = (name: string, result: unknown): TaskHandler => (input) => ((seen[name] = input), result);
    const result = await machine({
      ScreenForFraud: record('fraud', { riskScore: 3 }),
      AuthorizeCard: record('authorize', { authorizationId: 'auth-1', feeCents: 0 }),
      LookUpLoyalty: record('loyalty', { Item: { tier: { S: 'basic' }, points: { N: '0' } } }),
    }).execute(payment);
    const { paymentId } = result.output as { paymentId: string };
    expect(seen).toEqual({
      fraud: { customerId: 'c-42', amountCents: 1250 },
      authorize: {
        FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:authorize-card',
        Payload: { paymentId, card: { token: 'tok_visa' }, amountCents: 1250, idempotencyKey: `${paymentId}-authorize` },
      },
      loyalty: { TableName: 'loyalty-accounts', Key: { customerId: { S: 'c-42' } } },
    });
  });

  it('reads the variables assigned two states earlier when capturing', async () => {
    let capture: unknown;
    const result = await machine({
      CapturePayment: (input) => ((capture = input), { captureId: 'cap-2', totalCents: 1285 }),
    }).execute(payment);
    const { paymentId } = result.output as { paymentId: string };
    expect(capture).toEqual({
      FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:capture-payment',
      Payload: {
        paymentId,
        authorizationId: 'auth-9',
        totalCents: 1285,
        memo: 'Order payment for c-42 (gold tier)',
      },
    });
    const assigned = result.history
      .filter((e) => e.stateExitedEventDetails?.assignedVariables)
      .map((e) => [e.stateExitedEventDetails!.name, e.stateExitedEventDetails!.assignedVariables]);
    expect(assigned).toEqual([
      ['PreparePayment', { paymentId: JSON.stringify(paymentId), customerId: '"c-42"' }],
      ['RunChecks', { authorizationId: '"auth-9"' }],
      ['CapturePayment', { outcome: '"CAPTURED"' }],
    ]);
  });

  it('draws States.UUID() from the injected random', async () => {
    const id = async (seed: number) => ((await machine({}, seed).execute(payment)).output as { paymentId: string }).paymentId;
    const [a, again, other] = [await id(7), await id(7), await id(8)];
    expect(a).toMatch(UUID_V4);
    expect(again).toBe(a);
    expect(other).not.toBe(a);
  });

  it('records the outer states in order around the interleaved branch events', async () => {
    const { history } = await machine().execute(payment);
    expect(trace(history)).toEqual({
      outer: [
        'ExecutionStarted',
        'PassStateEntered PreparePayment',
        'PassStateExited PreparePayment',
        'ParallelStateEntered RunChecks',
        'ParallelStateStarted',
        'ParallelStateExited RunChecks',
        'TaskStateEntered CapturePayment',
        'TaskScheduled',
        'TaskStarted',
        'TaskSucceeded',
        'TaskStateExited CapturePayment',
        'PassStateEntered Receipt',
        'PassStateExited Receipt',
        'ExecutionSucceeded',
      ],
      branches: [
        'ChoiceStateEntered IsRisky',
        'ChoiceStateExited IsRisky',
        // A Lambda function ARN records Lambda events; service integrations record Task events.
        'LambdaFunctionScheduled',
        'LambdaFunctionStarted',
        'LambdaFunctionSucceeded',
        'PassStateEntered Cleared',
        'PassStateExited Cleared',
        'TaskScheduled',
        'TaskScheduled',
        'TaskStarted',
        'TaskStarted',
        'TaskStateEntered AuthorizeCard',
        'TaskStateEntered LookUpLoyalty',
        'TaskStateEntered ScreenForFraud',
        'TaskStateExited AuthorizeCard',
        'TaskStateExited LookUpLoyalty',
        'TaskStateExited ScreenForFraud',
        'TaskSucceeded',
        'TaskSucceeded',
      ],
    });
  });

  it('catches a declined card, notifies the customer and fails with the branch error', async () => {
    let notification: unknown;
    const result = await machine({
      AuthorizeCard: () => {
        throw new StatesError('CardDeclined', 'insufficient funds');
      },
      NotifyCustomer: (input) => ((notification = input), { MessageId: 'msg-2' }),
    }).execute(payment);
    expect(result).toMatchObject({ status: 'FAILED', error: 'CardDeclined', cause: 'insufficient funds' });
    const exited = result.history.find((e) => e.type === 'ParallelStateExited')?.stateExitedEventDetails;
    // The catcher's ResultPath adds the error to the Parallel's raw input; only its Assign ran.
    expect(exited).toMatchObject({
      output: { customerId: 'c-42', failure: { Error: 'CardDeclined', Cause: 'insufficient funds' } },
      assignedVariables: { outcome: '"REJECTED"' },
    });
    const paymentId = (exited?.output as { paymentId: string }).paymentId;
    expect(notification).toEqual({
      TopicArn: 'arn:aws:sns:us-east-1:123456789012:payment-events',
      Message: `Payment ${paymentId} for customer c-42 was REJECTED: CardDeclined`,
    });
    expect(trace(result.history).outer).toEqual([
      'ExecutionStarted',
      'PassStateEntered PreparePayment',
      'PassStateExited PreparePayment',
      'ParallelStateEntered RunChecks',
      'ParallelStateStarted',
      'ParallelStateFailed',
      'ParallelStateExited RunChecks',
      'TaskStateEntered NotifyCustomer',
      'TaskScheduled',
      'TaskStarted',
      'TaskSucceeded',
      'TaskStateExited NotifyCustomer',
      'FailStateEntered PaymentRejected',
      'ExecutionFailed',
    ]);
  });

  it('fails the fraud branch with a Cause built by States.Format in CausePath', async () => {
    const result = await machine({ ScreenForFraud: () => ({ riskScore: 92 }) }).execute(payment);
    expect(result).toMatchObject({ status: 'FAILED', error: 'FraudSuspected', cause: 'Risk score 92 is at or above 80' });
  });

  it('cancels the other branches as soon as one fails', async () => {
    let cancelled = false;
    const result = await machine({
      // Screening answers only when told to stop: the Parallel must not wait for it.
      ScreenForFraud: (_input, { signal }) =>
        new Promise((_resolve, reject) => {
          signal.addEventListener('abort', () => {
            cancelled = true;
            reject(new Error('cancelled'));
          });
        }),
      AuthorizeCard: () => {
        throw new StatesError('CardDeclined', 'card expired');
      },
    }).execute(payment);
    expect(cancelled).toBe(true);
    expect(result).toMatchObject({ status: 'FAILED', error: 'CardDeclined', cause: 'card expired' });
  });

  it('routes an unexpected branch error to the States.ALL catcher', async () => {
    const result = await machine({
      LookUpLoyalty: () => {
        throw new StatesError('DynamoDB.ResourceNotFoundException', 'Requested resource not found');
      },
    }).execute(payment);
    const paymentId = (result.history.find((e) => e.type === 'ParallelStateExited')?.stateExitedEventDetails?.output as { paymentId: string })
      .paymentId;
    expect(result).toMatchObject({
      status: 'FAILED',
      error: 'PaymentError',
      cause: `Payment ${paymentId} failed: DynamoDB.ResourceNotFoundException`,
    });
    const exited = result.history.find((e) => e.type === 'ParallelStateExited')?.stateExitedEventDetails;
    expect(exited?.assignedVariables).toBeUndefined();
  });

  // AWS-validated recordings (LocalStack's snapshot tests PARALLEL_CATCH_ERROR_OUTPUT and
  // SQS_PARALLEL_WAIT_FOR_TASK_TOKEN) show a TaskStateAborted right after the TaskFailed of a
  // task that fails inside a Parallel branch.
  it('records TaskStateAborted after the branch task that failed', async () => {
    const result = await machine({
      AuthorizeCard: () => {
        throw new StatesError('CardDeclined', 'insufficient funds');
      },
    }).execute(payment);
    const failed = result.history.find((e) => e.type === 'TaskFailed');
    const aborted = result.history.find((e) => e.type === 'TaskStateAborted');
    expect(aborted?.previousEventId).toBe(failed?.id);
  });
});
