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

  it('accepts JSON text', async () => {
    const machine = createStateMachine('{"StartAt":"A","States":{"A":{"Type":"Pass","Result":1,"End":true}}}', { clock: 'simulated' });
    expect(await machine.execute()).toMatchObject({ status: 'SUCCEEDED', output: 1 });
  });
});
