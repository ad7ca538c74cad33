import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index.js';
import { lint } from '../../src/lint/index.js';
import { memoryIo } from './memory-io.js';

// The CLI with the real linter: the wiring (template machines, parse findings, SARIF) end to end.
const clean = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Succeed' } } }, null, 2);
const twoMachines = `Resources:
  First:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      Definition:
        StartAt: A
        States:
          A: { Type: Pass, Next: Missing }
  Second:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: machines/second.asl.json
`;
const danglingNext = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, C: { Type: 'Succeed' } } }, null, 2);

describe('aslkit lint with the linter', () => {
  it('exits 0 and prints nothing for a clean definition', async () => {
    const io = memoryIo({ '/repo/ok.asl.json': clean });
    expect(await main(['lint'], io)).toBe(0);
    expect(io.out).toBe('');
    expect(io.err).toBe('');
  });

  it('reports both machines of a template, one read through DefinitionUri', async () => {
    const io = memoryIo({ '/repo/template.yaml': twoMachines, '/repo/machines/second.asl.json': danglingNext });
    expect(await main(['lint', '--format', 'json', 'template.yaml'], io)).toBe(1);
    const [result] = JSON.parse(io.out) as { file: string; diagnostics: { file: string; ruleId: string }[] }[];
    expect(result?.file).toBe('template.yaml');
    // The DefinitionUri machine's findings name its own file (positions are in it).
    const files = new Set(result?.diagnostics.map((d) => d.file));
    expect(files).toEqual(new Set(['template.yaml#First', 'machines/second.asl.json']));
    expect(result?.diagnostics.filter((d) => d.ruleId === 'no-missing-transition-target').map((d) => d.file).sort()).toEqual([
      'machines/second.asl.json',
      'template.yaml#First',
    ]);
  });

  it('turns invalid JSON into a parse finding, not a stack trace', async () => {
    const io = memoryIo({ '/repo/bad.asl.json': '{"StartAt": "A",' });
    expect(await main(['lint', '--no-color', 'bad.asl.json'], io)).toBe(1);
    expect(io.out).toMatch(/^\nbad\.asl\.json\n {2}1:\d+ {2}error {2}.+ {2}parse\n\n✖ 1 problem \(1 error, 0 warnings\)\n$/);
    expect(io.err).toBe('');
  });

  it('writes SARIF that GitHub accepts: a region with a startLine on every result', async () => {
    const io = memoryIo({ '/repo/m/dangling.asl.json': danglingNext });
    expect(await main(['lint', '--format', 'sarif', 'm'], io)).toBe(1);
    const log = JSON.parse(io.out);
    expect(log.version).toBe('2.1.0');
    const ids = log.runs[0].tool.driver.rules.map((rule: { id: string }) => rule.id);
    expect(log.runs[0].results.length).toBeGreaterThan(0);
    for (const result of log.runs[0].results) {
      expect(ids).toContain(result.ruleId);
      expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('m/dangling.asl.json');
      expect(result.locations[0].physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
    }
  });

  it('reports a placeholder no DefinitionSubstitutions maps, and lets --rule turn it off', async () => {
    const template = [
      'Resources:',
      '  M:',
      '    Type: AWS::StepFunctions::StateMachine',
      '    Properties:',
      '      DefinitionSubstitutions: jobqueue',
      `      DefinitionString: '{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "\${jobqueue}", "End": true}}}'`,
    ].join('\n');
    const io = memoryIo({ '/repo/t.yaml': template });
    expect(await main(['lint', '--no-color', 't.yaml'], io)).toBe(1);
    expect(io.out).toBe(
      [
        '',
        't.yaml#M',
        "  6:89  error  '${jobqueue}' is not substituted: the DefinitionSubstitutions of 'M' are not a map, so AWS receives it as literal text, which is not a valid resource ARN  unsubstituted-placeholder",
        '',
        '✖ 1 problem (1 error, 0 warnings)',
        '',
      ].join('\n'),
    );
    const off = memoryIo({ '/repo/t.yaml': template });
    expect(await main(['lint', '--rule', 'unsubstituted-placeholder=off', 't.yaml'], off)).toBe(0);
  });

  it('reads an intrinsic in a standalone definition as a placeholder, with one warning', async () => {
    const fragment = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Task', Resource: { 'Fn::GetAtt': ['Fn', 'Arn'] }, End: true } } }, null, 2);
    const io = memoryIo({ '/repo/f.asl.json': fragment });
    expect(await main(['lint', '--no-color', '--max-warnings', '0', 'f.asl.json'], io)).toBe(1);
    expect(io.out).toContain(`  6:19  warning  'Fn::GetAtt' is a CloudFormation intrinsic function, resolved at deploy time; aslkit checks it as the placeholder "\${Fn.Arn}"  cloudformation-intrinsic`);
    expect(await main(['lint', '--rule', 'cloudformation-intrinsic=off', '--max-warnings', '0', 'f.asl.json'], memoryIo({ '/repo/f.asl.json': fragment }))).toBe(0);
  });

  it('accepts the registry ids and the schema setting in --rule', async () => {
    const io = memoryIo({ '/repo/d.asl.json': danglingNext });
    expect(await main(['lint', '--rule', 'no-missing-transition-target=off', '--rule', 'no-unreachable-state=off', '--rule', 'schema=warn', 'd.asl.json'], io)).toBe(0);
  });
});

describe('--type and lint() options.type agree', () => {
  const express = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', End: true } } });

  it.each(['EXPRESS', 'express', 'Express'])('--type %s lints as EXPRESS (the CLI normalises the case)', async (type) => {
    const io = memoryIo({ '/repo/a.asl.json': express });
    expect(await main(['lint', '--format', 'json', '--type', type, 'a.asl.json'], io)).toBe(1);
    const [result] = JSON.parse(io.out) as { diagnostics: { ruleId: string }[] }[];
    expect(result?.diagnostics.map((d) => d.ruleId)).toEqual(['no-express-unsupported-resource']);
  });

  it('refuses a wrong type on both paths with a message that names it', async () => {
    const io = memoryIo({ '/repo/a.asl.json': express });
    expect(await main(['lint', '--type', 'FAST', 'a.asl.json'], io)).toBe(2);
    expect(io.err).toBe("aslkit: --type must be STANDARD or EXPRESS (got 'FAST')\n");
    // lint() is the typed API: only the uppercase names, anything else an options finding.
    for (const type of ['FAST', 'express']) {
      expect(lint(express, { type: type as 'EXPRESS' }).diagnostics[0]).toEqual({
        ruleId: 'lint-options',
        severity: 'error',
        message: `Invalid options.type "${type}": use 'STANDARD' or 'EXPRESS'`,
        pointer: '',
      });
    }
  });
});

describe('SARIF help for findings that are not rules', () => {
  it('links the schema finding to its docs page', async () => {
    const io = memoryIo({ '/repo/a.asl.json': JSON.stringify({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: '10', End: true } } }) });
    expect(await main(['lint', '--format', 'sarif', 'a.asl.json'], io)).toBe(1);
    const run = (JSON.parse(io.out) as { runs: { tool: { driver: { rules: { id: string; helpUri?: string }[] } }; results: { ruleId: string; ruleIndex: number }[] }[] }).runs[0];
    expect(run?.results.map((r) => r.ruleId)).toEqual(['schema']);
    const rule = run?.tool.driver.rules[run.results[0]?.ruleIndex ?? -1];
    expect(rule).toEqual({
      id: 'schema',
      shortDescription: { text: 'Require the fields, types and values the Amazon States Language allows' },
      helpUri: 'https://github.com/aslkit/aslkit/blob/main/docs/rules/schema.md',
    });
  });
});
