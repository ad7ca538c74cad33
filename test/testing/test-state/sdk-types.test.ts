import type { TestStateCommandInput, TestStateCommandOutput } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { testState } from '../../../src/index.js';
import type { TestStateInput, TestStateOutput } from '../../../src/index.js';

// The contract: a request written for AWS SDK v3's TestStateCommand runs unchanged, and the
// response reads as TestStateCommandOutput does. These assignments fail `tsc --noEmit` otherwise.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const requestKeys: Same<keyof TestStateCommandInput, keyof TestStateInput> = true;
const responseKeys: Same<Exclude<keyof TestStateCommandOutput, '$metadata'>, keyof TestStateOutput> = true;

describe('types follow AWS SDK v3 TestStateCommand', () => {
  it('takes an SDK request and answers with an SDK output', async () => {
    const request: TestStateCommandInput = {
      definition: JSON.stringify({ Type: 'Pass', Result: 'done', End: true }),
      input: '{}',
      inspectionLevel: 'INFO',
      mock: undefined,
    };
    const response: Omit<TestStateCommandOutput, '$metadata'> = await testState(request);
    expect([requestKeys, responseKeys, response]).toEqual([true, true, { output: '"done"', status: 'SUCCEEDED' }]);
  });
});
