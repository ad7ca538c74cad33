import { describe, expect, it } from 'vitest';
import { run, single } from './helpers.js';

const GET = 'arn:aws:states:::s3:getObject';

function readerMap(readerConfig: object): object {
  return single({
    Type: 'Map',
    ItemReader: { Resource: GET, ReaderConfig: readerConfig, Parameters: { 'Bucket.$': '$.b', 'Key.$': '$.k' } },
    ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
    End: true,
  });
}

describe('ItemReader (ASL-NOTES §6.6)', () => {
  const body = (text: string) => ({ [GET]: (input: unknown) => ((input as { Key: string }).Key === 'f' ? text : 'missing') });

  it.each([
    ['CSV with a header row; short rows pad with ""', { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' }, 'A,B\n1,"x,y"\n2\n', [{ A: '1', B: 'x,y' }, { A: '2', B: '' }]],
    ['CSV with given headers and MaxItems', { InputType: 'CSV', CSVHeaderLocation: 'GIVEN', CSVHeaders: ['H'], MaxItems: 1 }, 'a,b\nc,d', [{ H: 'a' }]],
    ['JSON', { InputType: 'JSON' }, '[1,{"a":2}]', [1, { a: 2 }]],
    ['JSONL', { InputType: 'JSONL' }, '{"a":1}\n{"a":2}\n', [{ a: 1 }, { a: 2 }]],
  ])('%s', async (_name, config, text, expected) => {
    const result = await run(readerMap(config), { b: 'bucket', k: 'f' }, { handlers: body(text) });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: expected });
  });

  it.each([
    [{ InputType: 'JSON' }, '{"Hello":"world"}', 'Attempting to map over non-iterable node.'],
    [{ InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' }, 'A,A\n1,2', 'CSV headers cannot contain duplicates.'],
    [{ InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW', MaxItemsPath: '$.max' }, 'A\n1', 'field MaxItems must be positive'],
  ])('%j fails with States.ItemReaderFailed', async (config, text, cause) => {
    const result = await run(readerMap(config), { b: 'bucket', k: 'f', max: -1 }, { handlers: body(text) });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.ItemReaderFailed', cause });
    expect(result.history.map((e) => e.type)).toEqual([
      'ExecutionStarted', 'MapStateEntered', 'MapStateStarted', 'MapRunStarted', 'MapRunFailed', 'MapStateFailed', 'ExecutionFailed',
    ]);
  });
});

describe('an oversized task result', () => {
  it('is a States.DataLimitExceeded that States.ALL can catch (ASL-NOTES §10 #2)', async () => {
    const result = await run(
      { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'H' }], End: true }, H: { Type: 'Pass', End: true } } },
      {},
      { handlers: { T: () => 'é'.repeat(140_000) } },
    );
    expect(result.output).toEqual({
      Error: 'States.DataLimitExceeded',
      Cause: "The state/task 'arn:aws:states:::lambda:invoke' returned a result with a size exceeding the maximum number of bytes service limit.",
    });
  });
});
