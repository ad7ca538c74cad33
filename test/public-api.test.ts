import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as source from '../src/index.js';

// The names issues 2-5 spell out are a contract: tools outside the project call exactly these.
const FUNCTIONS = ['lint', 'ruleDocsUrl', 'loadSource', 'loadObject', 'createStateMachine', 'validateSchema', 'lambdaResult'] as const;
const CLASSES = ['DefinitionError', 'StatesError', 'SimulatedClock', 'RealClock', 'StateMachine'] as const;

const ROOT = resolve(__dirname, '..');

describe('public API', () => {
  it.each([...FUNCTIONS, ...CLASSES])('exports %s from src/index.ts', (name) => {
    expect(typeof (source as Record<string, unknown>)[name]).toBe('function');
  });

  it('exports the rules and the formatters by name', () => {
    expect(source.rules.map((rule) => rule.meta.id)).toContain('no-missing-transition-target');
    expect(Object.keys(source.formatters).sort()).toEqual(['github', 'json', 'sarif', 'stylish']);
  });

  it('StatesError carries the ASL error name and the cause', () => {
    const error = new source.StatesError('States.TaskFailed', 'no courier');
    expect([error.error, error.cause, error instanceof Error]).toEqual(['States.TaskFailed', 'no courier', true]);
  });

  // npm test builds before vitest runs, so dist/ is this commit's build.
  it('the ESM and CommonJS builds export the same names', async () => {
    const esm = (await import(pathToFileURL(resolve(ROOT, 'dist/index.js')).href)) as Record<string, unknown>;
    const cjs = createRequire(import.meta.url)(resolve(ROOT, 'dist/index.cjs')) as Record<string, unknown>;
    expect(Object.keys(esm).sort()).toEqual(Object.keys(cjs).sort());
    expect(Object.keys(esm).sort()).toEqual(Object.keys(source).sort());
  });

  it('the CommonJS build runs a machine end to end', async () => {
    const cjs = createRequire(import.meta.url)(resolve(ROOT, 'dist/index.cjs')) as typeof source;
    const machine = cjs.createStateMachine({ StartAt: 'P', States: { P: { Type: 'Pass', Result: { ok: 1 }, End: true } } });
    const result = await machine.execute({});
    expect([result.status, result.output]).toEqual(['SUCCEEDED', { ok: 1 }]);
  });
});
