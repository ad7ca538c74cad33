import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/index.js';

/** A definition whose Pass state's Parameters hold `value`. */
const withParameters = (value: unknown): Record<string, unknown> => ({
  StartAt: 'A',
  States: { A: { Type: 'Pass', Parameters: value, End: true } },
});

function sharedTwice(levels: number, inner: unknown): unknown {
  let value = inner;
  for (let i = 0; i < levels; i++) value = { l: value, r: value };
  return value;
}

function timed<T>(run: () => T): [T, number] {
  const started = performance.now();
  const result = run();
  return [result, performance.now() - started];
}

describe('lint() of an object that is not JSON data', () => {
  it('reports a cycle with several paths back to the root at once (it hung)', () => {
    const definition: Record<string, unknown> = { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } };
    definition['self'] = definition;
    (definition['States'] as { A: Record<string, unknown> }).A['Parameters'] = { x: definition };
    const [result, ms] = timed(() => lint(definition, { filename: 'm.json' }));
    expect(result).toEqual({
      valid: false,
      diagnostics: [
        {
          ruleId: 'max-definition-size',
          severity: 'error',
          message:
            'The definition is not JSON data (/States/A/Parameters/x refers back to the root, a circular structure), so it cannot be sent to AWS',
          pointer: '',
          code: 'SCHEMA_VALIDATION_FAILED',
          file: 'm.json',
        },
      ],
    });
    expect(ms).toBeLessThan(1000);
  });

  it('reports objects shared so often that the definition would be huge, without writing them out', () => {
    const [result, ms] = timed(() => lint(withParameters(sharedTwice(64, { 'x.$': '$' }))));
    expect(result.diagnostics).toEqual([
      {
        ruleId: 'max-definition-size',
        severity: 'error',
        message:
          'The definition is more than 4194304 bytes as compact JSON (its shared objects written out where each appears); AWS accepts at most 1048576 bytes (1 MB)',
        pointer: '',
        code: 'SCHEMA_VALIDATION_FAILED',
      },
    ]);
    expect(ms).toBeLessThan(1000);
  });

  it('reports nesting deeper than 1000 levels, as the text loaders do, at the first place too deep', () => {
    let definition: unknown = { StartAt: 'X', States: { X: { Type: 'Pass', End: true } } };
    for (let i = 0; i < 3000; i++) definition = { StartAt: 'P', States: { P: { Type: 'Parallel', Branches: [definition], End: true } } };
    expect(lint(definition as object).diagnostics).toEqual([
      {
        ruleId: 'parse',
        severity: 'error',
        message: 'The definition nests deeper than 1000 levels',
        pointer: '/States/P/Branches/0'.repeat(250),
        code: 'INVALID_JSON_DESCRIPTION',
      },
    ]);
  });

  it('lints a definition that shares objects (legal JSON data) as its JSON text, quickly', () => {
    const shared = sharedTwice(14, { 'x.$': '$.a', y: '${Missing}' });
    const definition = withParameters(shared);
    const [result, ms] = timed(() => lint(definition));
    expect(result).toEqual(lint(JSON.parse(JSON.stringify(definition)) as object));
    expect(result.valid).toBe(true);
    expect(ms).toBeLessThan(5000);
  });

  it('reads intrinsic functions in shared objects once each, keeping the sharing', () => {
    const definition = withParameters(sharedTwice(30, { Ref: 'Queue' }));
    const [result, ms] = timed(() => lint(definition));
    // 2^30 places, one object: the definition written out is far over 4 MB, found before any copy.
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['max-definition-size']);
    expect(ms).toBeLessThan(1000);
  });
});

describe('lint() of oversized text', () => {
  // 33 MB, 16 million array elements: it threw "RangeError: Map maximum size exceeded" after 13 s.
  const huge = `{"StartAt":"A","States":{"A":{"Type":"Pass","Result":[${'0,'.repeat(16_000_000)}0],"End":true}}}`;

  it.each([
    ['JSON', huge, undefined],
    ['YAML', `StartAt: A\n# ${'x'.repeat(4 * 1024 * 1024)}\n`, 'm.asl.yaml'],
  ])('%s over 4 MiB characters is one finding at 1:1, refused before it is parsed', (_name, text, filename) => {
    const [result, ms] = timed(() => lint(text, filename === undefined ? {} : { filename }));
    expect(result).toEqual({
      valid: false,
      diagnostics: [
        {
          ruleId: 'max-definition-size',
          severity: 'error',
          message: `The source is ${text.length} characters, more than the 4194304 aslkit reads; AWS accepts definitions and templates of at most 1048576 bytes (1 MB)`,
          pointer: '',
          code: 'SCHEMA_VALIDATION_FAILED',
          line: 1,
          column: 1,
          ...(filename === undefined ? {} : { file: filename }),
        },
      ],
    });
    expect(ms).toBeLessThan(100);
  });

  it('is refused whatever the rules settings, so it never passes silently', () => {
    expect(lint(huge, { rules: { 'max-definition-size': 'off' } }).valid).toBe(false);
  });

  it('text of 4 MiB characters is still read (the 1 MB rule reports it)', () => {
    const text = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Result: 'x'.repeat(2 * 1024 * 1024), End: true } } });
    expect(lint(text).diagnostics.map((d) => d.message)).toEqual([
      `The definition is ${text.length} bytes as compact JSON; AWS accepts at most 1048576 bytes (1 MB)`,
    ]);
  });
});

describe('lint() of empty text', () => {
  it.each([
    ['', undefined],
    [' ', undefined],
    ['  \n\t\r\n', 'm.asl.yaml'],
  ])('%j is not a JSON object, in AWS words', (text, filename) => {
    expect(lint(text, filename === undefined ? {} : { filename })).toEqual({
      valid: false,
      diagnostics: [
        {
          ruleId: 'parse',
          severity: 'error',
          message: 'Definition must be a valid JSON object',
          pointer: '',
          line: 1,
          column: 1,
          code: 'SCHEMA_VALIDATION_FAILED',
          ...(filename === undefined ? {} : { file: filename }),
        },
      ],
    });
  });
});

const NO_MACHINE = 'No AWS::StepFunctions::StateMachine or AWS::Serverless::StateMachine resource found in the template';

describe('lint() of a template with nothing to lint', () => {
  it.each<[string, string | object, 'auto' | 'cloudformation', string, number | undefined, number | undefined]>([
    ['a template with only a bucket', 'Resources: {B: {Type: AWS::S3::Bucket}}\n', 'auto', NO_MACHINE, 1, 12],
    ['the same, format cloudformation', 'Resources: {B: {Type: AWS::S3::Bucket}}\n', 'cloudformation', NO_MACHINE, 1, 12],
    [
      'a definition read as a template',
      '{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}',
      'cloudformation',
      `${NO_MACHINE}; this looks like a state machine definition, not a template`,
      1,
      1,
    ],
    ['a template object with only a bucket', { Resources: { B: { Type: 'AWS::S3::Bucket' } } }, 'auto', NO_MACHINE, undefined, undefined],
  ])('%s', (_, source, format, message, line, column) => {
    const diagnostic = { ruleId: 'parse', severity: 'error', message, pointer: '', file: 't.yaml' };
    expect(lint(source, { filename: 't.yaml', format })).toEqual({
      valid: false,
      diagnostics: [line === undefined ? diagnostic : { ...diagnostic, line, column }],
    });
  });

  it.each([
    ['5', 'a number (5)'],
    ['[]', 'an array'],
    ['{A: 1}', 'an object'],
    ['null', 'null'],
  ])('a DefinitionString of %s is an error naming what was found', (written, found) => {
    const text = `Resources:\n  Res:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionString: ${written}\n`;
    expect(lint(text, { filename: 't.yaml' })).toEqual({
      valid: false,
      diagnostics: [
        {
          ruleId: 'parse',
          severity: 'error',
          message: `DefinitionString of 'Res' must be the definition as JSON text, not ${found}`,
          pointer: '',
          line: 5,
          column: 25,
          file: 't.yaml',
        },
      ],
    });
  });
});

describe('lint() of template findings inside a machine', () => {
  const machine = (name: string, property: string): string[] => [
    `  ${name}:`,
    '    Type: AWS::StepFunctions::StateMachine',
    '    Properties:',
    `      ${property}`,
  ];

  it('names the machine of each parse error in a DefinitionString', () => {
    const text = [
      'Resources:',
      ...machine('First', `DefinitionString: '{"StartAt": "A", "States": {'`),
      ...machine('Second', `DefinitionString: '{"StartAt": "A" "States": {}}'`),
    ].join('\n');
    expect(lint(text, { filename: 't.yaml' }).diagnostics.map((d) => [d.file, d.line, d.column, d.message])).toEqual([
      ['t.yaml#First', 5, 54, 'Unexpected end of input at line 5, column 54: expected a property name in double quotes'],
      ['t.yaml#Second', 9, 42, "Unexpected token '\"' at line 9, column 42: expected ',' or '}'"],
    ]);
  });

  it('names the machine of a duplicate key and of an unsubstituted placeholder, as of its rules findings', () => {
    const text = [
      'Resources:',
      ...machine('Res', 'Definition:'),
      '        StartAt: A',
      '        StartAt: A',
      '        States: {A: {Type: Task, Resource: "${X}", End: true}}',
    ].join('\n');
    expect(lint(text, { filename: 't.yaml' }).diagnostics.map((d) => [d.file, d.ruleId, d.pointer, d.line, d.column])).toEqual([
      ['t.yaml#Res', 'no-duplicate-keys', '/StartAt', 7, 9],
      ['t.yaml#Res', 'unsubstituted-placeholder', '/States/A/Resource', 8, 45],
    ]);
    // Without a filename, the machine alone (as the rules' findings).
    expect(lint(text).diagnostics.map((d) => d.file)).toEqual(['Res', 'Res']);
  });
});

describe('lint() of a template object', () => {
  const text = readFileSync(new URL('../../examples/cfn-template/template.json', import.meta.url), 'utf8');

  it.each(['cloudformation', 'auto'] as const)('reads it as a template with format %s, as its text', (format) => {
    expect(lint(text, { format })).toEqual({ valid: true, diagnostics: [] });
    expect(lint(JSON.parse(text) as object, { format })).toEqual({ valid: true, diagnostics: [] });
  });

  it('reports the findings of its machines by pointer and machine, without lines', () => {
    const template = {
      Resources: {
        M: {
          Type: 'AWS::StepFunctions::StateMachine',
          Properties: { Definition: { StartAt: 'Nope', States: { A: { Type: 'Pass', End: true } } } },
        },
        S: { Type: 'AWS::StepFunctions::StateMachine', Properties: { DefinitionString: '{"StartAt": ' } },
      },
    };
    expect(lint(template, { filename: 't.json' }).diagnostics.map((d) => [d.file, d.ruleId, d.pointer, d.line, d.message])).toEqual([
      ['t.json#S', 'parse', '', undefined, 'Unexpected end of input: expected a value'],
      ['t.json#M', 'valid-start-at', '/StartAt', undefined, "Missing 'StartAt' target: Nope"],
    ]);
  });
});

describe('lint() options.rules keys are data', () => {
  it.each(['__proto__', 'constructor', 'hasOwnProperty'])('%s is an unknown rule', (id) => {
    const definition = { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } };
    expect(lint(definition, { rules: JSON.parse(`{"${id}": "off"}`) as Record<string, 'off'> }).diagnostics.map((d) => d.message)).toEqual([
      `Unknown rule '${id}' in options.rules`,
    ]);
  });
});
