/**
 * Distributed Map ItemReader (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html): the reader's request is evaluated like a
 * task's Parameters / Arguments and sent to the handler registered under its Resource
 * (`arn:aws:states:::s3:getObject`, `…:s3:listObjectsV2`); what comes back is turned into
 * items per ReaderConfig (JSON, JSONL, CSV; ListObjectsV2 contents), capped by MaxItems.
 */
import { parsePointer } from '../../definition/diagnostic.js';
import { StatesError } from '../../definition/errors.js';
import type { JsonObject, QueryLanguage } from '../../definition/types.js';
import { StateFailure, toErrorOutput } from '../errors.js';
import { inputPath, optionalTemplate, requiredPath } from '../io/expressions.js';
import { bindings, integerField, optionalJsonataTemplate, typedField } from '../io/jsonata.js';
import { handlerNotFound, resourceHandler } from '../handlers.js';
import { copyJson } from '../io/json.js';
import { nextInvocation } from '../runtime.js';
import type { Thread } from '../runtime.js';

/** AWS caps MaxItems at 100,000,000 (https://docs.aws.amazon.com/step-functions/latest/dg/state-map.html). */
const MAX_ITEMS_CAP = 100_000_000;

export type ItemReader = (t: Thread, raw: unknown, effective: unknown) => Promise<unknown[]>;

function readerFailure(cause: string): StateFailure {
  return new StateFailure('States.ItemReaderFailed', cause);
}

export function compileItemReader(reader: JsonObject, at: string, queryLanguage: QueryLanguage, stateName: string): ItemReader {
  const resource = String(reader['Resource'] ?? '');
  const config = (reader['ReaderConfig'] ?? {}) as Record<string, unknown>;
  let request: (t: Thread, raw: unknown, effective: unknown) => unknown;
  let maxItems: (t: Thread, raw: unknown, effective: unknown) => unknown;
  if (queryLanguage === 'JSONata') {
    const args = optionalJsonataTemplate(reader['Arguments'], 'Arguments', `${at}/ItemReader/Arguments`);
    const max = typedField(config['MaxItems'], 'MaxItems', 'integer', `${at}/ItemReader/ReaderConfig/MaxItems`);
    request = (t, raw) => (args === undefined ? {} : args.evaluate(bindings(t, raw)));
    maxItems = (t, raw) => integerField(max, bindings(t, raw), 'MaxItems', Number.MIN_SAFE_INTEGER);
  } else {
    const parameters = optionalTemplate(reader['Parameters'], 'Parameters', `${at}/ItemReader/Parameters`);
    const pathText = typeof config['MaxItemsPath'] === 'string' ? config['MaxItemsPath'] : undefined;
    const path = pathText === undefined ? undefined : requiredPath(pathText, 'ReferencePath', `${at}/ItemReader/ReaderConfig/MaxItemsPath`);
    request = (t, _raw, effective) => (parameters === undefined ? {} : parameters.evaluate(effective, t.env));
    maxItems = (t, _raw, effective) => {
      if (path === undefined) return config['MaxItems'];
      const value = inputPath(path, effective, t.env);
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
      if (!Number.isInteger(n)) {
        throw new StatesError(
          'States.Runtime',
          `The MaxItemsPath field refers to value "${typeof value === 'string' ? value : JSON.stringify(value)}" which is not a valid integer: ${pathText}`,
        );
      }
      return n;
    };
  }
  return async (t, raw, effective) => {
    const params = await request(t, raw, effective);
    const max = (await maxItems(t, raw, effective)) as number | undefined;
    if (max !== undefined && max < 0) throw readerFailure('field MaxItems must be positive');
    const handler = resourceHandler(t.exec.handlers, resource);
    if (!handler) throw handlerNotFound(`the ItemReader of the state '${stateName}'`, '', resource, Object.keys(t.exec.handlers));
    let response: unknown;
    try {
      response = await handler(copyJson(params), {
        stateName, resource, attempt: 0, invocation: nextInvocation(t.exec, resource), context: t.env.context, signal: t.signal, heartbeat: () => {},
      });
    } catch (thrown) {
      const { error, cause } = toErrorOutput(thrown);
      throw new StateFailure(error, cause);
    }
    const items = toItems(resource, response, config);
    const limit = max === undefined || max === 0 ? MAX_ITEMS_CAP : Math.min(max, MAX_ITEMS_CAP);
    return items.length > limit ? items.slice(0, limit) : items;
  };
}

/** How a value a handler returned reads in an error: its type, or an object's keys. */
function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (value instanceof Uint8Array) return 'a Buffer';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    return keys.length === 0 ? 'an empty object' : `an object with the keys ${keys.slice(0, 5).join(', ')}`;
  }
  return `a ${typeof value}`;
}

function wrongShape(resource: string, expected: string, response: unknown): StateFailure {
  return readerFailure(`The ItemReader handler for '${resource}' must return ${expected}, but returned ${describeValue(response)}.`);
}

/**
 * The items of what the reader's handler returned: for ListObjectsV2, S3's response
 * (`{ Contents: [...] }`) or its Contents array; otherwise the object's content as text
 * (a JSON value already parsed is taken too when InputType is JSON). Any other shape is an
 * error naming the expected one, never a Map over no items.
 */
function toItems(resource: string, response: unknown, config: Record<string, unknown>): unknown[] {
  if (resource.endsWith(':listObjectsV2')) {
    const contents = Array.isArray(response) ? response : (response as { Contents?: unknown[] } | null)?.Contents;
    if (!Array.isArray(contents)) throw wrongShape(resource, "S3's ListObjectsV2 response, { Contents: [...] }, or its Contents array", response);
    return contents;
  }
  const inputType = typeof config['InputType'] === 'string' ? config['InputType'] : 'JSON';
  const body = typeof response === 'string' ? response : undefined;
  if (body === undefined && (inputType !== 'JSON' || response === null || typeof response !== 'object' || response instanceof Uint8Array)) {
    const parsed = inputType === 'JSON' ? ' (or, for InputType JSON, its parsed JSON value)' : '';
    throw wrongShape(resource, `the S3 object's content as a string${parsed}`, response);
  }
  switch (inputType) {
    case 'CSV':
      return csvItems(body!, config);
    case 'JSONL':
      return body!.split(/\r?\n/).filter((line) => line.trim() !== '').map((line) => parseJson(line));
    default: {
      let value = body === undefined ? copyJson(response) : parseJson(body);
      const pointer = config['ItemsPointer'];
      if (typeof pointer === 'string' && pointer !== '') value = resolvePointer(value, pointer);
      if (!Array.isArray(value)) throw readerFailure('Attempting to map over non-iterable node.');
      return value;
    }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw readerFailure('The object content is not valid JSON.');
  }
}

function resolvePointer(value: unknown, pointer: string): unknown {
  let node = value;
  for (const key of parsePointer(pointer)) {
    node = node !== null && typeof node === 'object' && Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}

const DELIMITERS: Record<string, string> = { COMMA: ',', PIPE: '|', SEMICOLON: ';', SPACE: ' ', TAB: '\t' };

/** CSV rows as objects keyed by header, every value a string (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html). */
function csvItems(body: string, config: Record<string, unknown>): unknown[] {
  const delimiter = DELIMITERS[String(config['CSVDelimiter'] ?? 'COMMA')] ?? ',';
  const rows = parseCsv(body, delimiter);
  let headers: string[];
  if (config['CSVHeaderLocation'] === 'GIVEN') {
    headers = Array.isArray(config['CSVHeaders']) ? config['CSVHeaders'].map(String) : [];
  } else {
    headers = rows.shift() ?? [];
  }
  if (new Set(headers).size !== headers.length) throw readerFailure('CSV headers cannot contain duplicates.');
  return rows.map((row) => {
    const item: Record<string, string> = {};
    headers.forEach((h, i) => {
      item[h] = row[i] ?? '';
    });
    return item;
  });
}

/** RFC 4180 fields: quotes around a field, "" for a quote inside one; a trailing newline ends no row. */
function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
