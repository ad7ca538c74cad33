import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import 'aslkit/vitest';
import { always, createStateMachine, mockTask, returns, StatesError, taskCalls } from 'aslkit';

const definition = readFileSync(new URL('./payouts.asl.json', import.meta.url), 'utf8');
const csv = ['seller,amount', 's1,10', 's2,20', 's3,30', 's4,40', 's5,50', 's6,60', 's7,70', 's8,80'].join('\n');
const input = { bucket: 'payouts', key: '2026-12/sellers.csv', currency: 'EUR' };

interface Batch { BatchInput: { currency: string }; Items: { seller: string; amount: string }[] }
/** What lambda:invoke sends (its Parameters); the mock answers with the function's payload. */
interface Invoke { FunctionName: string; Payload: Batch }

/** Pays every batch (`always`: one answer for every invocation), or fails one with a seller in `failing`. */
function payBatch(failing: string[]) {
  return mockTask(always(({ Payload: batch }: Invoke) => {
    const bad = batch.Items.find((item) => failing.includes(item.seller));
    if (bad !== undefined) throw new StatesError('PaymentFailed', `seller ${bad.seller}`);
    return { paid: batch.Items.map((item) => item.seller), total: batch.Items.reduce((sum, item) => sum + Number(item.amount), 0) };
  }));
}

function machine(failing: string[]) {
  const reader = mockTask(returns(csv));
  const pay = payBatch(failing);
  const sfn = createStateMachine(definition, {
    handlers: { 'arn:aws:states:::s3:getObject': reader, PayBatch: pay },
    clock: 'simulated',
  });
  return { sfn, reader, pay };
}

describe('distributed Map over a CSV with ItemBatcher and ToleratedFailurePercentage', () => {
  it('reads the CSV once and pays 2 rows per child execution', async () => {
    const { sfn, reader, pay } = machine([]);
    const result = await sfn.execute(input);
    expect(result).toHaveSucceeded();
    expect(result.output).toEqual([
      { paid: ['s1', 's2'], total: 30 }, { paid: ['s3', 's4'], total: 70 },
      { paid: ['s5', 's6'], total: 110 }, { paid: ['s7', 's8'], total: 150 },
    ]);
    expect(reader.calls.map((call) => call.input)).toEqual([{ Bucket: 'payouts', Key: '2026-12/sellers.csv' }]);
    expect(pay.calls[0]?.input).toEqual({
      FunctionName: 'pay-sellers',
      Payload: { BatchInput: { currency: 'EUR' }, Items: [{ seller: 's1', amount: '10' }, { seller: 's2', amount: '20' }] },
    });
    expect(pay.calls).toHaveLength(4);
  });

  it('tolerates one failed batch in four (25%)', async () => {
    const { sfn, pay } = machine(['s3']);
    const result = await sfn.execute(input);
    expect(result).toHaveSucceeded();
    expect(pay.calls).toHaveLength(4);
    // The child executions keep their own histories; the parent records the Map Run.
    expect(taskCalls(result, 'PayBatch')).toEqual([]);
    expect(result).toHaveVisitedExactly(['PayAll']);
  });

  it('fails the Map when more than 25% of the batches fail', async () => {
    const { sfn } = machine(['s1', 's8']);
    const result = await sfn.execute(input);
    expect(result).toHaveFailedWith('States.ExceedToleratedFailureThreshold');
  });
});
