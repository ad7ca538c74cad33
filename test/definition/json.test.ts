import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinPointer } from '../../src/definition/diagnostic.js';
import { parseJson, parseSlowly, recordJsonPositions } from '../../src/definition/json.js';
import { keyOffsetOf, valueOffsetOf } from '../../src/definition/source-map.js';
import { loadSource } from '../../src/definition/load.js';

const load = (text: string) => loadSource(text, { filename: 'machine.asl.json' });

const DOCUMENT = [
  '{',
  '  "StartAt": "A",',
  '  "States": {',
  '    "A": {',
  '      "Type": "Pass",',
  '      "Result": [1, [2, 3]],',
  '      "a/b~c": true,',
  '      "End": true',
  '    }',
  '  }',
  '}',
].join('\n');

describe('JSON positions', () => {
  const [loaded] = load(DOCUMENT).definitions;
  const sourceMap = loaded!.sourceMap;

  it.each([
    ['', 1, 1],
    ['/StartAt', 2, 14],
    ['/States', 3, 13],
    ['/States/A', 4, 10],
    ['/States/A/Type', 5, 15],
    ['/States/A/Result', 6, 17],
    ['/States/A/Result/0', 6, 18],
    ['/States/A/Result/1', 6, 21],
    ['/States/A/Result/1/1', 6, 25],
    ['/States/A/a~1b~0c', 7, 16],
    ['/States/A/End', 8, 14],
    // Missing pointers answer for the nearest existing ancestor.
    ['/States/A/Next', 4, 10],
    ['/States/A/Result/7/x', 6, 17],
    ['/Nope', 1, 1],
  ])('locate(%j) is %i:%i', (pointer, line, column) => {
    expect(sourceMap.locate(pointer)).toEqual({ line, column });
  });

  it.each([
    ['/StartAt', 2, 3],
    ['/States/A', 4, 5],
    ['/States/A/Type', 5, 7],
    ['/States/A/a~1b~0c', 7, 7],
    // Array elements have no name: the element itself.
    ['/States/A/Result/1', 6, 21],
    ['', 1, 1],
  ])('locateKey(%j) is %i:%i', (pointer, line, column) => {
    expect(sourceMap.locateKey(pointer)).toEqual({ line, column });
  });

  it('gives the value JSON.parse gives', () => {
    expect(loaded!.definition).toEqual(JSON.parse(DOCUMENT));
  });

  it('counts columns after a byte order mark from the first real character', () => {
    const [bom] = load('\uFEFF{"StartAt": "A"}').definitions;
    expect(bom!.sourceMap.locate('/StartAt')).toEqual({ line: 1, column: 13 });
  });

  it('counts \\r\\n as one line break', () => {
    const [crlf] = load('{\r\n  "StartAt": "A"\r\n}').definitions;
    expect(crlf!.sourceMap.locate('/StartAt')).toEqual({ line: 2, column: 14 });
  });
});

describe('duplicate keys', () => {
  it.each([
    [
      '{\n  "States": {\n    "A": {"Next": "B", "Next": "C"}\n  }\n}',
      "Duplicate key 'Next' in /States/A; AWS rejects duplicate keys (JSON.parse would keep the last)",
      '/States/A/Next',
      3,
      24,
    ],
    [
      '{"a": 1, "a": 2}',
      "Duplicate key 'a' in /; AWS rejects duplicate keys (JSON.parse would keep the last)",
      '/a',
      1,
      10,
    ],
    [
      '{"a/b": {"x~": 1,\n "x~": 2}}',
      "Duplicate key 'x~' in /a~1b; AWS rejects duplicate keys (JSON.parse would keep the last)",
      '/a~1b/x~0',
      2,
      2,
    ],
    [
      '{"States": {"L": {"Items": [{"k": 1, "k": 2}]}}}',
      "Duplicate key 'k' in /States/L/Items/0; AWS rejects duplicate keys (JSON.parse would keep the last)",
      '/States/L/Items/0/k',
      1,
      38,
    ],
  ])('%j', (text, message, pointer, line, column) => {
    const result = load(text);
    expect(result.diagnostics).toEqual([
      {
        ruleId: 'no-duplicate-keys',
        severity: 'error',
        message,
        pointer,
        line,
        column,
        code: 'SCHEMA_VALIDATION_FAILED',
        file: 'machine.asl.json',
      },
    ]);
    // Like JSON.parse, the last one is kept.
    expect(result.definitions[0]!.definition).toEqual(JSON.parse(text));
  });

  it('places pointers by the kept value when a duplicate replaced a container', () => {
    const [loaded] = load('{"a": {"b": 1},\n "a": 2}').definitions;
    expect(loaded!.sourceMap.locate('/a/b')).toEqual({ line: 2, column: 7 });
  });

  it('keeps a __proto__ key as data, like JSON.parse', () => {
    const [loaded] = load('{"__proto__": {"x": 1}}').definitions;
    const definition = loaded!.definition as Record<string, unknown>;
    expect(Object.getPrototypeOf(definition)).toBe(Object.prototype);
    expect(Object.keys(definition)).toEqual(['__proto__']);
  });
});

describe('malformed JSON', () => {
  it.each([
    ['{\n  "StartAt": "A\n}', 'Unterminated string starting at line 2, column 14: a string cannot contain a line break', 2, 14],
    ['{"a": "abc', 'Unterminated string starting at line 1, column 7', 1, 7],
    [
      '{\n  "a": 1,\n}',
      "Unexpected token '}' at line 3, column 1: expected a property name in double quotes (trailing commas are not allowed)",
      3,
      1,
    ],
    ['[1, 2,]', "Unexpected token ']' at line 1, column 7: expected a value (trailing commas are not allowed)", 1, 7],
    ['{\n  "a": {"b": 1}\n', "Unexpected end of input at line 3, column 1: expected ',' or '}'", 3, 1],
    ['{"a": [1 2]}', "Unexpected token '2' at line 1, column 10: expected ',' or ']'", 1, 10],
    ['{"a" 1}', "Unexpected token '1' at line 1, column 6: expected ':' after the property name", 1, 6],
    ["{'a': 1}", "Unexpected token ''' at line 1, column 2: expected a property name in double quotes", 1, 2],
    ['{} x', "Unexpected token 'x' at line 1, column 4: expected end of input", 1, 4],
    ['{"a": tru}', "Unexpected token 't' at line 1, column 7: expected a value", 1, 7],
    ['01', "Unexpected token '1' at line 1, column 2: expected end of input", 1, 2],
    ['-', 'Unexpected end of input at line 1, column 2: expected a digit', 1, 2],
    ['1.', "Unexpected end of input at line 1, column 3: expected a digit after '.'", 1, 3],
    ['1e+', 'Unexpected end of input at line 1, column 4: expected a digit in the exponent', 1, 4],
    ['"\\q"', "Invalid escape '\\q' in string at line 1, column 2", 1, 2],
    ['"\\u12G4"', 'Invalid unicode escape in string at line 1, column 2: expected four hex digits after \\u', 1, 2],
    ['"a\tb"', 'Unescaped control character U+0009 in string at line 1, column 3', 1, 3],
    ['{"a": NaN}', "Unexpected token 'N' at line 1, column 7: expected a value", 1, 7],
  ])('%j', (text, message, line, column) => {
    const result = load(text);
    expect(result).toEqual({
      format: 'json',
      definitions: [],
      diagnostics: [
        { ruleId: 'parse', severity: 'error', message, pointer: '', line, column, code: 'INVALID_JSON_DESCRIPTION', file: 'machine.asl.json' },
      ],
    });
  });

  it('reports nesting deeper than 1000 levels instead of overflowing the stack', () => {
    const result = load('['.repeat(5000) + ']'.repeat(5000));
    expect(result.diagnostics.map((d) => [d.message, d.column])).toEqual([
      ['Nesting deeper than 1000 levels at line 1, column 1001', 1001],
    ]);
  });
});

describe('agrees with JSON.parse', () => {
  it('on every valid document', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        for (const parse of [parseJson, parseSlowly]) {
          const parsed = parse(text);
          expect(parsed).toEqual({ value: JSON.parse(text), ok: true, findings: [] });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('on where every value and property name starts', () => {
    const pointers = (value: unknown, pointer: string, out: [string, unknown][]): [string, unknown][] => {
      out.push([pointer, value]);
      if (Array.isArray(value)) value.forEach((item, i) => pointers(item, joinPointer(pointer, i), out));
      else if (value !== null && typeof value === 'object') {
        for (const [key, item] of Object.entries(value)) pointers(item, joinPointer(pointer, key), out);
      }
      return out;
    };
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const table = recordJsonPositions(text);
        for (const [pointer, item] of pointers(JSON.parse(text), '', [])) {
          const packed = table.get(pointer);
          expect(packed).toBeDefined();
          const shown = JSON.stringify(item);
          const length = indent === 0 ? shown.length : 1;
          expect(text.slice(valueOffsetOf(packed!), valueOffsetOf(packed!) + length)).toBe(shown.slice(0, length));
          const key = pointer.split('/').pop()!.replace(/~1/g, '/').replace(/~0/g, '~');
          const keyOffset = keyOffsetOf(packed!);
          if (keyOffset !== -1) expect(text.slice(keyOffset, keyOffset + JSON.stringify(key).length)).toBe(JSON.stringify(key));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('on which texts are JSON at all, and never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'{}[],:"\\ \n0123456789.eE+-abtrufnlsu'.split('')) }), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(parseJson(text).ok).toBe(valid);
        expect(parseSlowly(text).ok).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });
});
