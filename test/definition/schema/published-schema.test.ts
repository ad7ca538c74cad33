import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from '../../../scripts/build-schema.js';
import { DOCUMENT_SCHEMA_ID } from '../../../src/definition/schema/index.js';
import { STATE_TYPES } from '../../../src/definition/types.js';
import { baseState, machine } from './helpers.js';

const ROOT = resolve(__dirname, '..', '..', '..');
const read = (file: string): string => readFileSync(resolve(ROOT, file), 'utf8');

describe('generated files', () => {
  // One generation (ajv standalone code included) serves every file check.
  const files = generatedFiles();
  it.each(Object.keys(files))('%s is up to date (run `npx tsx scripts/build-schema.ts`)', (file) => {
    expect(read(file)).toBe(files[file]);
  });
});

describe('schemas/asl.schema.json for editors', () => {
  const schema = JSON.parse(read('schemas/asl.schema.json')) as Record<string, unknown>;
  // As an editor would load it: on its own, no other schema registered; unknown keywords would throw.
  const validate = new Ajv({ allErrors: true, strictSchema: true, strictTypes: false, allowUnionTypes: true }).compile(schema);
  const accepts = (definition: unknown): boolean => validate(definition);

  it('has the published $id and is draft-07', () => {
    expect(schema['$id']).toBe('https://aslkit.dev/schemas/asl.schema.json');
    expect(schema['$id']).toBe(DOCUMENT_SCHEMA_ID);
    expect(schema['$schema']).toBe('http://json-schema.org/draft-07/schema#');
  });

  it.each(STATE_TYPES.flatMap((type) => (['JSONPath', 'JSONata'] as const).map((ql) => [type, ql] as const)))(
    'accepts a minimal %s state under %s',
    (type, ql) => {
      expect(accepts(machine(baseState(type, ql), ql))).toBe(true);
    },
  );

  it.each([
    ['an unknown field', machine({ Type: 'Pass', End: true, next: 'S' })],
    ['an unknown Type', machine({ Type: 'Activity', End: true })],
    ['Output under JSONPath', machine({ Type: 'Pass', End: true, Output: 1 })],
    ['InputPath under JSONata', machine({ Type: 'Pass', End: true, InputPath: '$' }, 'JSONata')],
    ['a JSONPath state in a JSONata machine', machine({ Type: 'Pass', End: true, QueryLanguage: 'JSONPath' }, 'JSONata')],
    ['two comparison operators', machine({ Type: 'Choice', Choices: [{ Variable: '$.x', IsNull: true, IsString: true, Next: 'S' }] })],
    ['a nested rule with Next', machine({ Type: 'Choice', Choices: [{ Not: { Variable: '$.x', IsNull: true, Next: 'S' }, Next: 'S' }] })],
    ['QueryLanguage in ItemProcessor', machine({ Type: 'Map', ItemProcessor: { QueryLanguage: 'JSONata', StartAt: 'B', States: { B: { Type: 'Succeed' } } }, End: true })],
    ['a bad state inside a Parallel branch', machine({ Type: 'Parallel', Branches: [{ StartAt: 'B', States: { B: { Type: 'Succeed', Next: 'X' } } }], End: true })],
    [
      'a JSONPath field in a Map inner state of a JSONata machine',
      machine({ Type: 'Map', ItemProcessor: { StartAt: 'B', States: { B: { Type: 'Pass', ResultPath: '$', End: true } } }, End: true }, 'JSONata'),
    ],
    ['a missing StartAt', { States: { S: { Type: 'Succeed' } } }],
    ['DISTRIBUTED without ExecutionType', machine({ Type: 'Map', ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED' }, StartAt: 'B', States: { B: { Type: 'Succeed' } } }, End: true })],
  ])('rejects %s', (_name, definition) => {
    expect(accepts(definition)).toBe(false);
  });

  it('accepts nested machines, Choice rules and a distributed Map', () => {
    const definition = {
      StartAt: 'C',
      States: {
        C: {
          Type: 'Choice',
          Choices: [{ And: [{ Variable: '$.a', IsPresent: true }, { Not: { Variable: '$.b', StringEquals: 'x' } }], Next: 'P' }],
          Default: 'P',
        },
        P: {
          Type: 'Parallel',
          Branches: [
            {
              StartAt: 'M',
              States: {
                M: {
                  Type: 'Map',
                  QueryLanguage: 'JSONata',
                  Items: '{% $states.input %}',
                  ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' }, StartAt: 'T', States: { T: { Type: 'Pass', ResultPath: '$.r', End: true } } },
                  ToleratedFailurePercentage: 5,
                  Label: 'run',
                  End: true,
                },
              },
            },
          ],
          Retry: [{ ErrorEquals: ['States.ALL'], MaxDelaySeconds: 10, JitterStrategy: 'FULL' }],
          End: true,
        },
      },
    };
    expect(accepts(definition)).toBe(true);
  });
});
