import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import 'aslkit/vitest';
import { taskCalls, throws, returns } from 'aslkit';
import type { MockSpec } from 'aslkit';
import { order, runOrder } from './run-order.js';

const definition = readFileSync(new URL('./order.asl.json', import.meta.url), 'utf8');
const run = (mocks: Record<string, MockSpec>) => runOrder(definition, mocks);

describe('order workflow with mocks', () => {
  it('validates, charges and ships', async () => {
    const { result } = run({});
    await expect(result).resolves.toHaveSucceededWith({ ...order, validation: { total: 42 }, charge: { chargeId: 'ch-1' } });
    expect(await result).toHaveVisitedExactly(['ValidateOrder', 'ChargeCard', 'ShipOrder']);
  });

  it('retries a throttled validation twice, then goes on (the Lambda payload comes back in AWS envelope)', async () => {
    const { all, result } = run({
      ValidateOrder: [throws('Lambda.TooManyRequestsException', 'Rate exceeded', 2), returns({ total: 7 })],
    });
    const done = await result;
    expect(done).toHaveSucceeded();
    expect(done).toHaveRetried('ValidateOrder', 2);
    expect(taskCalls(done, 'ChargeCard')[0]?.input).toEqual({ FunctionName: 'charge-card', Payload: { orderId: 'o-17', amount: 7 } });
    expect(all.mock('ValidateOrder').calls.map((call) => call.attempt)).toEqual([0, 1, 2]);
    // Back-off on virtual time: 2 s, then 4 s.
    const started = done.history.filter((e) => e.type === 'TaskScheduled').slice(0, 3).map((e) => e.timestamp.getTime());
    expect([started[1]! - started[0]!, started[2]! - started[1]!]).toEqual([2000, 4000]);
  });

  it('catches a declined card, tells the customer and fails', async () => {
    const { all, result } = run({ ChargeCard: throws('PaymentDeclined', 'insufficient funds') });
    const done = await result;
    expect(done).toHaveCaught('ChargeCard', 'PaymentDeclined');
    expect(done).toHaveVisited(['ChargeCard', 'NotifyCustomer', 'OrderFailed']);
    expect(done).toHaveFailedWith('OrderNotCharged', /declined/);
    expect(all.mock('NotifyCustomer').calls[0]?.input).toMatchObject({ Message: 'Order o-17 was not charged: insufficient funds' });
  });

  it('gives up on a throttled validation after three retries', async () => {
    const { result } = run({ ValidateOrder: throws('Lambda.TooManyRequestsException', 'Rate exceeded', 4) });
    const done = await result;
    expect(done).toHaveRetried('ValidateOrder', 3);
    expect(done).toHaveFailedWith('Lambda.TooManyRequestsException', 'Rate exceeded');
    expect(done).not.toHaveVisited('ChargeCard');
  });
});
