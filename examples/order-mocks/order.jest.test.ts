// The vitest example order.test.ts, ported to jest (examples/jest.config.cjs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import 'aslkit/jest';
import { returns, throws } from 'aslkit';
import type { MockSpec } from 'aslkit';
import { order, runOrder } from './run-order';

const definition = readFileSync(join(__dirname, 'order.asl.json'), 'utf8');
const run = (mocks: Record<string, MockSpec>) => runOrder(definition, mocks);

describe('order workflow with mocks (jest)', () => {
  it('validates, charges and ships', async () => {
    const done = await run({}).result;
    expect(done).toHaveSucceededWith({ ...order, validation: { total: 42 }, charge: { chargeId: 'ch-1' } });
    expect(done).toHaveVisitedExactly(['ValidateOrder', 'ChargeCard', 'ShipOrder']);
  });

  it('retries a throttled validation twice, then goes on', async () => {
    const done = await run({ ValidateOrder: [throws('Lambda.TooManyRequestsException', 'Rate exceeded', 2), returns({ total: 7 })] }).result;
    expect(done).toHaveSucceeded();
    expect(done).toHaveRetried('ValidateOrder', 2);
  });

  it('catches a declined card, tells the customer and fails', async () => {
    const { all, result } = run({ ChargeCard: throws('PaymentDeclined', 'insufficient funds') });
    const done = await result;
    expect(done).toHaveCaught('ChargeCard', 'PaymentDeclined');
    expect(done).toHaveFailedWith('OrderNotCharged', expect.stringContaining('declined'));
    expect(all.mock('NotifyCustomer').calls[0]?.input).toMatchObject({ Message: 'Order o-17 was not charged: insufficient funds' });
  });

  it('shows the path in a failure message', () => {
    return run({ ChargeCard: throws('PaymentDeclined', 'insufficient funds') }).result.then((done) => {
      expect(() => expect(done).toHaveSucceeded()).toThrow(/Path taken:\n {4}1\. ValidateOrder\n {4}2\. ChargeCard\n {4}3\. NotifyCustomer/);
    });
  });
});
