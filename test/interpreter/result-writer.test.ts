import { describe, expect, it } from 'vitest';
import type { TaskHandler } from '../../src/interpreter/runtime.js';
import { run } from './helpers.js';

const PUT = 'arn:aws:states:::s3:putObject';

function machine(map: object): object {
  return {
    StartAt: 'M',
    States: {
      M: {
        Type: 'Map', Label: 'Jobs', ToleratedFailureCount: 1,
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
          StartAt: 'C',
          States: {
            C: { Type: 'Choice', Choices: [{ Variable: '$', StringEquals: 'bad', Next: 'F' }], Default: 'P' },
            F: { Type: 'Fail', Error: 'Bad', Cause: 'bad item' },
            P: { Type: 'Pass', Parameters: { 'v.$': '$' }, End: true },
          },
        },
        ...map,
        End: true,
      },
    },
  };
}

describe('Distributed Map ResultWriter (ASL-NOTES §6.6)', () => {
  it('writes SUCCEEDED_0, FAILED_0 and the manifest, and outputs the map run and the manifest key', async () => {
    const writes: { Bucket: string; Key: string; Body: string }[] = [];
    const put: TaskHandler = (input) => { writes.push(input as (typeof writes)[number]); return {}; };
    const result = await run(
      machine({ ResultWriter: { Resource: PUT, Parameters: { Bucket: 'out', Prefix: 'jobs/' } } }),
      ['a', 'bad'],
      { handlers: { [PUT]: put }, random: () => 0, name: 'Orders' },
    );
    const runArn = 'arn:aws:states:us-east-1:123456789012:mapRun:Orders/Jobs:00000000-0000-4000-8000-000000000000';
    const folder = 'jobs/00000000-0000-4000-8000-000000000000/';
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { MapRunArn: runArn, ResultWriterDetails: { Bucket: 'out', Key: `${folder}manifest.json` } } });
    expect(writes.map((w) => [w.Bucket, w.Key])).toEqual([
      ['out', `${folder}SUCCEEDED_0.json`], ['out', `${folder}FAILED_0.json`], ['out', `${folder}manifest.json`],
    ]);
    const [succeeded] = JSON.parse(writes[0]!.Body) as Record<string, unknown>[];
    expect(succeeded).toMatchObject({ Input: '"a"', Output: '{"v":"a"}', Status: 'SUCCEEDED', Name: '00000000-0000-4000-8000-000000000000_0' });
    expect(JSON.parse(writes[1]!.Body)).toMatchObject([{ Input: '"bad"', Status: 'FAILED', Error: 'Bad', Cause: 'bad item' }]);
    expect(JSON.parse(writes[2]!.Body)).toEqual({
      DestinationBucket: 'out', MapRunArn: runArn,
      ResultFiles: {
        FAILED: [{ Key: `${folder}FAILED_0.json`, Size: writes[1]!.Body.length }],
        PENDING: [],
        SUCCEEDED: [{ Key: `${folder}SUCCEEDED_0.json`, Size: writes[0]!.Body.length }],
      },
    });
    expect(result.history.find((e) => e.type === 'MapRunStarted')!.mapRunStartedEventDetails).toEqual({ mapRunArn: runArn });
  });

  it('with a WriterConfig and no Bucket, the transformed results are the output', async () => {
    const result = await run(
      machine({ ResultWriter: { WriterConfig: { OutputType: 'JSON', Transformation: 'COMPACT' } } }),
      ['a', 'b'],
    );
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: [{ v: 'a' }, { v: 'b' }] });
  });

  it('fails with aslkit.HandlerNotFound when no handler serves the Resource', async () => {
    const result = await run(machine({ ResultWriter: { Resource: PUT, Parameters: { Bucket: 'out' } } }), ['a']);
    expect(result).toMatchObject({
      status: 'FAILED', error: 'aslkit.HandlerNotFound',
      cause: "No handler for the ResultWriter of the state 'M' (Resource 'arn:aws:states:::s3:putObject'): options.handlers has no key 'arn:aws:states:::s3:putObject'. options.handlers is empty.",
    });
  });
});
