/**
 * Distributed Map ItemBatcher: the iteration inputs (items after ItemSelector), wherever they
 * came from (ItemReader, ItemsPath or Items), grouped into child inputs
 * `{ "BatchInput": ..., "Items": [...] }` of at most MaxItemsPerBatch items and at most
 * MaxInputBytesPerBatch bytes of JSON text (BatchInput only when given).
 * https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itembatcher.html
 */
import type { JsonObject, QueryLanguage } from '../../definition/types.js';
import { optionalTemplate, requiredPath } from '../io/expressions.js';
import { bindings, integerField, optionalJsonataTemplate, typedField } from '../io/jsonata.js';
import { payloadBytes } from '../io/size.js';
import type { Thread } from '../runtime.js';
import { numberAt } from './common.js';

export type ItemBatcher = (t: Thread, raw: unknown, effective: unknown, inputs: readonly unknown[]) => Promise<unknown[]>;

interface BatchLimits {
  maxItems: number | undefined;
  maxBytes: number | undefined;
  batchInput: unknown;
}

export function compileItemBatcher(batcher: JsonObject, at: string, queryLanguage: QueryLanguage): ItemBatcher {
  const where = `${at}/ItemBatcher`;
  let limits: (t: Thread, raw: unknown, effective: unknown) => Promise<BatchLimits>;
  if (queryLanguage === 'JSONata') {
    const maxItems = typedField(batcher['MaxItemsPerBatch'], 'MaxItemsPerBatch', 'integer', `${where}/MaxItemsPerBatch`);
    const maxBytes = typedField(batcher['MaxInputBytesPerBatch'], 'MaxInputBytesPerBatch', 'integer', `${where}/MaxInputBytesPerBatch`);
    const batchInput = optionalJsonataTemplate(batcher['BatchInput'], 'BatchInput', `${where}/BatchInput`);
    limits = async (t, raw) => {
      const b = bindings(t, raw);
      return {
        maxItems: await integerField(maxItems, b, 'MaxItemsPerBatch', 1),
        maxBytes: await integerField(maxBytes, b, 'MaxInputBytesPerBatch', 1),
        batchInput: batchInput === undefined ? undefined : await batchInput.evaluate(b),
      };
    };
  } else {
    const path = (field: string): ReturnType<typeof requiredPath> | undefined =>
      typeof batcher[field] === 'string' ? requiredPath(batcher[field] as string, 'ReferencePath', `${where}/${field}`) : undefined;
    const itemsPath = path('MaxItemsPerBatchPath');
    const bytesPath = path('MaxInputBytesPerBatchPath');
    const batchInput = optionalTemplate(batcher['BatchInput'], 'BatchInput', `${where}/BatchInput`);
    const literal = (field: string): number | undefined => (typeof batcher[field] === 'number' ? (batcher[field] as number) : undefined);
    limits = async (t, _raw, effective) => ({
      maxItems: itemsPath ? numberAt(itemsPath, effective, t, 'MaxItemsPerBatchPath', 'integer') : literal('MaxItemsPerBatch'),
      maxBytes: bytesPath ? numberAt(bytesPath, effective, t, 'MaxInputBytesPerBatchPath', 'integer') : literal('MaxInputBytesPerBatch'),
      batchInput: batchInput === undefined ? undefined : batchInput.evaluate(effective, t.env),
    });
  }
  return async (t, raw, effective, inputs) => {
    const { maxItems, maxBytes, batchInput } = await limits(t, raw, effective);
    const itemLimit = maxItems ?? Number.POSITIVE_INFINITY;
    const byteLimit = maxBytes ?? t.exec.limits.maxPayloadBytes;
    const batch = (items: unknown[]): unknown => (batchInput === undefined ? { Items: items } : { BatchInput: batchInput, Items: items });
    // The JSON text of `{"Items":[]}` (and the BatchInput), then each item and its comma.
    const baseBytes = payloadBytes(batch([]), Number.POSITIVE_INFINITY);
    const batches: unknown[] = [];
    let items: unknown[] = [];
    let bytes = baseBytes;
    for (const input of inputs) {
      const size = payloadBytes(input, Number.POSITIVE_INFINITY);
      if (items.length > 0 && (items.length >= itemLimit || bytes + 1 + size > byteLimit)) {
        batches.push(batch(items));
        items = [];
        bytes = baseBytes;
      }
      bytes += (items.length > 0 ? 1 : 0) + size;
      items.push(input);
    }
    if (items.length > 0) batches.push(batch(items));
    return batches;
  };
}
