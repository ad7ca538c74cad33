import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createStateMachine, StatesError, type TaskHandler } from '../../src/index.js';

const definition = readFileSync(new URL('./order-processing.asl.json', import.meta.url), 'utf8');
const order = { orderId: 'o-17', items: [{ sku: 'A', qty: 2 }] };

function machine(overrides: Record<string, TaskHandler> = {}) {
  const handlers: Record<string, TaskHandler> = {
    ValidateOrder: () => ({ valid: true, total: 42 }),
    ReserveStock: () => ({ reserved: true }),
    ChargeCard: (input) => ({ charged: (input as { amount: number }).amount }),
    Ship: () => ({ trackingId: 'T-1' }),
    Refund: () => ({ released: true }),
    ...overrides,
  };
  return createStateMachine(definition, { handlers, clock: 'simulated', random: () => 0.5 });
}

describe('order processing example', () => {
  it('ships a valid order and keeps the input with the fulfilment results', async () => {
    const result = await machine().execute(order);
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toEqual({
      ...order,
      validation: { valid: true, total: 42 },
      fulfilment: [{ reserved: true }, { charged: 42 }],
    });
  });

  it('passes the idempotency key built by States.Format to the charge task', async () => {
    let seen: unknown;
    await machine({ ChargeCard: (input) => ((seen = input), { charged: 1 }) }).execute(order);
    expect(seen).toEqual({ orderId: 'o-17', amount: 42, idempotencyKey: 'o-17-charge' });
  });

  it('rejects an invalid order through the Choice default', async () => {
    const result = await machine({ ValidateOrder: () => ({ valid: false, total: 0 }) }).execute(order);
    expect(result).toMatchObject({ status: 'FAILED', error: 'OrderRejected', cause: 'The order failed validation.' });
  });

  it('refunds when the card is declined and fails with the catcher route', async () => {
    let refundInput: unknown;
    const result = await machine({
      ChargeCard: () => {
        throw new StatesError('PaymentDeclined', 'insufficient funds');
      },
      Refund: (input) => ((refundInput = input), {}),
    }).execute(order);
    expect(result).toMatchObject({ status: 'FAILED', error: 'PaymentDeclined' });
    expect(refundInput).toMatchObject({ failure: { Error: 'PaymentDeclined', Cause: 'insufficient funds' } });
  });

  it('retries a throttled validation with back-off on the simulated clock', async () => {
    let calls = 0;
    const result = await machine({
      ValidateOrder: () => {
        calls += 1;
        if (calls < 3) throw new StatesError('Lambda.TooManyRequestsException', 'Rate exceeded');
        return { valid: true, total: 5 };
      },
    }).execute(order);
    expect(result.status).toBe('SUCCEEDED');
    expect(calls).toBe(3);
  });
});
