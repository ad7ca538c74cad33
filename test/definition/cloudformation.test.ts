import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSource } from '../../src/definition/load.js';
import type { LoadResult, SourceMap } from '../../src/definition/source.js';

const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
const readFixture = (path: string) => {
  try {
    return fixture(path);
  } catch {
    return undefined;
  }
};
const at = (map: SourceMap, pointer: string) => {
  const position = map.locate(pointer);
  return position && `${position.line}:${position.column}`;
};
const keyAt = (map: SourceMap, pointer: string) => {
  const position = map.locateKey(pointer);
  return position && `${position.line}:${position.column}`;
};
const machine = (result: LoadResult, name: string) => {
  const found = result.definitions.find((d) => d.resourceName === name);
  if (!found) throw new Error(`no machine ${name}`);
  return found;
};

describe('SAM template with SAM and Step Functions resources (YAML)', () => {
  const result = loadSource(fixture('sam-template.yaml'), { filename: 'sam-template.yaml', readFile: (p) => readFixture(p) });

  it('finds every machine under its logical id, with its type', () => {
    expect(result.format).toBe('cloudformation');
    expect(result.diagnostics).toEqual([]);
    expect(result.definitions.map((d) => [d.resourceName, d.stateMachineType])).toEqual([
      ['OrderMachine', 'EXPRESS'],
      ['ReportMachine', 'STANDARD'],
      ['ArchiveMachine', undefined],
    ]);
  });

  it('turns intrinsic functions in a Definition into placeholders', () => {
    expect(machine(result, 'OrderMachine').definition).toEqual({
      StartAt: 'Validate',
      States: {
        Validate: { Type: 'Task', Resource: '${ValidateFunction.Arn}', Next: 'Notify' },
        Notify: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sns:publish',
          Parameters: { TopicArn: '${OrdersTopic}', Message: 'Order processed in ${Stage}' },
          End: true,
        },
      },
    });
  });

  it.each([
    ['', '21:9', '20:7'],
    ['/StartAt', '21:18', '21:9'],
    ['/States/Validate/Resource', '25:31', '25:13'],
    ['/States/Notify/Parameters/Message', '32:29', '32:15'],
    ['/States/Notify/Missing', '28:13', '27:11'],
  ])('Definition %j is at %s (name at %s) in the template', (pointer, value, key) => {
    const map = machine(result, 'OrderMachine').sourceMap;
    expect([at(map, pointer), keyAt(map, pointer)]).toEqual([value, key]);
  });

  it('parses a !Sub block-scalar DefinitionString, a number substitution outside quotes included', () => {
    expect(machine(result, 'ReportMachine').definition).toEqual({
      StartAt: 'Report',
      TimeoutSeconds: 300,
      States: {
        Report: { Type: 'Task', Resource: '${ReportFunctionArn}', Nextt: 'Done' },
        Done: { Type: 'Succeed' },
      },
    });
  });

  it.each([
    ['', '44:9', '44:9'],
    ['/StartAt', '45:22', '45:11'],
    ['/TimeoutSeconds', '46:29', '46:11'],
    ['/States/Report/Resource', '50:27', '50:15'],
    ['/States/Report/Nextt', '51:24', '51:15'],
    ['/States/Done/Type', '53:31', '53:23'],
  ])('DefinitionString %j is at %s (name at %s) in the template', (pointer, value, key) => {
    const map = machine(result, 'ReportMachine').sourceMap;
    expect([at(map, pointer), keyAt(map, pointer)]).toEqual([value, key]);
  });

  it('reads a local DefinitionUri through readFile, with positions in that file', () => {
    const archive = machine(result, 'ArchiveMachine');
    expect(archive.definition).toEqual(JSON.parse(fixture('statemachine/archive.asl.json')));
    expect(at(archive.sourceMap, '/States/Archive/Parameters/Bucket')).toBe('7:33');
  });
});

describe('CloudFormation template (JSON)', () => {
  const result = loadSource(fixture('cloudformation-template.json'), { filename: 'cloudformation-template.json' });

  it('reports a duplicate key inside an escaped DefinitionString at its place in the template', () => {
    expect(result.diagnostics).toEqual([
      {
        ruleId: 'no-duplicate-keys',
        severity: 'error',
        message: "Duplicate key 'End' in /States/A; AWS rejects duplicate keys (JSON.parse would keep the last)",
        pointer: '/States/A/End',
        line: 7,
        column: 107,
        code: 'SCHEMA_VALIDATION_FAILED',
        file: 'cloudformation-template.json#PlainMachine',
      },
    ]);
    expect(machine(result, 'PlainMachine').definition).toEqual({ StartAt: 'A', States: { A: { Type: 'Pass', End: false } } });
    expect(at(machine(result, 'PlainMachine').sourceMap, '/States/A/Type')).toBe('7:82');
  });

  it('joins Fn::Join parts, intrinsic parts as placeholders', () => {
    const joined = machine(result, 'JoinedMachine');
    expect(joined.stateMachineType).toBe('EXPRESS');
    expect(joined.definition).toEqual({
      StartAt: 'Call',
      States: { Call: { Type: 'Task', Resource: '${Worker.Arn}', TimeoutSeconds: '${Timeout}', End: true } },
    });
    expect([at(joined.sourceMap, '/StartAt'), at(joined.sourceMap, '/States/Call/Resource')]).toEqual(['18:30', '18:98']);
    // `{"Ref": "Timeout"}` stands where the number goes; the "TimeoutSeconds" name is in the part before it.
    expect([at(joined.sourceMap, '/States/Call/TimeoutSeconds'), keyAt(joined.sourceMap, '/States/Call/TimeoutSeconds')]).toEqual([
      '21:15',
      '20:20',
    ]);
    expect(at(joined.sourceMap, '/States/Call/End')).toBe('22:27');
  });

  it('keeps the Definition object with placeholders for Fn::GetAtt, Ref and Fn::Sub', () => {
    const object = machine(result, 'ObjectMachine');
    expect(object.definition).toEqual({
      StartAt: 'Call',
      States: {
        Call: { Type: 'Task', Resource: '${Worker.Arn}', Parameters: { Queue: '${Queue}', Region: '${AWS::Region}' }, End: true },
      },
    });
    expect(at(object.sourceMap, '/States/Call/Resource')).toBe('36:27');
  });

  it('never changes the template it read', () => {
    const again = loadSource(fixture('cloudformation-template.json'), { filename: 'cloudformation-template.json' });
    expect(again.definitions.map((d) => d.definition)).toEqual(result.definitions.map((d) => d.definition));
  });
});

const template = (properties: string, type = 'AWS::StepFunctions::StateMachine') =>
  ['Resources:', '  M:', `    Type: ${type}`, '    Properties:', ...properties.split('\n').map((l) => `      ${l}`)].join('\n');

describe('template findings', () => {
  it.each([
    [
      'malformed JSON in a block scalar',
      template('DefinitionString: |\n  {\n    "StartAt": "A",\n    "States": {,}\n  }'),
      "Unexpected token ',' at line 8, column 22: expected a property name in double quotes",
      'error',
      8,
      22,
    ],
    [
      'a DefinitionString built by Fn::If',
      template('DefinitionString: !If [C, a, b]'),
      "DefinitionString of 'M' is built by an intrinsic function that cannot be read without deploying; it is not checked",
      'warning',
      5,
      29,
    ],
    [
      'DefinitionS3Location',
      template('DefinitionS3Location:\n  Bucket: b\n  Key: k'),
      "DefinitionS3Location of 'M' is in S3; it is not checked",
      'warning',
      6,
      9,
    ],
    [
      'a SAM DefinitionUri in S3',
      template('DefinitionUri: s3://bucket/machine.json', 'AWS::Serverless::StateMachine'),
      "DefinitionUri of 'M' is in S3; it is not checked",
      'warning',
      5,
      22,
    ],
    [
      'a DefinitionUri without readFile',
      template('DefinitionUri: machine.asl.json', 'AWS::Serverless::StateMachine'),
      "DefinitionUri 'machine.asl.json' of 'M' is a local file and no readFile option was given to read it; it is not checked",
      'warning',
      5,
      22,
    ],
    [
      'a machine without a definition',
      template('RoleArn: arn'),
      "State machine resource 'M' has none of Definition, DefinitionString or DefinitionS3Location",
      'error',
      5,
      7,
    ],
    [
      'a machine without properties',
      'Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n',
      "State machine resource 'M' has no Properties",
      'error',
      3,
      5,
    ],
  ])('%s', (_, text, message, severity, line, column) => {
    const result = loadSource(text, { filename: 't.yaml' });
    expect(result.format).toBe('cloudformation');
    expect(result.definitions).toEqual([]);
    expect(result.diagnostics).toEqual([
      {
        ruleId: 'parse',
        severity,
        message,
        pointer: '',
        line,
        column,
        ...(message.startsWith('Unexpected') ? { code: 'INVALID_JSON_DESCRIPTION' } : {}),
        // A finding inside a machine's definition names the machine, as the rules' findings do.
        file: message.startsWith('Unexpected') ? 't.yaml#M' : 't.yaml',
      },
    ]);
  });

  it('warns of a key repeated outside every definition, naming the one CloudFormation keeps', () => {
    const text = [
      'Parameters:', // 1
      '  Name:', // 2
      '    Type: String', // 3
      '    Type: String', // 4
      '    Type: Number', // 5
      'Resources:', // 6
      '  M:', // 7
      '    Type: AWS::StepFunctions::StateMachine', // 8
      '    Properties:', // 9
      '      Definition: {StartAt: A, States: {A: {Type: Succeed}}}', // 10
    ].join('\n');
    expect(loadSource(text, { filename: 't.yaml' }).diagnostics.map((d) => [d.severity, d.line, d.message])).toEqual([
      ['warning', 4, "Duplicate key 'Type' in /Parameters/Name; CloudFormation deploys the template with the last one, at line 5, and ignores the earlier"],
      ['warning', 5, "Duplicate key 'Type' in /Parameters/Name; CloudFormation deploys the template with this one, the last, and ignores the earlier"],
    ]);
  });

  it('reports a duplicate key in a Definition object relative to the definition', () => {
    const result = loadSource(template('Definition:\n  StartAt: A\n  StartAt: B'), { filename: 't.yaml' });
    expect(result.diagnostics).toEqual([
      {
        ruleId: 'no-duplicate-keys',
        severity: 'error',
        message: "Duplicate key 'StartAt' in /; AWS rejects duplicate keys (JSON.parse would keep the last)",
        pointer: '/StartAt',
        line: 7,
        column: 9,
        code: 'SCHEMA_VALIDATION_FAILED',
        file: 't.yaml#M',
      },
    ]);
  });

  it.each([
    ['infra/template.yaml', './flows/a.json', 'infra/flows/a.json'],
    ['infra/template.yaml', '../flows/a.json', 'flows/a.json'],
    ['template.yaml', '../../a.json', '../../a.json'],
    ['template.yaml', '/abs/a.json', '/abs/a.json'],
    ['infra\\template.yaml', 'a.json', 'infra/a.json'],
  ])('names a DefinitionUri beside %s written %s as %s', (filename, uri, file) => {
    const text = template(`DefinitionUri: ${uri}`, 'AWS::Serverless::StateMachine');
    const result = loadSource(text, { filename, readFile: () => '{"StartAt": "A", "States": {}}' });
    expect(result.definitions.map((d) => d.file)).toEqual([file]);
  });

  it('says so when a template has no state machine', () => {
    expect(loadSource('Resources:\n  Q:\n    Type: AWS::SQS::Queue\n', { filename: 't.yaml' })).toEqual({
      format: 'cloudformation',
      definitions: [],
      diagnostics: [
        {
          ruleId: 'parse',
          severity: 'error',
          message: 'No AWS::StepFunctions::StateMachine or AWS::Serverless::StateMachine resource found in the template',
          pointer: '',
          line: 2,
          column: 3,
          file: 't.yaml',
        },
      ],
    });
  });

  it('takes a readFile that throws as a file that could not be read', () => {
    const result = loadSource(template('DefinitionUri: gone.json', 'AWS::Serverless::StateMachine'), {
      readFile: () => {
        throw new Error('no such file or directory');
      },
    });
    expect(result.diagnostics.map((d) => [d.severity, d.message, d.line, d.column])).toEqual([
      ['error', "Cannot read DefinitionUri 'gone.json' of 'M': no such file or directory", 5, 22],
    ]);
    expect(result.definitionFiles).toBeUndefined();
    const missing = loadSource(template('DefinitionUri: gone.json', 'AWS::Serverless::StateMachine'), { readFile: () => undefined });
    expect(missing.diagnostics.map((d) => d.message)).toEqual(["Cannot read DefinitionUri 'gone.json' of 'M': no such file"]);
  });

  it('reads a YAML DefinitionUri with positions in that file', () => {
    const result = loadSource(template('DefinitionUri: flows/order.asl.yaml', 'AWS::Serverless::StateMachine'), {
      filename: 'infra/template.yaml',
      readFile: (path) => (path === 'flows/order.asl.yaml' ? 'StartAt: A\nStates:\n  A: {Type: Pass, End: true, End: false}\n' : undefined),
    });
    expect(result.definitions[0]!.definition).toEqual({ StartAt: 'A', States: { A: { Type: 'Pass', End: false } } });
    expect(result.definitions[0]!.file).toBe('infra/flows/order.asl.yaml');
    expect(result.definitionFiles).toEqual({ 'infra/flows/order.asl.yaml': 'M' });
    expect(at(result.definitions[0]!.sourceMap, '/States/A/Type')).toBe('3:13');
    // Findings inside the DefinitionUri file name that file, beside the template.
    expect(result.diagnostics.map((d) => [d.pointer, d.line, d.column, d.file])).toEqual([
      ['/States/A/End', 3, 30, 'infra/flows/order.asl.yaml'],
    ]);
  });
});

describe('DefinitionString forms', () => {
  it.each([
    ['a single-quoted YAML string', `DefinitionString: '{"StartAt": "A", "States": {}}'`, { StartAt: 'A', States: {} }, '5:53'],
    ['a double-quoted YAML string with escapes', `DefinitionString: "{\\"StartAt\\": \\"A\\", \\"States\\": {}}"`, { StartAt: 'A', States: {} }, '5:59'],
    [
      'Fn::Sub with variables',
      'DefinitionString: !Sub\n  - \'{"StartAt": "A", "TimeoutSeconds": ${T}, "States": {}}\'\n  - T: 60',
      { StartAt: 'A', TimeoutSeconds: 60, States: {} },
      '6:63',
    ],
    [
      'Fn::Sub with a placeholder of unknown value outside quotes',
      'DefinitionString: !Sub \'{"StartAt": "A", "TimeoutSeconds": ${T}, "States": {}}\'',
      { StartAt: 'A', TimeoutSeconds: '${T}', States: {} },
      '5:82',
    ],
    [
      'a folded block scalar',
      'DefinitionString: >\n  {"StartAt": "A",\n   "States": {}}',
      { StartAt: 'A', States: {} },
      '7:20',
    ],
    [
      'Fn::Join in long form',
      'DefinitionString:\n  Fn::Join:\n    - ""\n    - - \'{"StartAt": "A", \'\n      - \'"States": {}}\'',
      { StartAt: 'A', States: {} },
      '9:26',
    ],
  ])('%s', (_, properties, definition, statesAt) => {
    const result = loadSource(template(properties), { filename: 't.yaml' });
    expect(result.diagnostics).toEqual([]);
    expect(result.definitions[0]!.definition).toEqual(definition);
    expect(at(result.definitions[0]!.sourceMap, '/States')).toBe(statesAt);
  });

  it('substitutes DefinitionSubstitutions numbers and booleans outside quotes, others as placeholder strings', () => {
    const text = template(
      [
        'DefinitionSubstitutions:',
        '  Seconds: 30',
        '  Flag: true',
        '  Text: "45"',
        '  Arn: !GetAtt F.Arn',
        'DefinitionString: \'{"A": ${Seconds}, "B": ${Flag}, "C": ${Text}, "D": ${Arn}, "E": "${Seconds}"}\'',
      ].join('\n'),
    );
    const [loaded] = loadSource(text).definitions;
    expect(loaded!.definition).toEqual({ A: 30, B: true, C: 45, D: '${Arn}', E: '${Seconds}' });
    expect(['/A', '/B', '/C', '/D', '/E'].map((p) => at(loaded!.sourceMap, p))).toEqual(['10:32', '10:49', '10:63', '10:77', '10:90']);
  });

  it.each([
    ['a Fn::Sub ${Parameter}', 'DefinitionString: !Sub \'{"A": ${Concurrency}}\'', { A: 10 }],
    ['a substitution that is a Ref to a parameter', 'DefinitionSubstitutions:\n  C: !Ref Concurrency\nDefinitionString: \'{"A": ${C}}\'', { A: 10 }],
    ['a Fn::Sub ${Parameter} without a Default', 'DefinitionString: !Sub \'{"A": ${NoDefault}}\'', { A: '${NoDefault}' }],
  ])('reads %s outside quotes as the parameter Default', (_name, properties, definition) => {
    const parameters = 'Parameters:\n  Concurrency:\n    Type: Number\n    Default: 10\n  NoDefault:\n    Type: Number\n';
    const [loaded] = loadSource(parameters + template(properties)).definitions;
    expect(loaded!.definition).toEqual(definition);
  });
});

describe('placeholders that CloudFormation does not substitute', () => {
  const task = (resource: string, extra = '') => `{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "${resource}"${extra}, "End": true}}}`;
  const notSubstituted = (name: string, reason: string, resource: boolean) =>
    `'\${${name}}' is not substituted: ${reason}, so AWS receives it as literal text${resource ? ', which is not a valid resource ARN' : ''}`;

  it.each<[string, string, [string, string, string, string][]]>([
    ['a mapped name', `DefinitionSubstitutions:\n  Fn: arn:aws:lambda:us-east-1:1:function:f\nDefinitionString: '${task('${Fn}')}'`, []],
    ['a name mapped to an intrinsic', `DefinitionSubstitutions:\n  Fn: !GetAtt F.Arn\nDefinitionString: '${task('${Fn}')}'`, []],
    [
      'no DefinitionSubstitutions',
      `DefinitionString: '${task('${Fn}')}'`,
      [['error', '/States/A/Resource', '5:89', notSubstituted('Fn', "'M' has no DefinitionSubstitutions", true)]],
    ],
    [
      'DefinitionSubstitutions that are not a map',
      `DefinitionSubstitutions: Fn\nDefinitionString: '${task('${Fn}')}'`,
      [['error', '/States/A/Resource', '6:89', notSubstituted('Fn', "the DefinitionSubstitutions of 'M' are not a map", true)]],
    ],
    [
      'an unmapped name outside a Resource, beside a mapped one',
      `DefinitionSubstitutions:\n  Fn: x\nDefinitionString: '${task('${Fn}', ', "Comment": "by ${Team}"')}'`,
      [['warning', '/States/A/Comment', '7:112', notSubstituted('Team', "the DefinitionSubstitutions of 'M' have no 'Team'", false)]],
    ],
    ['Fn::Sub substitutes every name', `DefinitionString: !Sub '${task('arn:aws:lambda:\${AWS::Region}:\${AWS::AccountId}:function:\${Fn}')}'`, []],
    [
      "Fn::Sub's ${!X} is a literal ${X}",
      `DefinitionString: !Sub '${task('${!Fn}')}'`,
      [['error', '/States/A/Resource', '5:94', notSubstituted('Fn', "'M' has no DefinitionSubstitutions", true)]],
    ],
    ["Fn::Sub's ${!X} mapped by DefinitionSubstitutions", `DefinitionSubstitutions:\n  Fn: x\nDefinitionString: !Sub '${task('${!Fn}')}'`, []],
    [
      'Fn::Join: intrinsic parts are resolved, string parts are not',
      `DefinitionString: !Join ['', ['{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "', !GetAtt F.Arn, '", "Comment": "\${Gone}", "End": true}}}']]`,
      [['warning', '/States/A/Comment', '5:135', notSubstituted('Gone', "'M' has no DefinitionSubstitutions", false)]],
    ],
    [
      'a Definition object: strings, and the escapes of an Fn::Sub inside it',
      'Definition:\n  StartAt: A\n  States:\n    A:\n      Type: Task\n      Resource: !GetAtt F.Arn\n      Parameters:\n        X: "${Gone}"\n        Y: !Sub "${Region} ${!Esc}"\n      End: true',
      [
        ['warning', '/States/A/Parameters/X', '12:19', notSubstituted('Gone', "'M' has no DefinitionSubstitutions", false)],
        ['warning', '/States/A/Parameters/Y', '13:34', notSubstituted('Esc', "'M' has no DefinitionSubstitutions", false)],
      ],
    ],
  ])('%s', (_, properties, expected) => {
    const result = loadSource(template(properties), { filename: 't.yaml' });
    expect(result.diagnostics.map((d) => [d.severity, d.pointer, `${d.line}:${d.column}`, d.message])).toEqual(expected);
    expect(result.diagnostics.every((d) => d.ruleId === 'unsubstituted-placeholder')).toBe(true);
    expect(result.definitions).toHaveLength(1);
  });

  it('leaves an unmapped placeholder outside quotes in the text, so it is the JSON error AWS would give', () => {
    const result = loadSource(template(`DefinitionString: '{"StartAt": "A", "TimeoutSeconds": \${T}, "States": {}}'`), { filename: 't.yaml' });
    expect(result.definitions).toEqual([]);
    expect(result.diagnostics.map((d) => [d.ruleId, d.line, d.column, d.message])).toEqual([
      ['parse', 5, 61, "Unexpected token '$' at line 5, column 61: expected a value"],
    ]);
  });

  it.each([
    ['JSON', 'flow.asl.json', '{\n  "StartAt": "A",\n  "States": {"A": {"Type": "Task", "Resource": "${Fn}", "End": true}}\n}', '3:49'],
    ['YAML', 'flow.asl.yaml', 'StartAt: A\nStates:\n  A:\n    Type: Task\n    Resource: "${Fn}"\n    End: true\n', '5:16'],
  ])('checks a %s DefinitionUri file against its DefinitionSubstitutions, in that file', (_, uri, content, position) => {
    const text = template(`DefinitionUri: ${uri}\nDefinitionSubstitutions:\n  Other: x`, 'AWS::Serverless::StateMachine');
    const result = loadSource(text, { filename: 'infra/t.yaml', readFile: () => content });
    expect(result.diagnostics.map((d) => [d.file, `${d.line}:${d.column}`, d.severity, d.message])).toEqual([
      ['infra/' + uri, position, 'error', notSubstituted('Fn', "the DefinitionSubstitutions of 'M' have no 'Fn'", true)],
    ]);
    const mapped = loadSource(text.replace('Other', 'Fn'), { filename: 'infra/t.yaml', readFile: () => content });
    expect(mapped.diagnostics).toEqual([]);
  });

  it('accepts every ${X} in a standalone definition (substituted at deploy time)', () => {
    expect(loadSource(task('${Fn}'), { filename: 'm.asl.json' }).diagnostics).toEqual([]);
  });
});

describe('Fn::Sub escapes and positions', () => {
  it('places a finding after a ${!X} escape at its own character in the template', () => {
    const line = `DefinitionString: !Sub '{"Comment": "\${!A} \${!B}", "StartAt": "A", "StartAt": "B"}'`;
    const text = template(`DefinitionSubstitutions:\n  A: x\n  B: y\n${line}`);
    const result = loadSource(text, { filename: 't.yaml' });
    const column = `      ${line}`.lastIndexOf('"StartAt"') + 1;
    expect(result.diagnostics.map((d) => [d.ruleId, d.line, d.column])).toEqual([['no-duplicate-keys', 8, column]]);
    expect(column).toBe(74);
    // `${!A}` is the literal `${A}`, which DefinitionSubstitutions then maps: no other finding.
    expect(result.definitions.map((d) => d.definition)).toEqual([{ Comment: '${A} ${B}', StartAt: 'B' }]);
  });
});
