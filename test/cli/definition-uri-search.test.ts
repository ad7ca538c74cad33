import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index.js';
import { memoryIo } from './memory-io.js';

// A directory or glob that finds both a SAM template and the file its DefinitionUri reads:
// that file is linted through the template only, so its findings are not reported twice.
const files = {
  '/repo/app/template.yaml': [
    'Transform: AWS::Serverless-2016-10-31',
    'Resources:',
    '  Orders:',
    '    Type: AWS::Serverless::StateMachine',
    '    Properties:',
    '      DefinitionUri: statemachine/orders.asl.json',
    '      DefinitionSubstitutions:',
    '        ChargeFunctionArn: arn:aws:lambda:us-east-1:123456789012:function:charge',
    '',
  ].join('\n'),
  // Found before the template (sorted walk), so the order of linting does not matter.
  '/repo/app/statemachine/orders.asl.json': [
    '{',
    '  "StartAt": "Charge",',
    '  "States": {',
    '    "Charge": { "Type": "Task", "Resource": "${ChargeFunctionArn}", "Next": "Ship" },',
    '    "Ship": { "Type": "Pass", "Next": "Missing" }',
    '  }',
    '}',
    '',
  ].join('\n'),
  '/repo/app/other.asl.json': '{ "StartAt": "A", "States": { "A": { "Type": "Pass", "Next": "B" } } }\n',
};

const other = [
  'app/other.asl.json',
  '  1:19  error  Workflow has no terminal state  require-terminal-state',
  "  1:62  error  Missing 'Next' target: B        no-missing-transition-target",
];
const ordersFindings = [
  '  3:3   error  Workflow has no terminal state  require-terminal-state',
  "  5:39  error  Missing 'Next' target: Missing  no-missing-transition-target",
];
const throughTemplate = ['app/statemachine/orders.asl.json (app/template.yaml#Orders)', ...ordersFindings];
const onItsOwn = ['app/statemachine/orders.asl.json', ...ordersFindings];

function report(...blocks: string[][]): string {
  const problems = blocks.reduce((n, block) => n + block.length - 1, 0);
  return ['', ...blocks.flatMap((block) => [...block, '']), `✖ ${problems} problems (${problems} errors, 0 warnings)`, ''].join('\n');
}

describe('aslkit lint: a DefinitionUri file found by a search', () => {
  it.each([
    ['a directory', ['app'], report(other, throughTemplate)],
    ['a glob', ['app/**'], report(other, throughTemplate)],
    ['a named template and a searched directory', ['app/template.yaml', 'app/statemachine'], report(throughTemplate)],
    // Named on the command line, it is also linted as given.
    ['the file named as well', ['app', 'app/statemachine/orders.asl.json'], report(other, onItsOwn, throughTemplate)],
    ['the file named alone', ['app/statemachine/orders.asl.json'], report(onItsOwn)],
  ])('%s: %j', async (_, patterns, expected) => {
    const io = memoryIo(files);
    expect(await main(['lint', '--no-color', ...patterns], io)).toBe(1);
    expect(io.err).toBe('');
    expect(io.out).toBe(expected);
  });

  it('json: the template result names the file; no result of its own', async () => {
    const io = memoryIo(files);
    expect(await main(['lint', '--format', 'json', 'app'], io)).toBe(1);
    const results = JSON.parse(io.out) as { file: string; definitionFiles?: Record<string, string>; diagnostics: { file: string }[] }[];
    expect(results.map((r) => [r.file, r.definitionFiles, r.diagnostics.map((d) => d.file)])).toEqual([
      ['app/other.asl.json', undefined, ['app/other.asl.json', 'app/other.asl.json']],
      [
        'app/template.yaml',
        { 'app/statemachine/orders.asl.json': 'app/template.yaml#Orders' },
        ['app/statemachine/orders.asl.json', 'app/statemachine/orders.asl.json'],
      ],
    ]);
  });

  it('a template whose DefinitionUri names itself is still linted', async () => {
    const self = 'Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: template.yaml\n';
    const io = memoryIo({ '/repo/app/template.yaml': self });
    expect(await main(['lint', '--format', 'json', 'app'], io)).toBe(1);
    const results = JSON.parse(io.out) as { file: string; diagnostics: { file: string; message: string }[] }[];
    expect(results.map((r) => [r.file, r.diagnostics.map((d) => `${d.file}: ${d.message}`)])).toEqual([
      [
        'app/template.yaml',
        ['app/template.yaml: These fields are required: [States, StartAt]', "app/template.yaml: Field 'Resources' is not supported in the state machine."],
      ],
    ]);
  });
});
