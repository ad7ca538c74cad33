import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/index.js';

// Findings about one character of a string value (a JSONata syntax error, a bad intrinsic
// argument) are placed at that character, through escapes, in JSON, YAML and templates.
const json = [
  '{',
  '  "QueryLanguage": "JSONata",',
  '  "StartAt": "P",',
  '  "States": {',
  '    "P": { "Type": "Pass", "Output": "{% $states.input.a + %}", "Next": "Q" },',
  '    "Q": { "Type": "Pass", "Output": "{% \\"\\\\u00e9\\" & ( %}", "Next": "R" },',
  '    "R": { "Type": "Pass", "QueryLanguage": "JSONata", "End": true }',
  '  }',
  '}',
].join('\n');

const yaml = ['QueryLanguage: JSONata', 'StartAt: P', 'States:', '  P:', '    Type: Pass', '    Output: "{% $states.input.a + %}"', '    End: true', ''].join('\n');

const template = [
  'Resources:',
  '  M:',
  '    Type: AWS::StepFunctions::StateMachine',
  '    Properties:',
  '      Definition:',
  '        StartAt: P',
  '        States:',
  '          P:',
  '            Type: Pass',
  '            Parameters:',
  "              x.$: States.MathAdd(1, 'two')",
  '            End: true',
  '',
].join('\n');

const placed = (source: string, ruleId: string) =>
  lint(source)
    .diagnostics.filter((d) => d.ruleId === ruleId)
    .map((d) => `${d.line}:${d.column}`);

describe('findings inside a string value', () => {
  it.each([
    ['JSON, at the character where the JSONata parser stopped', json, 'valid-jsonata-syntax', ['5:60', '6:58']],
    ['YAML, inside a double-quoted scalar', yaml, 'valid-jsonata-syntax', ['6:35']],
    ['a template Definition, at the bad intrinsic argument', template, 'valid-intrinsic-function', ['11:38']],
  ])('%s', (_name, source, ruleId, positions) => {
    expect(placed(source, ruleId)).toEqual(positions);
  });
});
