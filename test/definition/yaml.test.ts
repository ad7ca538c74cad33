import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSource } from '../../src/definition/load.js';
import { parseYamlText } from '../../src/definition/document.js';
import { parseYaml } from '../../src/definition/yaml.js';

const load = (text: string) => loadSource(text, { filename: 'machine.asl.yaml' });

const DOCUMENT = [
  'StartAt: A', // 1
  'States:', // 2
  '  A:', // 3
  '    Type: Pass', // 4
  '    Result: [1, [2, 3]]', // 5
  '    Items:', // 6
  '      - first', // 7
  '      - "a/b": 1', // 8
  '    End: true', // 9
  '    Empty:', // 10
].join('\n');

describe('YAML positions', () => {
  const result = load(DOCUMENT);
  const sourceMap = result.definitions[0]!.sourceMap;

  it('gives the data', () => {
    expect(result.format).toBe('yaml');
    expect(result.diagnostics).toEqual([]);
    expect(result.definitions[0]!.definition).toEqual({
      StartAt: 'A',
      States: { A: { Type: 'Pass', Result: [1, [2, 3]], Items: ['first', { 'a/b': 1 }], End: true, Empty: null } },
    });
  });

  it.each([
    ['', 1, 1],
    ['/StartAt', 1, 10],
    ['/States/A', 4, 5],
    ['/States/A/Type', 4, 11],
    ['/States/A/Result', 5, 13],
    ['/States/A/Result/1', 5, 17],
    ['/States/A/Result/1/0', 5, 18],
    ['/States/A/Items/0', 7, 9],
    ['/States/A/Items/1/a~1b', 8, 16],
    ['/States/A/End', 9, 10],
    // A missing value sits right after the colon.
    ['/States/A/Empty', 10, 11],
    ['/States/A/Missing', 4, 5],
  ])('locate(%j) is %i:%i', (pointer, line, column) => {
    expect(sourceMap.locate(pointer)).toEqual({ line, column });
  });

  it.each([
    ['/StartAt', 1, 1],
    ['/States/A', 3, 3],
    ['/States/A/Type', 4, 5],
    ['/States/A/Items/1/a~1b', 8, 9],
    ['/States/A/Items/1', 8, 9],
  ])('locateKey(%j) is %i:%i', (pointer, line, column) => {
    expect(sourceMap.locateKey(pointer)).toEqual({ line, column });
  });

  it('reads a realistic file', () => {
    const text = readFileSync(new URL('fixtures/order-workflow.asl.yaml', import.meta.url), 'utf8');
    const loaded = loadSource(text, { filename: 'order-workflow.asl.yaml' });
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.definitions[0]!.sourceMap.locate('/States/Charge/Catch/0/Next')).toEqual({ line: 19, column: 15 });
    expect(loaded.definitions[0]!.sourceMap.locate('/States/Validate/Parameters/Payload.$')).toEqual({ line: 10, column: 18 });
  });
});

describe('YAML findings', () => {
  it.each([
    [
      'StartAt: A\nStates: [a, b\n',
      'Flow sequence in block collection must be sufficiently indented and end with a ] at line 3, column 1',
      3,
      1,
    ],
    ['StartAt: A\nStates:\n  A: b: c\n', 'Nested mappings are not allowed in compact mappings at line 3, column 6', 3, 6],
    ['StartAt: "A\n', 'Missing closing "quote at line 2, column 1', 2, 1],
    ['a: b\n\tc: d\n', 'Tabs are not allowed as indentation at line 2, column 1', 2, 1],
    ['a: 1\n---\nb: 2\n', 'A definition is one YAML document; a second one starts here at line 2, column 1', 2, 1],
  ])('%j', (text, message, line, column) => {
    const result = load(text);
    expect(result.definitions).toEqual([]);
    expect(result.diagnostics[0]).toEqual({ ruleId: 'parse', severity: 'error', message, pointer: '', line, column, file: 'machine.asl.yaml' });
  });

  it('reports duplicate keys with the pointer and the second key', () => {
    const result = load('StartAt: A\nStates:\n  A:\n    Next: B\n    Next: C\n');
    expect(result.diagnostics).toEqual([
      {
        ruleId: 'no-duplicate-keys',
        severity: 'error',
        message: "Duplicate key 'Next' in /States/A; AWS rejects duplicate keys (JSON.parse would keep the last)",
        pointer: '/States/A/Next',
        line: 5,
        column: 5,
        code: 'SCHEMA_VALIDATION_FAILED',
        file: 'machine.asl.yaml',
      },
    ]);
    expect(result.definitions[0]!.definition).toEqual({ StartAt: 'A', States: { A: { Next: 'C' } } });
  });

  it('warns about tags it does not know and keeps the value', () => {
    const result = load('StartAt: !Custom A\n');
    expect(result.diagnostics).toEqual([
      { ruleId: 'parse', severity: 'warning', message: 'Unresolved tag: !Custom at line 1, column 10', pointer: '', line: 1, column: 10, file: 'machine.asl.yaml' },
    ]);
    expect(result.definitions[0]!.definition).toEqual({ StartAt: 'A' });
  });

  it('expands aliases but stops a billion laughs', () => {
    expect(load('a: &x {Type: Pass}\nb: *x\n').definitions[0]!.definition).toEqual({ a: { Type: 'Pass' }, b: { Type: 'Pass' } });
    const lines = ['l0: &l0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) lines.push(`l${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(', ')}]`);
    const result = load(lines.join('\n'));
    expect(result.definitions).toEqual([]);
    expect(result.diagnostics.map((d) => d.message)).toEqual(['More than 10000 alias expansions at line 2, column 25']);
  });
});

describe('YAML-only scalars become JSON data', () => {
  it.each<[string, unknown]>([
    ['a: 2001-12-14', '2001-12-14'],
    ['a: !!binary aGVsbG8=', 'aGVsbG8='],
    ['a: 0x1F', 31],
    ['a: yes', 'yes'],
    ['a: ~', null],
  ])('%s', (text, value) => {
    expect(load(text).definitions[0]!.definition).toEqual({ a: value });
  });
});

describe('CloudFormation short-form tags', () => {
  it.each([
    ['!Ref Bucket', { Ref: 'Bucket' }],
    ['!GetAtt Fn.Arn', { 'Fn::GetAtt': ['Fn', 'Arn'] }],
    ['!GetAtt [Fn, Arn]', { 'Fn::GetAtt': ['Fn', 'Arn'] }],
    ['!Sub "arn:${AWS::Partition}:s3:::b"', { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::b' }],
    ['!Sub ["${A}", {A: !Ref B}]', { 'Fn::Sub': ['${A}', { A: { Ref: 'B' } }] }],
    ['!Join ["", [a, !Ref B]]', { 'Fn::Join': ['', ['a', { Ref: 'B' }]] }],
    ['!If [IsProd, a, b]', { 'Fn::If': ['IsProd', 'a', 'b'] }],
    ['!Select [0, !GetAZs ""]', { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }],
    ['!FindInMap [M, K, V]', { 'Fn::FindInMap': ['M', 'K', 'V'] }],
    ['!ImportValue Shared', { 'Fn::ImportValue': 'Shared' }],
    ['!Base64 text', { 'Fn::Base64': 'text' }],
    ['!Split [",", "a,b"]', { 'Fn::Split': [',', 'a,b'] }],
    ['!Equals [a, b]', { 'Fn::Equals': ['a', 'b'] }],
    ['!And [!Condition A, !Not [!Condition B]]', { 'Fn::And': [{ Condition: 'A' }, { 'Fn::Not': [{ Condition: 'B' }] }] }],
    ['!Or [!Condition A, !Condition B]', { 'Fn::Or': [{ Condition: 'A' }, { Condition: 'B' }] }],
  ])('%s', (source, value) => {
    // The parser's long form; loadSource then reads each as a placeholder (load.test.ts).
    const result = parseYaml(`V: ${source}\n`);
    expect(result.findings).toEqual([]);
    expect(result.value).toEqual({ V: value });
  });
});

describe('offsets inside quoted strings (for a DefinitionString)', () => {
  // [YAML value, index in the decoded string, the source text from the mapped offset]
  it.each<[string, string, number, string]>([
    ['single quote escape', "'it''s X'", 5, 'X'],
    ['double-quoted escapes', '"\\x41\\u0042\\U0001F600X"', 4, 'X'],
    ['an escape is placed at its backslash', '"a\\tb"', 1, '\\tb'],
    ['a folded line break', '"one\n  two X"', 8, 'X'],
    ['an empty line is a line break', '"one\n\n  two X"', 8, 'X'],
    ['an escaped line break joins the lines', '"one\\\n   two X"', 7, 'X'],
    ['trailing blanks before a break are dropped', "'one   \n  two X'", 8, 'X'],
  ])('%s', (_, value, index, rest) => {
    const text = `V: ${value}\n`;
    const parsed = parseYamlText(text);
    const mapper = parsed.stringMapper('/V')!;
    const decoded = (parsed.value as { V: string }).V;
    expect(text.slice(mapper(index), mapper(index) + rest.length)).toBe(rest);
    expect(decoded.slice(index, index + 1)).toBe(rest === '\\tb' ? '\t' : 'X');
  });
});
