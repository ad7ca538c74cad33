import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePath } from '../../../src/expressions/paths/path.js';
import type { CompiledPath } from '../../../src/expressions/paths/path.js';
import type { EvaluationEnv } from '../../../src/expressions/types.js';

const env: EvaluationEnv = {
  context: { Execution: { Input: { orderId: 'o-1' }, Name: 'exec' }, State: { Name: 'S' } },
  variables: { order: { number: 42, lines: ['a', 'b'] }, flag: false, nothing: null },
  random: () => 0.5,
};

function compiled(text: string, kind?: 'Path' | 'ReferencePath'): CompiledPath {
  const result = compilePath(text, kind);
  if (!result.ok) throw new Error(`expected ${text} to compile: ${result.issues[0]?.message}`);
  return result.value;
}

const doc = {
  a: { b: [{ 'c d': 'deep' }, { x: 1 }] },
  'a.b': 'dotted key',
  "it's": 'quoted',
  list: [10, 20, 30, 40],
  zero: 0,
  nil: null,
  no: false,
};

describe('definite paths', () => {
  it.each([
    ['$', doc],
    ['$.a.b[0]', { 'c d': 'deep' }],
    ["$.a.b[0]['c d']", 'deep'],
    ['$.a.b[0]["c d"]', 'deep'],
    ["$['a.b']", 'dotted key'],
    ["$['it\\'s']", 'quoted'],
    ['$.list[0]', 10],
    ['$.list[3]', 40],
    ['$.list[-1]', 40],
    ['$.list[-4]', 10],
    ['$[ \'list\' ][ 1 ]', 20],
    ['$.zero', 0],
    ['$.nil', null],
    ['$.no', false],
    ['$.list.length()', 4],
    ['$.list.sum()', 100],
    ['$.list.max()', 40],
    ['$.list.avg()', 25],
    ['$.a.keys()', ['b']],
    ["$['zero','nil','absent']", { zero: 0, nil: null }],
  ])('%s', (text, expected) => {
    const path = compiled(text);
    expect(path.definite).toBe(true);
    expect(path.evaluate(doc, env)).toEqual(expected);
  });

  it.each([
    ['$$', env.context],
    ['$$.Execution.Input', { orderId: 'o-1' }],
    ['$$.Execution.Input.orderId', 'o-1'],
    ['$$.State.Name', 'S'],
    ['$order', { number: 42, lines: ['a', 'b'] }],
    ['$order.number', 42],
    ['$order.lines[0]', 'a'],
    ["$order['lines'][-1]", 'b'],
    ['$flag', false],
    ['$nothing', null],
  ])('%s reads the context object or a variable', (text, expected) => {
    expect(compiled(text).evaluate({ ignored: true }, env)).toEqual(expected);
  });

  it.each([
    ['$.missing'],
    ['$.a.missing.deeper'],
    ['$.list[4]'],
    ['$.list[-5]'],
    ['$.zero.x'],
    ['$.list.x'],
    ['$.a[0]'],
    ['$undefinedVariable'],
    ['$order.missing'],
    ['$.constructor'],
    ['$.a.toString'],
    ['$.list.length'],
  ])('%s does not resolve: undefined, no throw', (text) => {
    expect(compiled(text).evaluate(doc, env)).toBeUndefined();
  });

  it('reports the root, variable and keys of a plain path', () => {
    expect(compiled('$order.lines[1]')).toMatchObject({ root: 'variable', variable: 'order', keys: ['lines', 1] });
    expect(compiled('$$.Execution.Id')).toMatchObject({ root: 'context', variable: undefined, keys: ['Execution', 'Id'] });
    expect(compiled('$.a[*]')).toMatchObject({ root: 'input', keys: undefined, definite: false });
  });

  it('looks variables up with `in`, so a scope may inherit from its parent', () => {
    const outer = { shared: 'outer value' };
    const scoped: EvaluationEnv = { ...env, variables: Object.create(outer) as Record<string, unknown> };
    expect(compiled('$shared').evaluate({}, scoped)).toBe('outer value');
  });
});

describe('indefinite paths return arrays', () => {
  const items = {
    items: [
      { name: 'pen', price: 5, tags: ['x'] },
      { name: 'book', price: 12, tags: [] },
      { name: 'cup', price: 9.5 },
      { name: 'free', price: 0, tags: null },
    ],
    list: [{ keep: true }, { keep: false }, { other: 1 }],
    d: { x: { a: [1, 2] } },
    store: { a: 1, b: { a: 2, c: { a: 3 } } },
    matrix: [[1, 2], [3], []],
  };
  it.each([
    ['$.items[*].name', ['pen', 'book', 'cup', 'free']],
    ['$.items.*.price', [5, 12, 9.5, 0]],
    ['$.store.*', [1, { a: 2, c: { a: 3 } }]],
    ['$.items[?(@.price < 10)].name', ['pen', 'cup', 'free']],
    ['$.items[?(@.price <= 12 && @.price > 5)].name', ['book', 'cup']],
    ['$.items[?(@.price == 0 || @.name == "pen")].name', ['pen', 'free']],
    ["$.items[?(@.name != 'pen')].name", ['book', 'cup', 'free']],
    ['$.items[?(@.tags)].name', ['pen', 'book', 'free']],
    ['$.items[?(@.price >= $.items[1].price)].name', ['book']],
    ["$.items[?(@['name'] == 'cup')].price", [9.5]],
    ['$.items[?(@.name > "c")].name', ['pen', 'cup', 'free']],
    ['$.items[?(@.price == "5")].name', []],
    ['$.items[?((@.price < 1 || @.price > 11) && @.tags)].name', ['book', 'free']],
    ['$.list[?(@.keep)]', [{ keep: true }, { keep: false }]],
    ['$.list[?(@.keep == false)]', [{ keep: false }]],
    ['$.list[?(@.keep != true)]', [{ keep: false }, { other: 1 }]],
    ['$.d..a', [[1, 2]]],
    ['$.d..a[*]', [1, 2]],
    ['$.store..a', [1, 2, 3]],
    ['$..c.a', [3]],
    ['$.matrix[*][*]', [1, 2, 3]],
    ['$.matrix[0][0:1]', [1]],
    ['$.matrix[0:2]', [[1, 2], [3]]],
    ['$.items[-2:].name', ['cup', 'free']],
    ['$.items[:1].name', ['pen']],
    ['$.items[0,2].name', ['pen', 'cup']],
    ['$.items[0,9].name', ['pen']],
    ['$.matrix[*][?(@ > 1)]', [2, 3]],
    ['$.nothing[*]', []],
    ['$.items[?(@.price > 100)]', []],
    ['$..zzz', []],
    ['$.store.a[*]', []],
  ])('%s', (text, expected) => {
    const path = compiled(text);
    expect(path.definite).toBe(false);
    expect(path.evaluate(items, env)).toEqual(expected);
  });

  it('a filter on an object tests the object itself (Jayway)', () => {
    expect(compiled('$.o[?(@.x)]').evaluate({ o: { x: 1 } }, env)).toEqual([{ x: 1 }]);
  });

  it('indefinite variable and context paths', () => {
    expect(compiled('$order.lines[*]').evaluate({}, env)).toEqual(['a', 'b']);
    expect(compiled('$missing[*]').evaluate({}, env)).toEqual([]);
    expect(compiled('$$.Execution.*').evaluate({}, env)).toEqual([{ orderId: 'o-1' }, 'exec']);
  });

  it('deep scan visits a node before its children, in document order', () => {
    expect(compiled('$..*').evaluate({ a: { b: 1 }, c: [2] }, env)).toEqual([{ b: 1 }, [2], 1, 2]);
  });
});

describe('explainMissing: AWS cause texts for a definite path that finds nothing', () => {
  it.each([
    ['$.NoSuchInputPath', { a: 1 }, "No results for path: $['NoSuchInputPath']"],
    ['$.no.such.result.path', {}, "Missing property in path $['no']"],
    ['$.a.b', { a: {} }, "No results for path: $['a']['b']"],
    ['$.a.b.c', { a: {} }, "Missing property in path $['a']['b']"],
    ['$.a[3]', { a: [1] }, "No results for path: $['a'][3]"],
    ['$.a[3].b', { a: [1] }, "No results for path: $['a'][3]['b']"],
    ['$.a.b', { a: 5 }, "Expected to find an object with property ['b'] in path $['a'] but found 'number'"],
    ['$.a.b', { a: null }, "Expected to find an object with property ['b'] in path $['a'] but found 'null'"],
    ['$.a[0]', { a: 'str' }, "Expected to find an array with index [0] in path $['a'] but found 'string'"],
    ['$nope', {}, 'No results for path: $nope'],
    ['$order.no', {}, "No results for path: $order['no']"],
    ['$$.Execution.Nope', {}, "No results for path: $['Execution']['Nope']"],
  ])('%s on %j', (text, input, expected) => {
    expect(compiled(text).explainMissing(input, env)).toBe(expected);
  });
});

describe('compile errors are data', () => {
  it.each([
    ['', 'Path', "Value is not a valid JSONPath: Path didn't start with '$'", 0],
    ['a.b', 'Path', "Value is not a valid JSONPath: Path didn't start with '$'", 0],
    ['$.', 'Path', "Value is not a valid JSONPath: Path must not end with a '.'", 2],
    ['$..', 'Path', "Value is not a valid JSONPath: Path must not end with '..'", 3],
    ['$.a..', 'Path', "Value is not a valid JSONPath: Path must not end with '..'", 5],
    ['$[', 'Path', "Value is not a valid JSONPath: Unexpected end of path after '['", 2],
    ['$[]', 'Path', "Value is not a valid JSONPath: Unexpected ']' after '['", 2],
    ["$['a'", 'Path', "Value is not a valid JSONPath: Unclosed '[' at position 1", 5],
    ["$['a", 'Path', 'Value is not a valid JSONPath: Unterminated string starting at position 2', 2],
    ['$.a b', 'Path', "Value is not a valid JSONPath: Use bracket notation ['my prop'] if a property contains blank characters", 3],
    ['$x y', 'Path', "Value is not a valid JSONPath: Unexpected character ' ' at position 2", 2],
    ['$-', 'Path', "Value is not a valid JSONPath: Unexpected character '-' at position 1", 1],
    ['$[(@.length-1)]', 'Path', 'Value is not a valid JSONPath: Script expressions [(...)] are not supported', 2],
    ['$[?(@.a.constructor("x"))]', 'Path', 'Value is not a valid JSONPath: Expected a property name in the filter', 8],
    ['$[?(@.a =~ /x/)]', 'Path', 'Value is not a valid JSONPath: Unsupported filter operator at position 8', 8],
    ['$[?(process.exit())]', 'Path', 'Value is not a valid JSONPath: Unsupported filter expression at position 4', 4],
    ['$[?(@.a == x)]', 'Path', 'Value is not a valid JSONPath: Unsupported filter expression at position 11', 11],
    ['$[?(@.a == 1', 'Path', "Value is not a valid JSONPath: Expected ')' at position 12 but found the end of the path", 12],
    ['$[?(1)]', 'Path', 'Value is not a valid JSONPath: A filter must test @ or $ (for example [?(@.price < 10)] or [?(@.tags)])', 4],
    ['$[?(@.a in [1])]', 'Path', 'Value is not a valid JSONPath: Unsupported filter operator at position 8', 8],
    ['$.a.foo()', 'Path', "Value is not a valid JSONPath: Unknown function 'foo()'", 4],
    ['$.a.length().b', 'Path', "Value is not a valid JSONPath: A function must be the last step of a path: 'length()'", 12],
    ['$.a[1:2:1]', 'Path', 'Value is not a valid JSONPath: Slices with a step are not supported', 7],
    ['a', 'ReferencePath', "Value is not a Reference Path: Reference path didn't start with '$'", 0],
    ['$.a[*]', 'ReferencePath', "Value is not a Reference Path: Reference path can't contain '*'", 4],
    ['$.a.*', 'ReferencePath', "Value is not a Reference Path: Reference path can't contain '*'", 4],
    ['$..a', 'ReferencePath', "Value is not a Reference Path: Reference path can't contain '..'", 1],
    ['$.a[?(@.x > 1)]', 'ReferencePath', "Value is not a Reference Path: '[' must be followed by ' or a number", 3],
    ['$.a[0,1]', 'ReferencePath', "Value is not a Reference Path: Reference path can't contain ','", 5],
    ["$['a','b']", 'ReferencePath', "Value is not a Reference Path: Reference path can't contain ','", 5],
    ['$.a[1:]', 'ReferencePath', "Value is not a Reference Path: Reference path can't contain ':'", 5],
    ['$.a.length()', 'ReferencePath', "Value is not a Reference Path: Reference path can't contain functions", 10],
  ] as const)('%j as a %s', (text, kind, message, offset) => {
    // The issue also carries its explanation as data, without the lead that names the field kind.
    const detail = message.slice(message.indexOf(': ') + 2);
    expect(compilePath(text, kind)).toEqual({ ok: false, issues: [{ message, offset, data: { detail } }] });
  });

  it.each([
    ['$.[0].body', 'Path', [{ body: 'b' }], 'b'],
    ['$.Snapshots.[0].State', 'Path', { Snapshots: [{ State: 'completed' }] }, 'completed'],
    ["$.a.['b c']", 'ReferencePath', { a: { 'b c': 1 } }, 1],
    ['$.a ', 'Path', { a: 2 }, 2],
    ['  $.a[0]  ', 'ReferencePath', { a: [3] }, 3],
  ] as const)('%j: a form Jayway accepts, read as a %s', (text, kind, input, expected) => {
    const result = compilePath(text, kind);
    expect(result.ok && result.value.evaluate(input, env)).toEqual(expected);
  });

  it('places an error in a path with spaces around it at its character in the text', () => {
    expect(compilePath('  $.a b ', 'Path')).toEqual({
      ok: false,
      issues: [
        {
          message: "Value is not a valid JSONPath: Use bracket notation ['my prop'] if a property contains blank characters",
          offset: 5,
          data: { detail: "Use bracket notation ['my prop'] if a property contains blank characters" },
        },
      ],
    });
  });

  it.each(['$', '$.a', "$.a['b c'][0]", '$.a[-1]', '$$', '$$.Execution.Input', '$var', '$var.x[0]', '$ünïcode.x'])(
    '%s is a Reference Path',
    (text) => {
      const result = compilePath(text, 'ReferencePath');
      expect(result.ok).toBe(true);
    },
  );

  it('compilePath never throws, whatever the text', () => {
    const pathish = fc.stringMatching(/^[$.@?()[\]'"*:,<>=!&| a-z0-9\\-]{0,24}$/);
    fc.assert(
      fc.property(fc.oneof(fc.string(), pathish, pathish.map((s) => '$' + s)), fc.constantFrom('Path', 'ReferencePath'), (text, kind) => {
        const result = compilePath(text, kind as 'Path' | 'ReferencePath');
        if (result.ok) {
          expect(() => result.value.evaluate({ a: [1, { b: 2 }] }, env)).not.toThrow();
        } else {
          expect(result.issues[0]?.message).toMatch(/^Value is not a (valid JSONPath|Reference Path): /);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('robustness', () => {
  it('scans very deep input without overflowing the stack', () => {
    let deep: unknown = { a: 'bottom' };
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(compiled('$..a').evaluate(deep, env)).toEqual(['bottom']);
  });

  it('never runs code from a filter', () => {
    const attempts = [
      '$[?(@.constructor.constructor("return process")().exit())]',
      '$[?(this.x)]',
      '$[?(@.a) ; process.exit()]',
      '$[?(`x`)]',
    ];
    for (const text of attempts) expect(compilePath(text).ok).toBe(false);
  });
});
