import { describe, expect, it } from 'vitest';
import { replaceIntrinsics, substituteBarePlaceholders } from '../../src/definition/placeholders.js';

describe('replaceIntrinsics', () => {
  it.each<[string, unknown, unknown]>([
    ['Ref', { Ref: 'Queue' }, '${Queue}'],
    ['Ref to a pseudo parameter', { Ref: 'AWS::Region' }, '${AWS::Region}'],
    ['Fn::GetAtt as a list', { 'Fn::GetAtt': ['Fn', 'Arn'] }, '${Fn.Arn}'],
    ['Fn::GetAtt as a string', { 'Fn::GetAtt': 'Fn.Arn' }, '${Fn.Arn}'],
    ['Fn::Sub text', { 'Fn::Sub': 'arn:${AWS::Partition}:sns:x' }, 'arn:${AWS::Partition}:sns:x'],
    ['Fn::Sub with variables', { 'Fn::Sub': ['${A}-x', { A: 'a' }] }, '${A}-x'],
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
