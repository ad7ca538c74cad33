import { describe, expect, it } from 'vitest';
import { INTRINSIC_FUNCTIONS } from '../../../src/expressions/intrinsics/index.js';
import { makeEnv, run, sequence } from './helpers.js';

const nine = [1, 2, 3, 4, 5, 6, 7, 8, 9];

/** [text, input, expected]: ASL-NOTES §3.4 "Observed exact behaviour" and §12 vector 6, then our own edge cases. */
const ROWS: ReadonlyArray<readonly [string, unknown, unknown]> = [
  // States.Format
  ["States.Format('Formatting argument {}.', $.x)", { x: { Arg1: 1, Arg2: [] } }, 'Formatting argument {Arg1=1, Arg2=[]}.'],
  ["States.Format('Formatting argument {}.', $.x)", { x: null }, 'Formatting argument null.'],
  ["States.Format('{} {} {} {}', 1.1, 'text', true, null)", {}, '1.1 text true null'],
  ["States.Format('[{}]', $.list)", { list: [1, 'a', [true, null], { k: 'v' }] }, '[[1, a, [true, null], {k=v}]]'],
  ["States.Format('{}', $.o)", { o: { a: { b: [1, 2] }, c: 'x' } }, '{a={b=[1, 2]}, c=x}'],
  ["States.Format('plain')", {}, 'plain'],
  ["States.Format('It\\'s \\{{}\\} \\\\ {}', 'x', 2)", {}, "It's {x} \\ 2"],
  ["States.Format('{}', '{}')", {}, '{}'],
  ["States.Format($.template, $.a, 7)", { template: 'a={} b={}', a: 'A' }, 'a=A b=7'],
  ["States.Format('Hello, my name is {}.', $$.Execution.Name)", {}, 'Hello, my name is exec-1.'],
  ["States.Format('{} and {}', $greeting, $person.name)", {}, 'hi and Ana'],
  // States.StringToJson
  ['States.StringToJson($.s)', { s: '' }, null],
  ['States.StringToJson($.s)', { s: ' ' }, null],
  ["States.StringToJson(' ')", {}, null],
  ['States.StringToJson($.s)', { s: '"HelloWorld"' }, 'HelloWorld'],
  ['States.StringToJson($.s)', { s: '{"a":[1,{"b":null}],"c":true}' }, { a: [1, { b: null }], c: true }],
  ["States.StringToJson('\\{\"constant_in_literal\": \"false\"\\}')", {}, { constant_in_literal: 'false' }],
  // States.JsonToString
  ['States.JsonToString($.x)', { x: { Arg1: 1, Arg2: [] } }, '{"Arg1":1,"Arg2":[]}'],
  ['States.JsonToString($.x)', { x: null }, 'null'],
  ['States.JsonToString($.x)', { x: 'HelloWorld' }, '"HelloWorld"'],
  // States.Array
  ['States.Array()', {}, []],
  ["States.Array(1, 'a', true, null, $.o, States.Array())", { o: { k: [1] } }, [1, 'a', true, null, { k: [1] }, []]],
  // States.ArrayPartition
  ['States.ArrayPartition($.a, 2)', { a: [] }, []],
  ['States.ArrayPartition($.a, 2)', { a: [0, 1, 2] }, [[0, 1], [2]]],
  ['States.ArrayPartition($.a, 5)', { a: [0] }, [[0]]],
  ['States.ArrayPartition($.a, 4)', { a: nine }, [[1, 2, 3, 4], [5, 6, 7, 8], [9]]],
  ['States.ArrayPartition($.a, 2.6)', { a: [1, 2, 3, 4, 5] }, [[1, 2], [3, 4], [5]]],
  ['States.ArrayPartition($.a, 2147483647)', { a: [1, 2, 3] }, [[1, 2, 3]]],
  // States.ArrayContains
  ['States.ArrayContains($.a, $.v)', { a: [[1, 2, 3], 2], v: [1, 2, 3] }, true],
  ['States.ArrayContains($.a, $.v)', { a: [{ '1': 2, '2': [] }], v: { '2': [], '1': 2 } }, true],
  ['States.ArrayContains($.a, 3)', { a: [1, 2] }, false],
  ["States.ArrayContains($.a, '1')", { a: [1] }, false],
  ['States.ArrayContains($.a, null)', { a: [0, null] }, true],
  // States.ArrayRange
  ['States.ArrayRange(0, 9, 3)', {}, [0, 3, 6, 9]],
  ['States.ArrayRange(0, 10, 3)', {}, [0, 3, 6, 9]],
  ['States.ArrayRange(1, 9, 9)', {}, [1]],
  ['States.ArrayRange(5, 1, -2)', {}, [5, 3, 1]],
  ['States.ArrayRange(1, 5, -1)', {}, []],
  ['States.ArrayRange(-1, 1, 1)', {}, [-1, 0, 1]],
  ['States.ArrayRange($.s, $.e, $.st)', { s: 1.9, e: 3.9, st: 1.5 }, [1, 2, 3]],
  // States.ArrayGetItem
  ['States.ArrayGetItem($.a, 5)', { a: nine }, 6],
  ['States.ArrayGetItem($.a, 1.2)', { a: [10, 20, 30] }, 20],
  ['States.ArrayGetItem($.a, 999)', { a: [] }, null],
  ['States.ArrayGetItem($.a, 0)', { a: [null] }, null],
  ["States.ArrayGetItem(States.Array('x', 'y', 'z'), 1)", {}, 'y'],
  // States.ArrayLength
  ['States.ArrayLength($.a)', { a: nine }, 9],
  ['States.ArrayLength($.a)', { a: [] }, 0],
  // States.ArrayUnique
  ['States.ArrayUnique($.a)', { a: [1, 2, 3, 3, 3, 3, 3, 3, 4] }, [1, 2, 3, 4]],
  ['States.ArrayUnique($.a)', { a: [1, '1', { a: 1, b: [2] }, { b: [2], a: 1 }, [1], [1], null, null] }, [1, '1', { a: 1, b: [2] }, [1], null]],
  // States.Base64Encode / States.Base64Decode
  ["States.Base64Encode('Data to encode')", {}, 'RGF0YSB0byBlbmNvZGU='],
  ["States.Base64Encode('')", {}, ''],
  ["States.Base64Encode('✓')", {}, '4pyT'],
  ["States.Base64Encode('🚀')", {}, '8J+agA=='],
  ["States.Base64Encode(States.Format('{}-{}', $.a, $.b))", { a: 'x', b: 'y' }, 'eC15'],
  ['States.Base64Encode($.s)', { s: 'こんにちは' }, '44GT44KT44Gr44Gh44Gv'],
  ["States.Base64Decode('RGF0YSB0byBlbmNvZGU=')", {}, 'Data to encode'],
  ["States.Base64Decode('')", {}, ''],
  ["States.Base64Decode('44GT44KT44Gr44Gh44Gv')", {}, 'こんにちは'],
  ['States.Base64Decode($.s)', { s: 'YWJjAGRlZg==' }, 'abc\u0000def'],
  // Java's MIME decoder (recorded on AWS): foreign characters are skipped, padding is optional.
  ["States.Base64Decode(' YWJjZA== ')", {}, 'abcd'],
  ["States.Base64Decode('YWJjZA')", {}, 'abcd'],
  ["States.Base64Decode('ab==cd')", {}, 'i'],
  ["States.Base64Decode(States.Base64Encode('round trip ✓'))", {}, 'round trip ✓'],
  // States.Hash
  ["States.Hash('input data', 'MD5')", {}, '812f45842bc6d66ee14572ce20db8e86'],
  ["States.Hash('input data', 'SHA-1')", {}, 'aaff4a450a104cd177d28d18d74485e8cae074b7'],
  ["States.Hash('input data', 'SHA-256')", {}, 'b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3'],
  [
    "States.Hash('input data', 'SHA-384')",
    {},
    'd28a7d5cf25a74f11a50a18452b75e04bb3d70c9dd0510d6123aa008c756511b87525bdc835ebb27e1fb9e9374a15562',
  ],
  [
    "States.Hash('input data', 'SHA-512')",
    {},
    '6ce4adb348546d4f449c4d25aad9a7c9cb711d9e91982d3f0b29ca2f3f47d4ce2deba23bf2954f0f1d593fc50283731a533d30d425402d4f91316d871303aac4',
  ],
  ['States.Hash($.d, $.alg)', { d: '✓ é', alg: 'SHA-256' }, '0e0d01c3034e495312e28541e2b274f863fa011afdf81c7e3abe089504e8bef8'],
  // States.JsonMerge
  [
    'States.JsonMerge($.a, $.b, false)',
    { a: { a: { a1: 1, a2: 2 }, b: 2, d: 3 }, b: { a: { a3: 1, a4: 2 }, c: 3, d: 4 } },
    { a: { a3: 1, a4: 2 }, b: 2, c: 3, d: 4 },
  ],
  ['States.JsonMerge($.a, $.b, $.deep)', { a: {}, b: { x: 1 }, deep: false }, { x: 1 }],
  // States.MathAdd (every §3.4 value)
  ['States.MathAdd(1.49, 1.5)', {}, 3],
  ['States.MathAdd(1.5, 1.51)', {}, 4],
  ['States.MathAdd(-1.5, 0)', {}, -1],
  ['States.MathAdd(-2.5, 0)', {}, -2],
  ['States.MathAdd(0.5, 0)', {}, 1],
  ['States.MathAdd(-0.5, 0.5)', {}, 1],
  ['States.MathAdd(-1.49, -1.5)', {}, -2],
  ['States.MathAdd(-1.5, -1.51)', {}, -3],
  ['States.MathAdd($.a, $.b)', { a: 1.6, b: 2.7 }, 5],
  ['States.MathAdd($.val, -1)', { val: 111 }, 110],
  ['States.MathAdd(2147483646, 1)', {}, 2147483647],
  ['States.MathAdd(-2147483647, -1)', {}, -2147483648],
  ['States.MathAdd(States.MathAdd($.x, 1), 2)', { x: 5 }, 8],
  ['States.MathAdd($x, $y)', {}, 5],
  ['States.MathAdd($$.Execution.Input.offset, $.delta)', { delta: 5 }, 15],
  // States.StringSplit (every §3.4 value)
  ["States.StringSplit(' , ', ',')", {}, [' ', ' ']],
  ["States.StringSplit(',,,,', ',')", {}, []],
  ["States.StringSplit('This.is+a,test=string', '.+,=')", {}, ['This', 'is', 'a', 'test', 'string']],
  ["States.StringSplit('split on T and \nnew line', 'T\n')", {}, ['split on ', ' and ', 'new line']],
  ["States.StringSplit('Hello\nWorld', '\n')", {}, ['Hello', 'World']],
  ["States.StringSplit('', ',')", {}, []],
  ["States.StringSplit('abc', '')", {}, ['abc']],
];

const env = makeEnv({
  context: { Execution: { Name: 'exec-1', Input: { offset: 10 } }, StateMachine: { Name: 'order-flow-v2' } },
  variables: { greeting: 'hi', person: { name: 'Ana' }, x: 2, y: 3 },
});

describe('intrinsic functions: recorded and edge-case values', () => {
  it.each(ROWS)('%s with %j gives %j', (text, input, expected) => {
    expect(run(text, input, env)).toStrictEqual(expected);
  });

  it('reaches every row of the function table', () => {
    const called = new Set([...ROWS.map(([text]) => text), 'States.MathRandom', 'States.UUID'].flatMap((text) => text.match(/States\.\w+/g) ?? []));
    expect(INTRINSIC_FUNCTIONS.map((fn) => fn.name).filter((name) => !called.has(name))).toEqual([]);
  });

  it('keeps JsonMerge key order: the first object, then new keys of the second', () => {
    const merged = run('States.JsonMerge($.a, $.b, false)', { a: { z: 1, y: 2 }, b: { x: 3, z: 4 } });
    expect(Object.keys(merged as object)).toEqual(['z', 'y', 'x']);
    expect(merged).toStrictEqual({ z: 4, y: 2, x: 3 });
  });

  it('StringToJson turns "-0" into 0, not -0', () => {
    expect(Object.is(run('States.StringToJson($.s)', { s: '-0' }), 0)).toBe(true);
  });

  it('MathAdd never returns -0', () => {
    expect(Object.is(run('States.MathAdd(-0.4, 0)'), 0)).toBe(true);
  });

  it('ArrayRange allows exactly 1000 elements', () => {
    expect(run('States.ArrayRange(1, 1000, 1)')).toHaveLength(1000);
  });

  it('Base64Encode and Hash accept exactly 10000 characters', () => {
    expect(run('States.Base64Encode($.s)', { s: 'a'.repeat(10000) })).toHaveLength(13336);
    expect(run("States.Hash($.s, 'MD5')", { s: 'a'.repeat(10000) })).toMatch(/^[0-9a-f]{32}$/);
    expect(run('States.Base64Decode($.s)', { s: 'A'.repeat(10000) })).toHaveLength(7500);
  });

  it('evaluates the nested ArrayGetItem / StringSplit / MathAdd example of §3.4', () => {
    const text =
      "States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), States.MathAdd(States.ArrayLength(States.StringSplit($$.StateMachine.Name, '-')), -1))";
    expect(run(text, {}, env)).toBe('v2');
  });

  it('evaluates the same compiled expression many times with different inputs', () => {
    const format = run.bind(null, "States.Format('n={}', $.n)");
    expect([1, 2, 3].map((n) => format({ n }, env))).toEqual(['n=1', 'n=2', 'n=3']);
  });
});

describe('States.MathRandom', () => {
  // Seeded draws equal Java's `start + new Random(seed).nextInt(end - start)` (values printed by a JVM).
  it.each([
    ['States.MathRandom(1, 100, 42)', 63],
    ['States.MathRandom(1, 1000, 1)', 106],
    ['States.MathRandom(1, 10, -10)', 1],
    ['States.MathRandom(0, 64, 42)', 46],
    ['States.MathRandom(0, 2147483647, 7)', 1569164236],
    ['States.MathRandom(0, 1000000, 123456789012)', 712462],
    ['States.MathRandom(1.9, 100.9, 42.7)', 63],
  ] as const)('%s is %d whatever env.random says', (text, expected) => {
    expect(run(text)).toBe(expected);
  });

  it('gives the same number for the same seed on every evaluation', () => {
    const values = Array.from({ length: 5 }, () => run('States.MathRandom($.s, $.e, $.seed)', { s: 1, e: 10, seed: 42 }));
    expect(new Set(values).size).toBe(1);
  });

  it.each([
    ['States.MathRandom(1, 999)', 0, 1],
    ['States.MathRandom(1, 999)', 0.5, 500],
    ['States.MathRandom(1, 999)', 0.999999, 998],
    // bounds are truncated like Java ints: (1.6, 5.4) draws from [1, 5)
    ['States.MathRandom(1.6, 5.4)', 0, 1],
    ['States.MathRandom(1.6, 5.4)', 0.99, 4],
    ['States.MathRandom(-1000000, 1000000)', 0.25, -500000],
  ] as const)('%s with env.random() = %d is %d', (text, random, expected) => {
    expect(run(text, {}, makeEnv({ random: () => random }))).toBe(expected);
  });
});

describe('States.UUID', () => {
  it('builds a version 4 UUID from env.random bytes', () => {
    const bytes = [0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff];
    const random = sequence(...bytes.map((byte) => (byte + 0.5) / 256));
    expect(run('States.UUID()', {}, makeEnv({ random }))).toBe('00112233-4455-4677-8899-aabbccddeeff');
  });

  it('is a v4 UUID for any random source', () => {
    const uuid = run('States.UUID()', {}, makeEnv({ random: Math.random }));
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
