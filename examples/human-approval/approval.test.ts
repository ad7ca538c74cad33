import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import 'aslkit/vitest';
import { createStateMachine, SimulatedClock } from 'aslkit';

const definition = readFileSync(new URL('./approval.asl.json', import.meta.url), 'utf8');
const expense = { id: 'e-9', amount: 120 };
const MINUTE = 60_000;

describe('human approval with .waitForTaskToken', () => {
  it('the manager approves after 45 minutes of virtual time', async () => {
    // Time moves only when the test says so.
    const clock = new SimulatedClock({ autoAdvance: false });
    const handle = createStateMachine(definition, { clock }).start({ expense });

    const { token, input } = await handle.waitForTask('RequestApproval');
    expect(input).toEqual({ FunctionName: 'send-approval-email', Payload: { token, expense } });

    clock.advance(45 * MINUTE);
    handle.sendTaskSuccess(token, { approved: true, by: 'manager@example.com' });

    const result = await handle.result;
    expect(result).toHaveSucceededWith({ expense, approvedBy: 'manager@example.com' });
    expect(result).toHaveVisitedExactly(['RequestApproval', 'Approved?', 'Reimburse']);
    expect(result.stopDate.getTime() - result.startDate.getTime()).toBe(45 * MINUTE);
  });

  it('escalates when nobody answers within the hour (the simulated clock jumps to the timeout)', async () => {
    const result = await createStateMachine(definition, { clock: 'simulated' }).execute({ expense });
    expect(result).toHaveCaught('RequestApproval', 'States.Timeout');
    expect(result).toHaveFailedWith('ApprovalTimedOut');
    expect(result.stopDate.getTime() - result.startDate.getTime()).toBe(60 * MINUTE);
  });

  it('a rejection sent with SendTaskFailure is caught', async () => {
    const handle = createStateMachine(definition, { clock: 'simulated' }).start({ expense });
    const { token } = await handle.waitForTask('RequestApproval');
    handle.sendTaskFailure(token, 'Rejected', 'over budget');
    const result = await handle.result;
    expect(result).toHaveCaught('RequestApproval', 'Rejected');
    expect(result).toHaveFailedWith('ExpenseRejected');
  });

  it('an answer after the timeout is refused, as AWS refuses it', async () => {
    const clock = new SimulatedClock({ autoAdvance: false });
    const handle = createStateMachine(definition, { clock }).start({ expense });
    const { token } = await handle.waitForTask('RequestApproval');
    clock.advance(61 * MINUTE);
    expect(await handle.result).toHaveFailedWith('ApprovalTimedOut');
    expect(() => handle.sendTaskSuccess(token, { approved: true })).toThrow(expect.objectContaining({ error: 'TaskTimedOut' }));
  });
});
