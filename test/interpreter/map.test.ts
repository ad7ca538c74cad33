import { describe, expect, it } from 'vitest';
import { run, single } from './helpers.js';

const TASK = 'arn:aws:states:::dynamodb:putItem';
const GET = 'arn:aws:states:::s3:getObject';
const LIST = 'arn:aws:states:::s3:listObjectsV2';
const DISTRIBUTED = { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' };

/** A distributed Map whose child workflow hands its input to the handler of T. */
function distributed(fields: object, queryLanguage: 'JSONPath' | 'JSONata' = 'JSONPath'): object {
  return {
    QueryLanguage: queryLanguage,
    ...single({
      Type: 'Map',
      ItemProcessor: { ProcessorConfig: DISTRIBUTED, StartAt: 'T', States: { T: { Type: 'Task', Resource: TASK, End: true } } },
      End: true,
      ...fields,
    }),
  };
}

describe('ItemBatcher groups the items wherever they come from', () => {
  const seen = (fields: object): { inputs: unknown[]; handlers: Record<string, (input: unknown) => unknown> } => {
    const inputs: unknown[] = [];
    const handlers: Record<string, (input: unknown) => unknown> = { T: (input) => { inputs.push(input); return 'ok'; } };
    if ('ItemReader' in fields) handlers[GET] = () => '[1,2,3]';
    return { inputs, handlers };
  };
  it.each<[string, object, 'JSONPath' | 'JSONata', unknown, unknown[]]>([
    ['ItemsPath', { ItemsPath: '$.items', ItemBatcher: { MaxItemsPerBatch: 2 } }, 'JSONPath', { items: [1, 2, 3] }, [{ Items: [1, 2] }, { Items: [3] }]],
    ['Items', { Items: [1, 2, 3], ItemBatcher: { MaxItemsPerBatch: 2 } }, 'JSONata', {}, [{ Items: [1, 2] }, { Items: [3] }]],
    ['an ItemReader', { ItemReader: { Resource: GET, ReaderConfig: { InputType: 'JSON' }, Parameters: { Bucket: 'b', Key: 'k' } }, ItemBatcher: { MaxItemsPerBatch: 2 } }, 'JSONPath', {}, [{ Items: [1, 2] }, { Items: [3] }]],
    ['MaxItemsPerBatchPath and BatchInput', { ItemBatcher: { MaxItemsPerBatchPath: '$.n', BatchInput: { 'run.$': '$.run' } }, ItemsPath: '$.items' }, 'JSONPath', { n: 1, run: 'r', items: ['a', 'b'] },
      [{ BatchInput: { run: 'r' }, Items: ['a'] }, { BatchInput: { run: 'r' }, Items: ['b'] }]],
    ['MaxInputBytesPerBatch', { ItemsPath: '$.items', ItemBatcher: { MaxInputBytesPerBatch: 20 } }, 'JSONPath', { items: ['aaaa', 'bbbb', 'cccc'] },
      [{ Items: ['aaaa'] }, { Items: ['bbbb'] }, { Items: ['cccc'] }]],
  ])('from %s', async (_label, fields, language, input, expected) => {
    const { inputs, handlers } = seen(fields);
    const result = await run(distributed(fields, language), input, { handlers });
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toEqual(expected.map(() => 'ok'));
    expect(inputs).toEqual(expected);
  });
});

describe('a JSONata Items that is not an array', () => {
  it.each<[string, string, string]>([
    ['an object', '{% {"a": 1} %}', "Expected 'array', but was 'object'"],
    ['a string', '{% "abc" %}', "Expected 'array', but was 'string'"],
    ['a number', '{% 1 %}', "Expected 'array', but was 'number'"],
  ])('%s is States.QueryEvaluationError', async (_label, items, message) => {
    const result = await run({
      QueryLanguage: 'JSONata',
      ...single({ Type: 'Map', Items: items, ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true }),
    });
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('States.QueryEvaluationError');
    expect(result.cause).toContain(message);
  });
});

describe('an ItemReader handler that returns the wrong shape', () => {
  const reader = (resource: string, config: object): object => distributed({
    ItemReader: { Resource: resource, ReaderConfig: config, Parameters: { Bucket: 'b', Key: 'k' } },
  });
  const text = "the S3 object's content as a string";
  it.each<[string, string, object, unknown, string]>([
    ['a Buffer for JSON', GET, { InputType: 'JSON' }, Buffer.from('[1]'), `${text} (or, for InputType JSON, its parsed JSON value), but returned a Buffer.`],
    ['{ Body } for CSV', GET, { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' }, { Body: 'a\n1' }, `${text}, but returned an object with the keys Body.`],
    ['null for JSONL', GET, { InputType: 'JSONL' }, null, `${text}, but returned null.`],
    ['null for JSON', GET, { InputType: 'JSON' }, null, `${text} (or, for InputType JSON, its parsed JSON value), but returned null.`],
    ['no Contents for ListObjectsV2', LIST, {}, { KeyCount: 0 }, "S3's ListObjectsV2 response, { Contents: [...] }, or its Contents array, but returned an object with the keys KeyCount."],
  ])('%s is States.ItemReaderFailed naming the expected shape', async (_label, resource, config, response, expected) => {
    const result = await run(reader(resource, config), {}, { handlers: { [resource]: () => response, T: () => 'ok' } });
    expect(result).toMatchObject({
      status: 'FAILED',
      error: 'States.ItemReaderFailed',
      cause: `The ItemReader handler for '${resource}' must return ${expected}`,
    });
  });
});
