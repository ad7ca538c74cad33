import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/index.js';

/** Editors and watch modes lint the same object again after changing it: nothing may be remembered by object. */
describe('linting an object again after editing it', () => {
  it('reports a JSONata expression made invalid between two runs', () => {
    const state: Record<string, unknown> = { Type: 'Pass', Output: '{% $states.input.a %}', End: true };
    const definition = { QueryLanguage: 'JSONata', StartAt: 'P', States: { P: state } };
    expect(lint(definition).diagnostics).toEqual([]);
    state['Output'] = '{% $states.input.( %}';
    const after = lint(definition).diagnostics.map((d) => [d.ruleId, d.pointer]);
    expect(after).toEqual([['valid-jsonata-syntax', '/States/P/Output']]);
  });

  it('forgets a variable read removed between two runs', () => {
    const state: Record<string, unknown> = { Type: 'Pass', Output: '{% $missing %}', End: true };
    const definition = { QueryLanguage: 'JSONata', StartAt: 'P', States: { P: state } };
    expect(lint(definition).diagnostics.map((d) => d.ruleId)).toContain('no-undefined-variable');
    state['Output'] = '{% $states.input %}';
    expect(lint(definition).diagnostics).toEqual([]);
  });
});
