import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/lint/index.js';

/** Schema findings of a JSON text, with the line and column lint gives them. */
function schemaFindings(text: string): unknown[] {
  return lint(text)
    .diagnostics.filter((d) => d.ruleId === 'schema')
    .map(({ pointer, message, line, column }) => ({ pointer, message, line, column }));
}

describe('schema findings: where lint places them', () => {
  it('a JSONPath state in a JSONata machine: at the state object (ASL-NOTES §1.2, §8.2 F4)', () => {
    const text = [
      '{',
      '  "QueryLanguage": "JSONata",',
      '  "StartAt": "A",',
      '  "States": {',
      '    "A": {',
      '      "Type": "Pass",',
      '      "QueryLanguage": "JSONPath",',
      '      "End": true',
      '    }',
      '  }',
      '}',
    ].join('\n');
    expect(schemaFindings(text)).toEqual([
      {
        pointer: '/States/A',
        message: "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine",
        line: 5,
        column: 10,
      },
    ]);
  });

  it('a misspelt Type key: at the key', () => {
    const text = '{"StartAt":"A","States":{"A":{"End":true,\n  "type":"Pass"}}}';
    expect(schemaFindings(text)).toEqual([
      { pointer: '/States/A/type', message: "Field 'type' is not supported in a Pass state. Did you mean 'Type'?", line: 2, column: 3 },
    ]);
  });
});
