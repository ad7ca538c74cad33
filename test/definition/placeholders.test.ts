import { describe, expect, it } from 'vitest';
import {
  intrinsicPointers,
  placeholderOccurrences,
  replaceIntrinsics,
  substituteBarePlaceholders,
  unescapeSub,
  unsubstitutedPlaceholders,
} from '../../src/definition/placeholders.js';

describe('replaceIntrinsics', () => {
  it.each<[string, unknown, unknown]>([
    ['Ref', { Ref: 'Queue' }, '${Queue}'],
    ['Ref to a pseudo parameter', { Ref: 'AWS::Region' }, '${AWS::Region}'],
    ['Fn::GetAtt as a list', { 'Fn::GetAtt': ['Fn', 'Arn'] }, '${Fn.Arn}'],
    ['Fn::GetAtt as a string', { 'Fn::GetAtt': 'Fn.Arn' }, '${Fn.Arn}'],
    ['Fn::Sub text', { 'Fn::Sub': 'arn:${AWS::Partition}:sns:x' }, 'arn:${AWS::Partition}:sns:x'],
    ['Fn::Sub with variables', { 'Fn::Sub': ['${A}-x', { A: 'a' }] }, '${A}-x'],
    ['Fn::Sub escape ${!X} as the literal ${X}', { 'Fn::Sub': '${!Lit}-${A}' }, '${Lit}-${A}'],
    ['Fn::Join', { 'Fn::Join': [':', ['arn', { Ref: 'AWS::Partition' }, { 'Fn::GetAtt': ['F', 'Arn'] }, 3]] }, 'arn:${AWS::Partition}:${F.Arn}:3'],
    ['Fn::If takes the first branch', { 'Fn::If': ['IsProd', { Ref: 'A' }, 'b'] }, '${A}'],
    ['other functions', { 'Fn::ImportValue': 'Shared' }, '${Fn::ImportValue}'],
    ['a malformed Fn::Join', { 'Fn::Join': 'x' }, '${Fn::Join}'],
    ['not an intrinsic: two keys', { Ref: 'A', Other: 1 }, { Ref: 'A', Other: 1 }],
    ['nested in states', { States: { A: { Resource: { Ref: 'F' }, Items: [{ Ref: 'I' }] } } }, { States: { A: { Resource: '${F}', Items: ['${I}'] } } }],
    ['plain data', { a: [1, 'x', null, true] }, { a: [1, 'x', null, true] }],
  ])('%s', (_, input, expected) => {
    const before = structuredClone(input);
    expect(replaceIntrinsics(input)).toEqual(expected);
    expect(input).toEqual(before);
  });
});

describe('substituteBarePlaceholders', () => {
  const values = new Map<string, unknown>([
    ['N', 30],
    ['B', false],
    ['S', '1.5e3'],
    ['Word', 'hello'],
  ]);

  it.each([
    ['{"a": ${N}}', '{"a": 30}'],
    ['{"a": ${B}}', '{"a": false}'],
    ['{"a": ${S}}', '{"a": 1.5e3}'],
    ['{"a": ${Word}}', '{"a": "${Word}"}'],
    ['{"a": ${Unknown}}', '{"a": "${Unknown}"}'],
    ['{"a": "${N}", "b": "x\\"${N}"}', '{"a": "${N}", "b": "x\\"${N}"}'],
    ['[${N}, ${N}]', '[30, 30]'],
    ['{"a": 1}', '{"a": 1}'],
  ])('%s -> %s', (text, prepared) => {
    expect(substituteBarePlaceholders(text, values).text).toBe(prepared);
  });

  it('maps offsets back: inside a replacement to the placeholder, after it by the shift', () => {
    const { text, toOriginal } = substituteBarePlaceholders('[${Word}, 7]', values);
    expect(text).toBe('["${Word}", 7]');
    expect([0, 1, 5, 10, 12].map(toOriginal)).toEqual([0, 1, 1, 8, 10]);
  });
});

describe('substituteBarePlaceholders with names nothing substitutes', () => {
  it('leaves them as AWS receives them, so the JSON parser sees the same text', () => {
    const result = substituteBarePlaceholders('{"a": ${N}, "b": ${Gone}}', new Map([['N', 1]]), (name) => name !== 'Gone');
    expect(result.text).toBe('{"a": 1, "b": ${Gone}}');
  });
});

describe('placeholderOccurrences', () => {
  it.each<[string, [string, number][]]>([
    ['${A}', [['A', 0]]],
    ['arn:${AWS::Partition}:x:${F.Arn}', [['AWS::Partition', 4], ['F.Arn', 24]]],
    ['${!Escaped} ${A}', [['A', 12]]],
    ['${unclosed', []],
    ['no placeholder', []],
  ])('%j', (text, expected) => {
    expect(placeholderOccurrences(text).map((o) => [o.name, o.offset])).toEqual(expected);
  });
});

describe('unescapeSub', () => {
  it('writes ${!X} as ${X}, remembers which, and maps offsets back', () => {
    const result = unescapeSub('a${!B}c${D}${!E}');
    expect(result.text).toBe('a${B}c${D}${E}');
    expect([...result.escaped]).toEqual([1, 10]);
    expect([0, 1, 3, 5, 10, 12].map(result.toOriginal)).toEqual([0, 1, 4, 6, 11, 14]);
  });

  it('is the identity without escapes', () => {
    const result = unescapeSub('${A}');
    expect([result.text, result.escaped.size, result.toOriginal(3)]).toEqual(['${A}', 0, 3]);
  });
});

describe('unsubstitutedPlaceholders', () => {
  const definition = {
    StartAt: 'A',
    States: {
      A: {
        Type: 'Task',
        Resource: 'arn:aws:lambda:${Region}:1:function:${Fn}',
        Parameters: { Mapped: '${Known}', List: ['x ${Gone}'], Ref: { Ref: 'Gone' }, Sub: { 'Fn::Sub': ['${Gone} ${!Esc}', {}] } },
        End: true,
      },
      P: { Type: 'Pass', Resource: '${Gone}', End: true },
    },
  };

  it('finds each literal name with its string, offset and whether it is a Task Resource', () => {
    expect(unsubstitutedPlaceholders(definition, (name) => name !== 'Known')).toEqual([
      { name: 'Region', pointer: '/States/A/Resource', textPointer: '/States/A/Resource', index: 15, inTaskResource: true },
      { name: 'Fn', pointer: '/States/A/Resource', textPointer: '/States/A/Resource', index: 36, inTaskResource: true },
      { name: 'Gone', pointer: '/States/A/Parameters/List/0', textPointer: '/States/A/Parameters/List/0', index: 2, inTaskResource: false },
      { name: 'Esc', pointer: '/States/A/Parameters/Sub', textPointer: '/States/A/Parameters/Sub/Fn::Sub/0', index: 8, inTaskResource: false },
      { name: 'Gone', pointer: '/States/P/Resource', textPointer: '/States/P/Resource', index: 0, inTaskResource: false },
    ]);
  });
});

describe('intrinsicPointers', () => {
  it('lists the outermost intrinsic objects in document order', () => {
    expect(intrinsicPointers({ a: { Ref: 'X' }, b: [1, { 'Fn::Join': ['', [{ Ref: 'Y' }]] }], c: { d: { 'Fn::GetAtt': 'F.Arn' } } })).toEqual([
      '/a',
      '/b/1',
      '/c/d',
    ]);
  });
});

describe('shared objects and cycles (lint() also takes objects)', () => {
  const sharedTwice = (levels: number, inner: unknown): Record<string, unknown> => {
    let value = inner;
    for (let i = 0; i < levels; i++) value = { l: value, r: value };
    return value as Record<string, unknown>;
  };

  it('copies a shared object once and shares the copy, however many paths lead to it', () => {
    const copy = replaceIntrinsics(sharedTwice(40, { Ref: 'Queue' })) as Record<string, Record<string, unknown>>;
    expect(copy['l']).toBe(copy['r']);
    let inner: unknown = copy;
    for (let i = 0; i < 40; i++) inner = (inner as Record<string, unknown>)['l'];
    expect(inner).toBe('${Queue}');
  });

  it('searches a shared object for intrinsic functions once', () => {
    expect(intrinsicPointers(sharedTwice(40, { a: 1 }))).toEqual([]);
    expect(intrinsicPointers({ x: sharedTwice(40, { a: 1 }), y: { Ref: 'Q' } })).toEqual(['/y']);
  });

  it('searches a cycle with several paths back to the root once', () => {
    const root: Record<string, unknown> = { a: 1 };
    root['self'] = root;
    root['again'] = { x: root, y: [root] };
    expect(intrinsicPointers(root)).toEqual([]);
  });
});
