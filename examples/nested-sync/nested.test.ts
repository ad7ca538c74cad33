import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import 'aslkit/vitest';
import { createStateMachine, mockTask, returns, throws, visitedStates } from 'aslkit';
import type { MockSpec } from 'aslkit';

const parent = readFileSync(new URL('./parent.asl.json', import.meta.url), 'utf8');
const shipOrder = readFileSync(new URL('./ship-order.asl.json', import.meta.url), 'utf8');
const CHILD = 'arn:aws:states:us-east-1:123456789012:stateMachine:ShipOrder';

function machine(bookCourier: MockSpec) {
  const mock = mockTask(...(Array.isArray(bookCourier) ? bookCourier : [bookCourier]));
  // The child is compiled with the parent's handlers and runs on the parent's clock.
  const sfn = createStateMachine(parent, { handlers: { BookCourier: mock }, stateMachines: { [CHILD]: shipOrder }, clock: 'simulated' });
  return { sfn, mock };
}

describe('a parent starting a child with .sync:2', () => {
  it('waits for the child and reads its Output as JSON', async () => {
    const { sfn, mock } = machine(returns({ trackingId: 'T-1' }));
    const result = await sfn.execute({ orderId: 'o-1' });
    expect(result).toHaveSucceededWith({
      orderId: 'o-1',
      shipping: { trackingId: 'T-1', shippingExecution: expect.stringMatching(/^arn:aws:states:us-east-1:123456789012:execution:ShipOrder:/) },
    });
    expect(mock.calls[0]?.input).toEqual({ FunctionName: 'book-courier', Payload: { orderId: 'o-1' } });
    const [child] = result.childExecutions ?? [];
    expect(child?.stateName).toBe('Ship');
    expect(visitedStates(child!)).toEqual(['BookCourier']);
  });

  it('a day of retry in the child passes in virtual time', async () => {
    const { sfn } = machine([throws('NoCourier', 'none free'), returns({ trackingId: 'T-2' })]);
    const result = await sfn.execute({ orderId: 'o-2' });
    expect(result).toHaveSucceeded();
    expect(result.stopDate.getTime() - result.startDate.getTime()).toBe(86_400_000);
    const child = await result.childExecutions![0]!.result;
    expect(child).toHaveRetried('BookCourier', 1);
  });

  it('a failed child fails the parent\'s task, which its catcher takes over', async () => {
    const { sfn } = machine([throws('NoCourier', 'none free', 2)]);
    const result = await sfn.execute({ orderId: 'o-3' });
    expect(result).toHaveCaught('Ship', 'States.TaskFailed');
    expect(result).toHaveFailedWith('ShippingFailed');
    expect(await result.childExecutions![0]!.result).toHaveFailedWith('NoCourier', 'none free');
  });
});
