import { describe, expect, it } from 'vitest';
import { loadSource } from '../../src/definition/load.js';
import type { SourcePosition } from '../../src/definition/source.js';

// Every way a template writes a definition, and where a finding in it lands: inside the
// DefinitionString, at the character (or escape) that wrote it.
const LINES = [
  '{',
  '  "StartAt": "A",',
  '  "States": {',
  '    "A": {"Type": "Pass", "Next": "Nowhere", "Comment": "x", "Comment": "y"}',
  '  }',
  '}',
];
const ONE_LINE = LINES.map((l) => l.trim()).join(' ');
const indent = (n: number) => LINES.map((l) => ' '.repeat(n) + l).join('\n');
const yaml = (property: string) => `Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n${property}\n`;
const json = (definitionString: unknown) =>
  JSON.stringify({ Resources: { M: { Type: 'AWS::StepFunctions::StateMachine', Properties: { DefinitionString: definitionString } } } }, null, 2);

const FORMS: [string, string][] = [
  ['YAML single-quoted string', yaml(`      DefinitionString: '${ONE_LINE}'`)],
  ['YAML double-quoted string with escapes', yaml(`      DefinitionString: ${JSON.stringify(ONE_LINE)}`)],
  [
    'YAML double-quoted string over two lines',
    yaml(`      DefinitionString: "{\\"StartAt\\": \\"A\\",\n        \\"States\\": {\\"A\\": {\\"Type\\": \\"Pass\\", \\"Next\\": \\"Nowhere\\", \\"Comment\\": \\"x\\", \\"Comment\\": \\"y\\"}}}"`),
  ],
  ['YAML single-quoted string over two lines', yaml(`      DefinitionString: '{"StartAt": "A",\n        "States": {"A": {"Type": "Pass", "Next": "Nowhere", "Comment": "x", "Comment": "y"}}}'`)],
  ['YAML literal block |', yaml(`      DefinitionString: |\n${indent(8)}`)],
  ['YAML literal block |-', yaml(`      DefinitionString: |-\n${indent(8)}`)],
  ['YAML folded block >', yaml(`      DefinitionString: >\n${indent(8)}`)],
  ['YAML !Sub block', yaml(`      DefinitionString: !Sub |\n${indent(8)}`)],
  ['YAML !Sub [block, variables]', yaml(`      DefinitionString: !Sub\n        - |\n${indent(10)}\n        - X: 1`)],
  ['YAML Fn::Sub long form', yaml(`      DefinitionString:\n        Fn::Sub: |\n${indent(10)}`)],
  ['YAML !Join of a flow list', yaml(`      DefinitionString: !Join\n        - "\\n"\n        - ${JSON.stringify(LINES)}`)],
  ['YAML !Join of a block list', yaml(`      DefinitionString: !Join\n        - "\\n"\n        -\n${LINES.map((l) => `          - '${l}'`).join('\n')}`)],
  ['JSON template string', json(LINES.join('\n'))],
  ['JSON template Fn::Sub', json({ 'Fn::Sub': LINES.join('\n') })],
  ['JSON template Fn::Sub [text, variables]', json({ 'Fn::Sub': [LINES.join('\n'), { X: 1 }] })],
  ['JSON template Fn::Join', json({ 'Fn::Join': ['\n', LINES] })],
];

// [form, Next value, Next name, StartAt value, duplicate Comment name]
const EXPECTED: [string, string, string, string, string][] = [
  ['YAML single-quoted string', '5:86', '5:78', '5:39', '5:113'],
  ['YAML double-quoted string with escapes', '5:100', '5:90', '5:41', '5:133'],
  ['YAML double-quoted string over two lines', '6:60', '6:50', '5:40', '6:93'],
  ['YAML single-quoted string over two lines', '6:50', '6:42', '5:38', '6:77'],
  ['YAML literal block |', '9:43', '9:35', '7:22', '9:70'],
  ['YAML literal block |-', '9:43', '9:35', '7:22', '9:70'],
  ['YAML folded block >', '9:43', '9:35', '7:22', '9:70'],
  ['YAML !Sub block', '9:43', '9:35', '7:22', '9:70'],
  ['YAML !Sub [block, variables]', '10:45', '10:37', '8:24', '10:72'],
  ['YAML Fn::Sub long form', '10:45', '10:37', '8:24', '10:72'],
  ['YAML !Join of a flow list', '7:101', '7:91', '7:32', '7:134'],
  ['YAML !Join of a block list', '11:48', '11:40', '9:27', '11:75'],
  ['JSON template string', '6:115', '6:105', '6:48', '6:148'],
  ['JSON template Fn::Sub', '7:108', '7:98', '7:41', '7:141'],
  ['JSON template Fn::Sub [text, variables]', '8:99', '8:89', '8:32', '8:132'],
  ['JSON template Fn::Join', '13:58', '13:48', '11:31', '13:91'],
];

const at = (position: SourcePosition | undefined) => position && `${position.line}:${position.column}`;

describe('positions inside a DefinitionString, form by form', () => {
  it('covers every form', () => {
    expect(EXPECTED.map(([form]) => form)).toEqual(FORMS.map(([form]) => form));
  });

  it.each(EXPECTED)('%s: Next at %s (name %s), StartAt at %s, the duplicate key at %s', (form, next, nextKey, startAt, duplicate) => {
    const text = FORMS.find(([name]) => name === form)![1];
    const result = loadSource(text, { filename: 't' });
    const [loaded] = result.definitions;
    expect(loaded!.definition).toEqual({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Nowhere', Comment: 'y' } } });
    expect([at(loaded!.sourceMap.locate('/States/A/Next')), at(loaded!.sourceMap.locateKey('/States/A/Next')), at(loaded!.sourceMap.locate('/StartAt'))]).toEqual([
      next,
      nextKey,
      startAt,
    ]);
    expect(result.diagnostics.map((d) => [d.ruleId, d.pointer, `${d.line}:${d.column}`])).toEqual([['no-duplicate-keys', '/States/A/Comment', duplicate]]);
  });
});
