import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/index.js';

const errors = (text: string, filename: string) =>
  lint(text, { filename }).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.ruleId} ${d.line}:${d.column} ${d.message}`);

const JSON_DEFINITION = [
  '{"StartAt": "W", "States": {', // 1
  '  "W": {"Type": "Wait", "Seconds": ${ReminderTimeout}, "Next": "M"},', // 2
  '  "M": {"Type": "Map", "MaxConcurrency": ${n}, "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "Next": "T"},', // 3
  '  "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "TimeoutSeconds": ${var.timeout}, "Next": "Missing", "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Done"}]},', // 4
  '  "Done": {"Type": "Succeed"}', // 5
  '}}',
].join('\n');

describe('bare ${…} placeholders are values of unknown type', () => {
  it('reads a JSON definition with bare placeholders, checks the rest and keeps line:column', () => {
    expect(errors(JSON_DEFINITION, 'm.asl.json')).toEqual([
      "no-missing-transition-target 4:113 Missing 'Next' target: Missing",
    ]);
  });

  it('reads unquoted YAML placeholders in number and boolean fields the same way', () => {
    const yaml = ['StartAt: W', 'States:', '  W:', '    Type: Wait', '    Seconds: ${ReminderTimeout}', '    End: true'].join('\n');
    expect(errors(yaml, 'm.asl.yaml')).toEqual([]);
  });

  it('still reports a quoted placeholder in a number field: substituted, it is text', () => {
    const yaml = ['StartAt: W', 'States:', '  W:', '    Type: Wait', '    Seconds: "${ReminderTimeout}"', '    End: true'].join('\n');
    expect(errors(yaml, 'm.asl.yaml')).toEqual(["schema 5:14 Field 'Seconds' must be an integer."]);
  });

  it('reads an intrinsic function in a template Definition as a value of unknown type, but not a ${X}, which the written-out Definition quotes', () => {
    const template = [
      'Parameters:',
      '  Timeout: { Type: Number, Default: 30 }',
      'Resources:',
      '  M:',
      '    Type: AWS::StepFunctions::StateMachine',
      '    Properties:',
      '      Definition:',
      '        StartAt: W',
      '        States:',
      '          W: { Type: Wait, Seconds: !Ref Timeout, Next: X }',
      '          X:',
      '            Type: Wait',
      '            Seconds: ${Raw}',
      '            End: true',
    ].join('\n');
    expect(errors(template, 't.yaml')).toEqual(["schema 13:22 Field 'Seconds' must be an integer."]);
  });

  it('still reports a JSON text that is broken for another reason as a parse error', () => {
    const broken = '{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": ${T}, "End": true,}}}';
    expect(errors(broken, 'm.asl.json')[0]).toMatch(/^parse 1:\d+ /);
  });
});

describe('paths with spaces around them, as Jayway reads them', () => {
  it('accepts a `.$` value with spaces before or after its path, and runs nothing else differently', () => {
    const definition = JSON.stringify({
      StartAt: 'P',
      States: { P: { Type: 'Pass', Parameters: { 'name.$': '$$.Execution.Name ', 'a.$': ' $.a' }, OutputPath: '$.a ', End: true } },
    });
    expect(errors(definition, 'm.asl.json')).toEqual([]);
  });
});
