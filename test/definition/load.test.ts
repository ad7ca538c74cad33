import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadJsonData, loadObject, loadSource } from '../../src/definition/load.js';
import type { LoadOptions } from '../../src/definition/source.js';

const JSON_DEFINITION = '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}';
const YAML_DEFINITION = 'StartAt: A\nStates:\n  A:\n    Type: Succeed\n';
const JSON_TEMPLATE = '{"Resources": {"M": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {"Definition": {"StartAt": "A"}}}}}';
const YAML_TEMPLATE = 'Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      Definition:\n        StartAt: A\n';

describe('format detection', () => {
  it.each<[string, string, LoadOptions, string]>([
    ['JSON by extension', JSON_DEFINITION, { filename: 'm.asl.json' }, 'json'],
    ['JSON by content', JSON_DEFINITION, {}, 'json'],
    ['YAML by extension', YAML_DEFINITION, { filename: 'm.asl.yaml' }, 'yaml'],
    ['YAML by .yml', YAML_DEFINITION, { filename: 'm.yml' }, 'yaml'],
    ['YAML by content', YAML_DEFINITION, {}, 'yaml'],
    ['YAML flow style in a .yaml file', '{StartAt: A, States: {}}', { filename: 'm.yaml' }, 'yaml'],
    ['a JSON template', JSON_TEMPLATE, { filename: 'template.json' }, 'cloudformation'],
    ['a YAML template', YAML_TEMPLATE, { filename: 'template.yaml' }, 'cloudformation'],
    ['a template read as a definition when the format says so', JSON_TEMPLATE, { format: 'json' }, 'json'],
  ])('%s', (_, text, options, format) => {
    const result = loadSource(text, options);
    expect(result.diagnostics).toEqual([]);
    expect(result.format).toBe(format);
  });

  it.each([
    ['AWSTemplateFormatVersion', "AWSTemplateFormatVersion: '2010-09-09'\n"],
    ['the SAM transform', 'Transform: [AWS::Serverless-2016-10-31]\n'],
  ])('reads a text as a template by %s, and says when it has no state machine', (_, text) => {
    const result = loadSource(text);
    expect(result.format).toBe('cloudformation');
    expect(result.diagnostics.map((d) => [d.severity, d.message, d.line, d.column])).toEqual([
      ['error', 'No AWS::StepFunctions::StateMachine or AWS::Serverless::StateMachine resource found in the template', 1, 1],
    ]);
  });

  it('holds JSON-looking text to JSON instead of letting YAML accept its trailing comma', () => {
    const result = loadSource('{"StartAt": "A",}');
    expect(result.format).toBe('json');
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      "Unexpected token '}' at line 1, column 17: expected a property name in double quotes (trailing commas are not allowed)",
    ]);
  });

  it('reports a broken template as a parse finding with pointer ""', () => {
    const result = loadSource('Resources:\n  M: [\n', { format: 'cloudformation', filename: 't.yaml' });
    expect(result.format).toBe('cloudformation');
    expect(result.definitions).toEqual([]);
    expect(result.diagnostics.map((d) => [d.ruleId, d.pointer, d.line, d.column])).toEqual([['parse', '', 3, 1]]);
  });

  it.each([
    ['YAML', 'Resources:\n  M: [\n', 3, 1],
    ['JSON', '{\n  "Resources": {\n    "M": {,}\n  }\n}', 3, 11],
  ])('calls a broken %s template a template', (_, text, line, column) => {
    const result = loadSource(text);
    expect(result.format).toBe('cloudformation');
    expect(result.diagnostics.map((d) => [d.ruleId, d.line, d.column])).toEqual([['parse', line, column]]);
  });

  it('leaves file out when no filename is given', () => {
    expect(loadSource('{').diagnostics[0]).toEqual({
      ruleId: 'parse',
      severity: 'error',
      message: "Unexpected end of input at line 1, column 2: expected a property name in double quotes",
      pointer: '',
      line: 1,
      column: 2,
      code: 'INVALID_JSON_DESCRIPTION',
    });
  });

  it('reads a realistic JSON definition and reports its duplicate Next', () => {
    const text = readFileSync(new URL('fixtures/order-workflow.asl.json', import.meta.url), 'utf8');
    const result = loadSource(text, { filename: 'order-workflow.asl.json' });
    expect(result.diagnostics.map((d) => [d.ruleId, d.pointer, d.line, d.column])).toEqual([
      ['no-duplicate-keys', '/States/Charge/Next', 23, 7],
    ]);
    const [loaded] = result.definitions;
    expect((loaded!.definition as { States: { Charge: { Next: string } } }).States.Charge.Next).toBe('Done');
    expect(loaded!.sourceMap.locate('/States/Validate/Retry/0/ErrorEquals/1')).toEqual({ line: 13, column: 54 });
  });
});

describe('loadObject', () => {
  it('wraps an already-parsed definition without touching it', () => {
    const definition = Object.freeze({ StartAt: 'A', States: Object.freeze({}) });
    const result = loadObject(definition);
    expect(result.format).toBe('json');
    expect(result.diagnostics).toEqual([]);
    expect(result.definitions).toHaveLength(1);
    expect(result.definitions[0]!.definition).toBe(definition);
    expect(result.definitions[0]!.sourceMap.locate('/StartAt')).toBeUndefined();
    expect(result.definitions[0]!.sourceMap.locateKey('')).toBeUndefined();
  });

  it('reports a circular template object as one finding instead of walking it', () => {
    const machine: Record<string, unknown> = { Type: 'AWS::StepFunctions::StateMachine', Properties: {} };
    const template = { Resources: { M: machine } };
    machine['Properties'] = { Definition: { StartAt: 'A', States: { A: { Type: 'Pass', End: true, Parameters: { x: template, y: template } } } } };
    const result = loadObject(template, { format: 'cloudformation', filename: 't.json' });
    expect(result.definitions).toEqual([]);
    expect(result.diagnostics).toEqual([
      {
        ruleId: 'max-definition-size',
        severity: 'error',
        message:
          'The definition is not JSON data (/Resources/M/Properties/Definition/States/A/Parameters/x refers back to the root, a circular structure), so it cannot be sent to AWS',
        pointer: '',
        code: 'SCHEMA_VALIDATION_FAILED',
        file: 't.json',
      },
    ]);
  });

  it.each([undefined, null, 42, 'text', [1]])('accepts %j as it is', (value) => {
    expect(loadObject(value).definitions[0]!.definition).toBe(value);
  });
});

describe('CloudFormation intrinsic functions in a standalone definition', () => {
  const warning = (pointer: string, name: string, seen: string, line?: number, column?: number) => ({
    ruleId: 'cloudformation-intrinsic',
    severity: 'warning',
    message: `'${name}' is a CloudFormation intrinsic function, resolved at deploy time; aslkit checks it as ${seen}`,
    pointer,
    ...(line === undefined ? {} : { line, column, file: 'm.asl.json' }),
  });

  it.each<[string, unknown, unknown, string, string]>([
    ['Ref', { Ref: 'Fn' }, '${Fn}', 'Ref', 'the placeholder "${Fn}"'],
    ['Fn::GetAtt', { 'Fn::GetAtt': ['Fn', 'Arn'] }, '${Fn.Arn}', 'Fn::GetAtt', 'the placeholder "${Fn.Arn}"'],
    ['Fn::Sub', { 'Fn::Sub': 'arn:aws:states:::${Service}' }, 'arn:aws:states:::${Service}', 'Fn::Sub', 'the placeholder "arn:aws:states:::${Service}"'],
    ['Fn::Join', { 'Fn::Join': [':', ['arn', { Ref: 'AWS::Partition' }]] }, 'arn:${AWS::Partition}', 'Fn::Join', 'the placeholder "arn:${AWS::Partition}"'],
    ['Fn::If', { 'Fn::If': ['C', { Ref: 'A' }, 'b'] }, '${A}', 'Fn::If', 'the placeholder "${A}"'],
  ])('reads %s as its placeholder, with one warning at the object', (_, resource, placeholder, name, seen) => {
    const text = `{\n  "StartAt": "A",\n  "States": {\n    "A": {"Type": "Task", "End": true, "Resource": ${JSON.stringify(resource)}}\n  }\n}`;
    const result = loadSource(text, { filename: 'm.asl.json' });
    expect(result.diagnostics).toEqual([warning('/States/A/Resource', name, seen, 4, 52)]);
    expect(result.definitions[0]!.definition).toEqual({ StartAt: 'A', States: { A: { Type: 'Task', End: true, Resource: placeholder } } });
  });

  it.each([
    ['a key spelled with an escape', '{"R\\u0065f": "Fn"}', 'Ref', '"${Fn}"'],
    ['an escaped Fn:: key', '{"Fn\\u003a:Sub": "x-${P}"}', 'Fn::Sub', '"x-${P}"'],
  ])('finds %s in JSON text', (_, resource, name, seen) => {
    const text = `{"StartAt": "A", "States": {"A": {"Type": "Task", "End": true, "Resource": ${resource}}}}`;
    expect(loadSource(text).diagnostics.map((d) => [d.pointer, d.message])).toEqual([
      ['/States/A/Resource', `'${name}' is a CloudFormation intrinsic function, resolved at deploy time; aslkit checks it as the placeholder ${seen}`],
    ]);
  });

  it('warns once per object, not for the intrinsics inside it, in document order, in YAML too', () => {
    const text = 'StartAt: A\nStates:\n  A:\n    Type: Task\n    Resource: !Join [":", [!Ref P, x]]\n    Parameters:\n      Q: !GetAtt Q.Url\n    End: true\n';
    const result = loadSource(text);
    expect(result.diagnostics.map((d) => [d.pointer, d.line, d.column])).toEqual([
      ['/States/A/Resource', 5, 21],
      ['/States/A/Parameters/Q', 7, 18],
    ]);
  });

  it('does the same for an object, on a copy', () => {
    const definition = { StartAt: 'A', States: { A: { Type: 'Task', Resource: { Ref: 'Fn' }, End: true } } };
    const before = structuredClone(definition);
    const result = loadObject(definition);
    expect(result.diagnostics).toEqual([warning('/States/A/Resource', 'Ref', 'the placeholder "${Fn}"')]);
    expect(result.definitions[0]!.definition).toEqual({ StartAt: 'A', States: { A: { Type: 'Task', Resource: '${Fn}', End: true } } });
    expect(definition).toEqual(before);
  });

  it('reads an Fn::If whose branches are objects as its first branch', () => {
    const result = loadObject({ StartAt: 'A', States: { A: { Type: 'Pass', Parameters: { 'Fn::If': ['C', { a: { Ref: 'X' } }, {}] }, End: true } } });
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      "'Fn::If' is a CloudFormation intrinsic function, resolved at deploy time; aslkit checks it as its first branch",
    ]);
    expect(result.definitions[0]!.definition).toEqual({ StartAt: 'A', States: { A: { Type: 'Pass', Parameters: { a: '${X}' }, End: true } } });
  });

  it('keeps a definition without intrinsics as it is, cycles included', () => {
    const cyclic: Record<string, unknown> = { StartAt: 'A' };
    cyclic['self'] = cyclic;
    // loadObject reports a cycle (see above); the walks behind it still must not hang on one.
    expect(loadJsonData(cyclic).definitions[0]!.definition).toBe(cyclic);
    expect(loadJsonData(cyclic).diagnostics).toEqual([]);
  });

  it('ends on a cyclic object that holds an intrinsic: the warning, the object as it is', () => {
    const cyclic: Record<string, unknown> = { StartAt: 'A', Resource: { Ref: 'Fn' } };
    cyclic['self'] = cyclic;
    const result = loadJsonData(cyclic);
    expect(result.diagnostics.map((d) => d.pointer)).toEqual(['/Resource']);
    expect(result.definitions[0]!.definition).toBe(cyclic);
  });
});

describe('bad input', () => {
  const pieces = ['{', '}', '[', ']', ',', ':', '"', "'", '\\', ' ', '\n', '  ', '- ', '#', '&a ', '*a', '!Ref ', '!Sub ', '|', '>', '${X}', 'a', '1',
    'Resources', 'Type', 'AWS::StepFunctions::StateMachine', 'AWS::Serverless::StateMachine', 'Properties', 'Definition', 'DefinitionString', 'DefinitionUri', 'Fn::Join', 'Fn::Sub', 'States'];

  it('never throws, whatever the text and format', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((parts) => parts.join('')),
        fc.constantFrom<LoadOptions['format']>('auto', 'json', 'yaml', 'cloudformation'),
        (text, format) => {
          const result = loadSource(text, { format: format!, readFile: () => text });
          for (const loaded of result.definitions) {
            loaded.sourceMap.locate('/States/A');
            loaded.sourceMap.locateKey('/0/x~1y');
          }
          for (const diagnostic of result.diagnostics) {
            expect(diagnostic.line).toBeGreaterThanOrEqual(1);
            expect(diagnostic.column).toBeGreaterThanOrEqual(1);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});
