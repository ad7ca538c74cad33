/**
 * No code execution, no pollution: what a definition or an input says is data, never code, and
 * no key it holds reaches a prototype.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createStateMachine, DefinitionError } from '../src/api.js';
import { lint } from '../src/lint/index.js';

const SENTINEL = '/tmp/aslkit-security-sentinel';
const pwned = (): unknown => (globalThis as Record<string, unknown>)['aslkitPwned'];

afterEach(() => {
  expect(pwned()).toBeUndefined();
  expect(existsSync(SENTINEL)).toBe(false);
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
});

/**
 * jsonpath-plus exploit payloads: CVE-2024-21534 (constructor.constructor reaching Function) and
 * the CVE-2025-1302 bypasses (`[['constructor']]`, `_$$root`), each set to leave a trace.
 */
const PAYLOADS = [
  "$..[?(@.constructor.constructor('return process')())]",
  "$..[?(@.constructor.constructor('globalThis.aslkitPwned = 1')())]",
  `$[?(@.constructor.constructor("return process")().mainModule.require("child_process").execSync("touch ${SENTINEL}"))]`,
  `$..[?(p="globalThis.aslkitPwned = 1";a=''[['constructor']][['constructor']](p);a())]`,
  `$[?(@.a==(_$$root.constructor.constructor('globalThis.aslkitPwned = 1')()))]`,
  "$[?(@.constructor.constructor('globalThis.aslkitPwned = 1')() || true)]",
  "$..*[?(this.constructor.constructor('globalThis.aslkitPwned = 1')())]",
];

describe('jsonpath-plus exploit payloads', () => {
  it.each(PAYLOADS)('%s is refused by createStateMachine() at compile time', (payload) => {
    for (const field of ['InputPath', 'OutputPath']) {
      const definition = { StartAt: 'A', States: { A: { Type: 'Pass', [field]: payload, End: true } } };
      expect(Array.isArray(lint(definition).diagnostics)).toBe(true);
      expect(() => createStateMachine(definition)).toThrow(/Value is not a valid JSONPath/);
    }
  });

  it.each(PAYLOADS)('%s in Parameters and as an intrinsic argument fails cleanly', async (payload) => {
    for (const value of [payload, `States.Array(${payload})`]) {
      const definition = { StartAt: 'A', States: { A: { Type: 'Pass', Parameters: { 'x.$': value }, End: true } } };
      let machine;
      try {
        machine = createStateMachine(definition);
      } catch (error) {
        expect(error).toBeInstanceOf(DefinitionError);
        continue;
      }
      const result = await machine.execute({ a: [{ b: 1 }] });
      expect(result.status).toBe('FAILED');
    }
  });
});

describe('no eval, Function or dynamic require in src/', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
    });
  const sources = files(join(import.meta.dirname, '..', 'src')).map((path) => ({ path, text: readFileSync(path, 'utf8') }));

  it.each([
    // `$eval(` is JSONata's function, named in a rule's example.
    ['eval(', /(?<![\w.$])eval\s*\(/],
    ['new Function', /\bnew\s+Function\b/],
    ['Function(', /(?<![\w.])Function\s*\(/],
    ['require( of a non-literal', /\brequire\s*\(\s*[^'"\s)]/],
    ['import( of a non-literal', /\bimport\s*\(\s*[^'"\s)]/],
    ['vm.runIn*Context of a string', /\brunIn(New|This)?Context\s*\(\s*['"`]/],
  ])('no %s', (_name, pattern) => {
    expect(sources.filter(({ text }) => pattern.test(text)).map(({ path }) => path)).toEqual([]);
  });

  it('the two vm.Scripts (the regex fallback and the date-picture call) run fixed text', () => {
    const scripts = sources.flatMap(({ path, text }) => [...text.matchAll(/new vm\.Script\(('[^']*'|[^)]*)\)/g)].map((m) => [path.replace(/.*src\//, 'src/'), m[1]]));
    expect(scripts).toEqual([
      ['src/expressions/jsonata/regex.ts', "'pattern.exec(text)'"],
      ['src/expressions/jsonata/regex.ts', "'call()'"],
    ]);
  });
});

/** A JSON text's `__proto__` is an own key, as every JSON parser but JavaScript's literals makes it. */
const parsed = (text: string): Record<string, unknown> => JSON.parse(text) as Record<string, unknown>;

describe('keys are data everywhere', () => {
  it('an input key __proto__ is passed through as data', async () => {
    const machine = createStateMachine({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } });
    const result = await machine.execute(parsed('{"__proto__": {"polluted": true}, "a": 1}'));
    expect(result.status).toBe('SUCCEEDED');
    expect(Object.keys(result.output as object)).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(result.output)).toBe(Object.prototype);
  });

  it('Parameters keys __proto__ and constructor are written as own keys', async () => {
    const definition = parsed(
      '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"__proto__": {"polluted": true}, "constructor": 1, "x.$": "$.a"}, "End": true}}}',
    );
    const result = await createStateMachine(definition).execute({ a: 2 });
    expect(result.status).toBe('SUCCEEDED');
    expect(JSON.stringify(result.output)).toBe('{"__proto__":{"polluted":true},"constructor":1,"x":2}');
  });

  it('a JSONata result with __proto__ is data', async () => {
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'A',
      States: { A: { Type: 'Pass', Output: '{% {"__proto__": {"polluted": true}, "b": $states.input.b} %}', End: true } },
    };
    const result = await createStateMachine(definition).execute({ b: 1 });
    expect(result.status).toBe('SUCCEEDED');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it.each(['$.__proto__', '$.constructor', '$.__proto__.polluted', '$.constructor.prototype.polluted'])(
    'ResultPath %s writes data, never a prototype',
    async (resultPath) => {
      const definition = { StartAt: 'A', States: { A: { Type: 'Pass', Result: true, ResultPath: resultPath, End: true } } };
      let machine;
      try {
        machine = createStateMachine(definition);
      } catch (error) {
        expect(error).toBeInstanceOf(DefinitionError);
        return;
      }
      const result = await machine.execute({});
      expect(['SUCCEEDED', 'FAILED']).toContain(result.status);
    },
  );

  it('InputPath $.constructor on a plain input finds nothing inherited', async () => {
    const machine = createStateMachine({ StartAt: 'A', States: { A: { Type: 'Pass', InputPath: '$.constructor', End: true } } });
    const result = await machine.execute({ a: 1 });
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('States.Runtime');
  });

  it('Assign keys constructor and hasOwnProperty are variables like any other (JSONPath)', async () => {
    const definition = {
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Assign: { constructor: 1, hasOwnProperty: 2 }, Next: 'B' },
        B: { Type: 'Pass', Parameters: { 'c.$': '$constructor', 'h.$': '$hasOwnProperty' }, End: true },
      },
    };
    const result = await createStateMachine(definition).execute({});
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { c: 1, h: 2 } });
  });
});
