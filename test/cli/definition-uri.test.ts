import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index.js';
import { nodeIo } from '../../src/cli/io.js';

// SAM DefinitionUri end to end, on a real directory: the CLI reads the file beside the
// template, and every format names that file with positions inside it.
const files: Record<string, string> = {
  'sam/template.yaml': [
    'Transform: AWS::Serverless-2016-10-31',
    'Resources:',
    '  Inline:',
    '    Type: AWS::Serverless::StateMachine',
    '    Properties:',
    '      Definition:',
    '        StartAt: A',
    '        States:',
    '          A: { Type: Pass, Next: Nowhere }',
    '  FromJson:',
    '    Type: AWS::Serverless::StateMachine',
    '    Properties:',
    '      DefinitionUri: machines/order.asl.json',
    '  FromYaml:',
    '    Type: AWS::Serverless::StateMachine',
    '    Properties:',
    '      DefinitionUri: ./machines/../machines/report.asl.yaml',
    '  Gone:',
    '    Type: AWS::Serverless::StateMachine',
    '    Properties:',
    '      DefinitionUri: machines/gone.asl.json',
    '',
  ].join('\n'),
  'sam/machines/order.asl.json': [
    '{',
    '  "StartAt": "Charge",',
    '  "States": {',
    '    "Charge": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "Ship" },',
    '    "Ship": { "Type": "Succeed", "Nxt": "x" }',
    '  }',
    '}',
    '',
  ].join('\n'),
  'sam/machines/report.asl.yaml': ['StartAt: Report', 'States:', '  Report:', '    Type: Wait', '    Seconds: 5', '    Next: Missing', ''].join('\n'),
};

let root = '';
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'aslkit-definition-uri-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { ...nodeIo(), cwd: root, isTTY: false, env: {}, stdout: (t: string) => void (out += t), stderr: (t: string) => void (err += t) };
  const code = await main(argv, io);
  return { code, out, err };
}

describe('aslkit lint on a SAM template with DefinitionUri machines', () => {
  it('stylish: a header per DefinitionUri file naming its machine, positions in that file', async () => {
    const { code, out, err } = await run('lint', '--no-color', 'sam/template.yaml');
    expect([code, err]).toEqual([1, '']);
    expect(out).toBe(
      [
        '',
        'sam/template.yaml#Inline',
        '  8:9   error  Workflow has no terminal state  require-terminal-state',
        "  9:34  error  Missing 'Next' target: Nowhere  no-missing-transition-target",
        '',
        'sam/template.yaml',
        "  21:22  error  Cannot read DefinitionUri 'machines/gone.asl.json' of 'Gone': no such file or directory  parse",
        '',
        'sam/machines/order.asl.json (sam/template.yaml#FromJson)',
        "  5:34  error  Field 'Nxt' is not supported in a Succeed state  schema",
        '',
        'sam/machines/report.asl.yaml (sam/template.yaml#FromYaml)',
        '  2:1   error  Workflow has no terminal state  require-terminal-state',
        "  6:11  error  Missing 'Next' target: Missing  no-missing-transition-target",
        '',
        '✖ 6 problems (6 errors, 0 warnings)',
        '',
      ].join('\n'),
    );
  });

  it('json: each finding names its file; definitionFiles names their machines', async () => {
    const { code, out } = await run('lint', '--format', 'json', 'sam/template.yaml');
    expect(code).toBe(1);
    const [result] = JSON.parse(out) as { file: string; definitionFiles: Record<string, string>; diagnostics: { file: string; line: number; column: number; ruleId: string }[] }[];
    expect(result!.file).toBe('sam/template.yaml');
    expect(result!.definitionFiles).toEqual({
      'sam/machines/order.asl.json': 'sam/template.yaml#FromJson',
      'sam/machines/report.asl.yaml': 'sam/template.yaml#FromYaml',
    });
    expect(result!.diagnostics.map((d) => `${d.file} ${d.line}:${d.column} ${d.ruleId}`)).toEqual([
      'sam/template.yaml#Inline 8:9 require-terminal-state',
      'sam/template.yaml#Inline 9:34 no-missing-transition-target',
      'sam/template.yaml 21:22 parse',
      'sam/machines/order.asl.json 5:34 schema',
      'sam/machines/report.asl.yaml 2:1 require-terminal-state',
      'sam/machines/report.asl.yaml 6:11 no-missing-transition-target',
    ]);
  });

  it('sarif: the artifact is the DefinitionUri file, the message names the machine', async () => {
    const { out } = await run('lint', '--format', 'sarif', 'sam/template.yaml');
    const results = JSON.parse(out).runs[0].results as {
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[];
    }[];
    expect(
      results.map(({ message, locations: [l] }) => `${l!.physicalLocation.artifactLocation.uri} ${l!.physicalLocation.region.startLine}:${l!.physicalLocation.region.startColumn} ${message.text}`),
    ).toEqual([
      'sam/template.yaml 8:9 Inline: Workflow has no terminal state',
      "sam/template.yaml 9:34 Inline: Missing 'Next' target: Nowhere",
      "sam/template.yaml 21:22 Cannot read DefinitionUri 'machines/gone.asl.json' of 'Gone': no such file or directory",
      "sam/machines/order.asl.json 5:34 FromJson: Field 'Nxt' is not supported in a Succeed state.",
      'sam/machines/report.asl.yaml 2:1 FromYaml: Workflow has no terminal state',
      "sam/machines/report.asl.yaml 6:11 FromYaml: Missing 'Next' target: Missing",
    ]);
  });

  it('github: annotations on the DefinitionUri file', async () => {
    const { out } = await run('lint', '--format', 'github', 'sam/template.yaml');
    expect(out.split('\n').slice(2, 5)).toEqual([
      "::error file=sam/template.yaml,line=21,col=22,title=parse::Cannot read DefinitionUri 'machines/gone.asl.json' of 'Gone': no such file or directory",
      "::error file=sam/machines/order.asl.json,line=5,col=34,title=schema::FromJson: Field 'Nxt' is not supported in a Succeed state.",
      '::error file=sam/machines/report.asl.yaml,line=2,col=1,title=require-terminal-state::FromYaml: Workflow has no terminal state',
    ]);
  });

  it('places a syntax error of a DefinitionUri file in that file, under its machine', async () => {
    writeFileSync(join(root, 'sam/broken.yaml'), 'Resources:\n  Broken:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: machines/broken.asl.json\n');
    writeFileSync(join(root, 'sam/machines/broken.asl.json'), '{\n  "StartAt": "A",\n}\n');
    const { code, out } = await run('lint', '--no-color', 'sam/broken.yaml');
    expect(code).toBe(1);
    expect(out).toBe(
      [
        '',
        'sam/machines/broken.asl.json (sam/broken.yaml#Broken)',
        "  3:1  error  Unexpected token '}' at line 3, column 1: expected a property name in double quotes (trailing commas are not allowed)  parse",
        '',
        '✖ 1 problem (1 error, 0 warnings)',
        '',
      ].join('\n'),
    );
  });

  it('a DefinitionUri that is a directory is one finding on its line, not a crash', async () => {
    writeFileSync(join(root, 'dir-template.yaml'), 'Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: sam\n');
    const { code, out, err } = await run('lint', '--format', 'json', 'dir-template.yaml');
    expect([code, err]).toEqual([1, '']);
    expect(JSON.parse(out)[0].diagnostics).toEqual([
      { ruleId: 'parse', severity: 'error', message: "Cannot read DefinitionUri 'sam' of 'M': is a directory", pointer: '', line: 5, column: 22, file: 'dir-template.yaml' },
    ]);
  });
});
