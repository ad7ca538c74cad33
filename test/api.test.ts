import { describe, expect, it } from 'vitest';
import { DefinitionError, createStateMachine } from '../src/api.js';

describe('createStateMachine', () => {
  it('throws a DefinitionError carrying the linter findings', () => {
    let thrown: unknown;
    try {
      createStateMachine({ StartAt: 'Missing', States: { A: { Type: 'Pass', End: true } } });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DefinitionError);
    const diagnostics = (thrown as DefinitionError).diagnostics;
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.every((d) => d.severity === 'error')).toBe(true);
    expect(diagnostics.some((d) => d.pointer === '/StartAt')).toBe(true);
  });

  it('refuses a StringMatches pattern with an illegal escape, as AWS does at creation', () => {
    const definition = {
      StartAt: 'C',
      States: {
        C: { Type: 'Choice', Choices: [{ Not: { Variable: '$.path', StringMatches: 'C:\\temp\\*' }, Next: 'D' }], Default: 'D' },
        D: { Type: 'Succeed' },
      },
    };
    let thrown: unknown;
    try {
      createStateMachine(definition);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DefinitionError);
    expect((thrown as DefinitionError).diagnostics).toEqual([
      {
        ruleId: 'valid-string-matches',
        severity: 'error',
        code: 'SCHEMA_VALIDATION_FAILED',
        pointer: '/States/C/Choices/0/Not/StringMatches',
        message:
          "The StringMatches pattern 'C:\\temp\\*' has the escape '\\t' at character 3: only '\\*' (a literal asterisk) and '\\\\' (a literal backslash) may follow a backslash",
      },
    ]);
  });

  it('accepts JSON text', async () => {
    const machine = createStateMachine('{"StartAt":"A","States":{"A":{"Type":"Pass","Result":1,"End":true}}}', { clock: 'simulated' });
    expect(await machine.execute()).toMatchObject({ status: 'SUCCEEDED', output: 1 });
  });

  it('accepts a definition with lint warnings only (AWS creates it)', () => {
    const def = { StartAt: 'A', States: { A: { Type: 'Pass', Assign: { unused: 1 }, End: true } } };
    expect(() => createStateMachine(def)).not.toThrow();
  });
});

describe('intrinsic calls AWS accepts at creation but fails at run time', () => {
  const prefix = "An error occurred while executing the state 'A' (entered at the event id #2). ";
  it.each([
    ["States.MathAdd('a', 1)", 'Invalid arguments in States.MathAdd: argument 1 must be a number, but was a string'],
    ["States.Hash('x')", 'Invalid arguments in States.Hash: takes 2 arguments but was given 1'],
    ['States.ArrayRange(0, 5000, 1)', 'Invalid arguments in States.ArrayRange: the range has 5001 elements; at most 1000 are allowed'],
    ["States.Hash('x', 'MD4')", "Invalid arguments in States.Hash: unsupported algorithm 'MD4'; use one of MD5, SHA-1, SHA-256, SHA-384, SHA-512"],
  ])('%s compiles and fails with States.Runtime, which States.ALL does not catch', async (expression, cause) => {
    const machine = createStateMachine({
      StartAt: 'A',
      States: {
        A: { Type: 'Pass', Parameters: { 'x.$': expression }, End: true },
      },
    }, { clock: 'simulated' });
    const caught = createStateMachine({
      StartAt: 'A',
      States: {
        A: { Type: 'Map', ItemsPath: '$.xs', ItemProcessor: { StartAt: 'B', States: { B: { Type: 'Pass', Parameters: { 'x.$': expression }, End: true } } }, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'C' }], End: true },
        C: { Type: 'Succeed' },
      },
    }, { clock: 'simulated' });
    expect(await machine.execute({})).toMatchObject({ status: 'FAILED', error: 'States.Runtime', cause: prefix + cause });
    expect(await caught.execute({ xs: [1] })).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
  });
});
