// Shared by order.test.ts (vitest) and order.jest.test.ts (jest): the order workflow run with
// every task mocked to succeed, unless the test overrides a mock.
import { createStateMachine, mockHandlers, returns } from 'aslkit';
import type { MockSpec } from 'aslkit';

export const order = { orderId: 'o-17', items: [{ sku: 'A', qty: 2 }] };

export function runOrder(definition: string, mocks: Record<string, MockSpec>) {
  const all = mockHandlers({
    ValidateOrder: returns({ total: 42 }),
    ChargeCard: returns({ chargeId: 'ch-1' }),
    ShipOrder: returns({ MessageId: 'm-1' }),
    NotifyCustomer: returns({ MessageId: 'm-2' }),
    ...mocks,
  });
  const machine = createStateMachine(definition, { handlers: all.handlers, clock: 'simulated' });
  return { all, result: machine.execute(order) };
}
