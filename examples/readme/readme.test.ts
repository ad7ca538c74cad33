import { expect, it } from 'vitest';
import 'aslkit/vitest';
import { createStateMachine, mockTask, returns, throws } from 'aslkit';

const definition = {
  StartAt: 'Charge',
  States: {
    Charge: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', OutputPath: '$.Payload', End: true,
      Retry: [{ ErrorEquals: ['Lambda.TooManyRequestsException'], IntervalSeconds: 60, MaxAttempts: 2 }] },
  },
};

it('retries a throttled charge, a minute later in virtual time', async () => {
  const charge = mockTask(throws('Lambda.TooManyRequestsException', 'Rate exceeded'), returns({ charged: 42 }));
  const machine = createStateMachine(definition, { handlers: { Charge: charge }, clock: 'simulated' });
  const result = await machine.execute({ orderId: 'o-1' });
  expect(result).toHaveSucceededWith({ charged: 42 });
  expect(result).toHaveRetried('Charge', 1);
});
