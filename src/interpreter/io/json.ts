/**
 * JSON data crossing the engine's edge (execution input, what a handler gets and returns).
 * AWS serialises every payload it passes to or takes from a task, so a handler sees its
 * own copy and a result is plain JSON: copying here gives the same isolation locally.
 */

/** Why a value is not JSON data, and where: `a BigInt at $.n`. */
export class NotJsonData extends Error {
  constructor(readonly what: string, readonly path: string) {
    super(`${what} at ${path}`);
    this.name = 'NotJsonData';
  }
}

/**
 * A deep copy of `value` as JSON data, or NotJsonData. As JSON.stringify does, `toJSON` is
 * honoured (a Date becomes its ISO text) and an undefined property is left out; unlike it, a
 * function, Symbol, BigInt, non-finite number or cycle is refused rather than dropped or
 * nulled. Keys are data: `__proto__` is copied as an own property.
 */
export function copyJson(value: unknown): unknown {
  const copied = copy(value, '$', []);
  return copied === undefined ? null : copied;
}

function copy(value: unknown, path: string, ancestors: object[]): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new NotJsonData('a non-finite number', path);
      return value;
    case 'bigint':
      throw new NotJsonData('a BigInt', path);
    case 'symbol':
      throw new NotJsonData('a Symbol', path);
    case 'function':
      throw new NotJsonData('a function', path);
  }
  if (value === null) return null;
  const object = value as Record<string, unknown>;
  const toJSON = object['toJSON'];
  if (typeof toJSON === 'function') return copy(toJSON.call(object), path, ancestors);
  if (ancestors.includes(object)) throw new NotJsonData('a cycle', path);
  ancestors.push(object);
  let out: unknown;
  if (Array.isArray(object)) {
    const list = new Array<unknown>(object.length);
    for (let i = 0; i < object.length; i++) {
      const item = copy(object[i], `${path}[${i}]`, ancestors);
      list[i] = item === undefined ? null : item;
    }
    out = list;
  } else {
    const record: Record<string, unknown> = {};
    for (const key of Object.keys(object)) {
      const item = copy(object[key], `${path}.${key}`, ancestors);
      if (item === undefined) continue;
      setOwn(record, key, item);
    }
    out = record;
  }
  ancestors.pop();
  return out;
}

/** `record[key] = value` with every key as data: `__proto__` becomes an own property. */
export function setOwn(record: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}
