import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/index.js';
import { parseYaml } from '../../src/definition/yaml.js';
import { indentFlowContinuations } from '../../src/definition/yaml-indent.js';

// A flow mapping closed at its key's indent, as CloudFormation templates write KMS key policies.
const TEMPLATE = [
  'Resources:', // 1
  '  Key:', // 2
  '    Type: AWS::KMS::Key', // 3
  '    Properties:', // 4
  '      KeyPolicy: {', // 5
  '      "Version": "2012-10-17",', // 6
  '      "Note": "a', // 7
  '    b"', // 8
  '      }', // 9
  '  Machine:', // 10
  '    Type: AWS::StepFunctions::StateMachine', // 11
  '    Properties:', // 12
  '      Definition:', // 13
  '        StartAt: A', // 14
  '        States:', // 15
  '          A: { Type: Pass,', // 16
  '          Next: Missing }', // 17
].join('\n');

describe('YAML as CloudFormation reads it', () => {
  it('reads a flow mapping closed at the indent of its key, with the same value', () => {
    const parsed = parseYaml(TEMPLATE);
    expect(parsed.ok).toBe(true);
    const key = (parsed.value as { Resources: { Key: { Properties: unknown } } }).Resources.Key.Properties;
    expect(key).toEqual({ KeyPolicy: { Version: '2012-10-17', Note: 'a b' } });
  });

  it('reads a flow sequence behind a tag closed at its key\'s indent, with its nested flow mapping', () => {
    const text = [
      'Function:',
      '  VpcConfig: !If [UseVpc, {',
      '    SecurityGroupIds: !If [HasGroups, !Ref groups, !Ref AWS::NoValue],',
      '    SubnetIds: !Ref subnets',
      '  }, !Ref AWS::NoValue]',
      '  MemorySize: 128',
    ].join('\n');
    const parsed = parseYaml(text);
    expect(parsed.ok).toBe(true);
    expect(parsed.value).toEqual({
      Function: {
        VpcConfig: {
          'Fn::If': [
            'UseVpc',
            { SecurityGroupIds: { 'Fn::If': ['HasGroups', { Ref: 'groups' }, { Ref: 'AWS::NoValue' }] }, SubnetIds: { Ref: 'subnets' } },
            { Ref: 'AWS::NoValue' },
          ],
        },
        MemorySize: 128,
      },
    });
  });

  it('keeps line:column of the file for findings after and inside the re-indented lines', () => {
    const { diagnostics } = lint(TEMPLATE, { filename: 't.yaml' });
    const missing = diagnostics.find((d) => d.ruleId === 'no-missing-transition-target');
    expect(missing).toMatchObject({ severity: 'error', line: 17, column: 17 });
    expect(diagnostics.filter((d) => d.ruleId === 'parse')).toEqual([]);
  });

  it('indents only lines inside a flow collection or a quoted scalar, never block scalars or plain text with brackets', () => {
    expect(indentFlowContinuations('a: {\n  b: 1\n}\n')).toMatchObject({ text: 'a: {\n  b: 1\n }\n' });
    expect(indentFlowContinuations('a: |\n  {\nb: it\'s [x\nc: arn:${AWS::Region}\n')).toBeUndefined();
    expect(indentFlowContinuations('a: "x\n  y"\n')).toBeUndefined();
  });

  it('still reports YAML that no reading makes valid, at its place', () => {
    const { diagnostics } = lint('StartAt: A\nStates: {\n  A: [\n}\n', { filename: 'x.asl.yaml' });
    expect(diagnostics[0]).toMatchObject({ ruleId: 'parse', severity: 'error' });
  });
});
