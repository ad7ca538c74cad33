/**
 * Indefinite paths go through jsonpath-plus with script evaluation off; definite ones never do.
 * Where jsonpath-plus on its own answers differently from Jayway (AWS), the raw jsonpath-plus
 * answer is shown beside ours.
 */
import { JSONPath } from 'jsonpath-plus';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compilePath } from '../../../src/expressions/paths/path.js';
import type { CompiledPath } from '../../../src/expressions/paths/path.js';
import type { EvaluationEnv } from '../../../src/expressions/types.js';

const env: EvaluationEnv = { context: { Execution: { Name: 'exec' } }, variables: { rows: [[1, 2], [3]] }, random: () => 0.5 };

function compiled(text: string): CompiledPath {
  const result = compilePath(text);
  if (!result.ok) throw new Error(`expected ${text} to compile: ${result.issues[0]?.message}`);
  return result.value;
}

/** What jsonpath-plus alone returns, script evaluation off. */
function plain(path: string, json: unknown): unknown {
  return JSONPath({ path, json: json as object, wrap: true, eval: false });
}

interface EngineCall {
  path: unknown;
  eval: unknown;
}

/** Records each jsonpath-plus evaluation: the query text and the instance's `eval` option. */
function spyOnJsonPathPlus(): EngineCall[] {
  const calls: EngineCall[] = [];
  const prototype = (JSONPath as unknown as { prototype: { evaluate: (...args: unknown[]) => unknown } }).prototype;
  const original = prototype.evaluate;
  vi.spyOn(prototype, 'evaluate').mockImplementation(function (this: { eval: unknown }, ...args: unknown[]) {
    calls.push({ path: args[0], eval: this.eval });
    return original.apply(this, args);
  });
  return calls;
}

afterEach(() => {
  vi.restoreAllMocks();
});

const shop = {
  items: [
    { name: 'pen', price: 5, tags: ['x'] },
    { name: 'book', price: 12 },
    { name: 'cup', price: 9.5, tags: [] },
  ],
  names: ['abc', 'de'],
  list: [10, 20, 30, 40],
  nested: { price: 1, inner: { price: 20, deeper: [{ price: 30 }] } },
  byNumber: { '0': 'zero' },
};

describe('which paths jsonpath-plus evaluates', () => {
  it.each([
    ['$.items[*].name', ['$[*]'], false, ['pen', 'book', 'cup']],
    ['$.list[1:3]', ['$[1:3]'], false, [20, 30]],
    ['$.list[0,2]', ['$[0,2]'], false, [10, 30]],
    ['$..price', ['$..'], false, [5, 12, 9.5, 1, 20, 30]],
    ['$rows[*][*]', ['$[*]', '$[*]', '$[*]'], false, [1, 2, 3]],
  ])('%s: queries %j with eval: false', (text, queries, evalOption, expected) => {
    const calls = spyOnJsonPathPlus();
    expect(compiled(text).evaluate(shop, env)).toEqual(expected);
    expect(calls.map((call) => call.path)).toEqual(queries);
    for (const call of calls) expect(call.eval).toBe(evalOption);
  });

  it('a filter query carries an opaque id, and eval is our callback, never a script engine', () => {
    const calls = spyOnJsonPathPlus();
    expect(compiled('$.items[?(@.price < 10)].name').evaluate(shop, env)).toEqual(['pen', 'cup']);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.path).toMatch(/^\$\[\?\(aslkitFilter\d+\)\]$/);
    expect(typeof calls[0]?.eval).toBe('function');
    expect((calls[0]?.eval as { name: string }).name).toBe('bound runFilter');
  });

  it.each(['$.items[0].name', "$['items'][-1]['price']", '$$.Execution.Name', '$rows[1][0]', '$.list.length()'])(
    'definite %s: never calls jsonpath-plus',
    (text) => {
      const calls = spyOnJsonPathPlus();
      expect(compiled(text).evaluate(shop, env)).not.toBeUndefined();
      expect(calls).toEqual([]);
    },
  );
});

describe('behaviour through jsonpath-plus, with concrete values', () => {
  it.each([
    ['$.list[1:]', [20, 30, 40]],
    ['$.list[:2]', [10, 20]],
    ['$.list[-2:]', [30, 40]],
    ['$.list[:-3]', [10]],
    ['$.list[2:99]', [30, 40]],
    ['$.list[3:1]', []],
    ['$.items[?(@.tags)].name', ['pen', 'cup']],
    ['$.items[?(@.price > 6 && @.price < 20)].name', ['book', 'cup']],
    ['$.items[?(@.name == "cup" || @.price == 5)].price', [5, 9.5]],
    ['$.items[?(@.price < $.nested.inner.price)].name', ['pen', 'book', 'cup']],
    ['$.nested..price', [1, 20, 30]],
    ['$..deeper[*].price', [30]],
    ['$.nested..[?(@.price > 10)]', [{ price: 20, deeper: [{ price: 30 }] }, { price: 30 }]],
    ['$..[?(@.price == 1)].inner.price', [20]],
    ['$.nested.*', [1, { price: 20, deeper: [{ price: 30 }] }]],
    ['$.items[*].tags[*]', ['x']],
  ])('%s', (text, expected) => {
    expect(compiled(text).evaluate(shop, env)).toEqual(expected);
  });
});

describe('where jsonpath-plus alone differs from Jayway (AWS), our answer and its answer', () => {
  it.each([
    // Jayway reads names only from objects; jsonpath-plus finds `length` on strings and arrays.
    ['$.names[*].length', [], [3, 2]],
    // Jayway's [a:0] is empty; jsonpath-plus reads an end of 0 as "to the end".
    ['$.list[0:0]', [], [10, 20, 30, 40]],
    // Jayway counts negative indices from the end; jsonpath-plus looks for a key "-1".
    ['$.list[-1,0]', [40, 10], [10]],
    // Jayway reads indices only from arrays; jsonpath-plus indexes into strings.
    ['$.names[*][0]', [], ['a', 'd']],
    // Jayway's index union reads arrays only; jsonpath-plus takes keys "0" and "1" of an object.
    ['$.byNumber[0,1]', [], ['zero']],
  ])('%s', (text, ours, theirs) => {
    expect(compiled(text).evaluate(shop, env)).toEqual(ours);
    expect(plain(text, shop)).toEqual(theirs);
  });

  it("a scanned filter tests each object itself, the root first (jsonpath-plus tests children and skips the root)", () => {
    const doc = { price: 1, a: { price: 2, b: { price: 3 } }, c: [{ price: 4 }] };
    expect(compiled('$..[?(@.price)].price').evaluate(doc, env)).toEqual([1, 2, 3, 4]);
  });

  it('a filter on an object tests the object (jsonpath-plus would test its values)', () => {
    expect(compiled('$.nested[?(@.price == 1)].inner.price').evaluate(shop, env)).toEqual([20]);
  });

  it('after a wildcard a key literally named like the next step is not taken for it', () => {
    expect(compiled('$[*][*]').evaluate([{ '*': 1, b: 2 }], env)).toEqual([1, 2]);
  });

  it('a name union at the end merges into one object per node; in the middle it lists values', () => {
    expect(compiled("$.items[*]['name','price']").evaluate(shop, env)).toEqual([
      { name: 'pen', price: 5 },
      { name: 'book', price: 12 },
      { name: 'cup', price: 9.5 },
    ]);
    expect(compiled("$.nested['price','inner'].price").evaluate(shop, env)).toEqual([20]);
  });
});

describe('script evaluation stays off', () => {
  it.each([
    ["$[?(@.constructor.constructor('return process')())]", 'Expected a property name in the filter', 18],
    ['$.items[?(@.price < 10 || globalThis.pwned = 1)]', 'Unsupported filter expression at position 26', 26],
    ["$[?(@.a == require('child_process'))]", 'Unsupported filter expression at position 11', 11],
    ['$[(@.length-1)]', 'Script expressions [(...)] are not supported', 2],
  ])('%s is a compile error', (text, detail, offset) => {
    expect(compilePath(text)).toEqual({ ok: false, issues: [{ message: `Value is not a valid JSONPath: ${detail}`, offset, data: { detail } }] });
  });

  it('no filter, however written, reaches a script engine', () => {
    const calls = spyOnJsonPathPlus();
    const doc: unknown = JSON.parse('{"a": [{"constructor": 1}, {"toString": "x"}]}');
    expect(compiled('$.a[?(@.constructor)]').evaluate(doc, env)).toEqual([{ constructor: 1 }]);
    expect(compiled("$.a[?(@['toString'] == 'x')]").evaluate(doc, env)).toEqual([{ toString: 'x' }]);
    expect(calls.map((call) => (call.eval as { name?: string }).name)).toEqual(['bound runFilter', 'bound runFilter']);
  });
});
