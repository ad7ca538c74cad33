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
  try {
    const copied = copy(value, []);
    return copied === undefined ? null : copied;
  } catch (thrown) {
    if (thrown instanceof Refused) throw new NotJsonData(thrown.what, `$${thrown.steps.reverse().join('')}`);
    throw thrown;
  }
}

/**
 * What copy() throws: the path is gathered while the error unwinds (innermost step first),
 * so copying valid data builds no path text at all.
 */
class Refused {
  readonly steps: string[] = [];
  constructor(readonly what: string) {}
}

function within(thrown: unknown, step: string): unknown {
  if (thrown instanceof Refused) thrown.steps.push(step);
  return thrown;
}

function copy(value: unknown, ancestors: object[]): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new Refused('a non-finite number');
      return value;
    case 'bigint':
      throw new Refused('a BigInt');
    case 'symbol':
      throw new Refused('a Symbol');
    case 'function':
      throw new Refused('a function');
  }
  if (value === null) return null;
  const object = value as Record<string, unknown>;
  const toJSON = object['toJSON'];
  if (typeof toJSON === 'function') return copy(toJSON.call(object), ancestors);
  if (ancestors.includes(object)) throw new Refused('a cycle');
  ancestors.push(object);
  let out: unknown;
  if (Array.isArray(object)) {
    const list = new Array<unknown>(object.length);
    for (let i = 0; i < object.length; i++) {
      let item: unknown;
      try {
        item = copy(object[i], ancestors);
      } catch (thrown) {
        throw within(thrown, `[${i}]`);
      }
      list[i] = item === undefined ? null : item;
    }
    out = list;
  } else {
    const record: Record<string, unknown> = {};
    for (const key of Object.keys(object)) {
      let item: unknown;
      try {
        item = copy(object[key], ancestors);
      } catch (thrown) {
        throw within(thrown, `.${key}`);
      }
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
