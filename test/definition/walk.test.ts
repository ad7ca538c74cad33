import { describe, expect, it } from 'vitest';
import { walkDefinition } from '../../src/definition/walk.js';

const definition = {
  QueryLanguage: 'JSONPath',
  StartAt: 'P',
  States: {
    P: {
      Type: 'Parallel',
      QueryLanguage: 'JSONata',
      Branches: [
        { StartAt: 'B1', States: { B1: { Type: 'Pass', End: true } } },
        'not a branch',
        { StartAt: 'B2', States: { B2: { Type: 'Pass', QueryLanguage: 'JSONata', End: true }, Broken: 7 } },
      ],
      Next: 'M',
    },
    M: {
      Type: 'Map',
      ItemProcessor: { StartAt: 'I', States: { 'a/b~c': { Type: 'Succeed' } } },
      End: true,
    },
  },
};

describe('walkDefinition', () => {
  const walk = walkDefinition(definition);

  it('yields every scope: the root, each branch, each Map processor', () => {
    expect(walk.scopes.map((s) => [s.kind, s.pointer, s.statesPointer, s.depth, s.startAt])).toEqual([
      ['root', '', '/States', 0, 'P'],
      ['branch', '/States/P/Branches/0', '/States/P/Branches/0/States', 1, 'B1'],
      ['branch', '/States/P/Branches/2', '/States/P/Branches/2/States', 1, 'B2'],
      ['processor', '/States/M/ItemProcessor', '/States/M/ItemProcessor/States', 1, 'I'],
    ]);
  });

  it('links scopes to their parent and owner state', () => {
    const [root, branch] = walk.scopes;
    expect(branch?.parent).toBe(root);
    expect(branch?.owner?.name).toBe('P');
    expect(root?.owner).toBeUndefined();
  });

  it('yields each object state with its escaped pointer, scope and effective query language', () => {
    expect(walk.states.map((s) => [s.name, s.pointer, s.type, s.scope.pointer, s.queryLanguage])).toEqual([
      ['P', '/States/P', 'Parallel', '', 'JSONata'],
      // Not inherited from the enclosing Parallel: the top level decides (ASL-NOTES §1.2).
      ['B1', '/States/P/Branches/0/States/B1', 'Pass', '/States/P/Branches/0', 'JSONPath'],
      ['B2', '/States/P/Branches/2/States/B2', 'Pass', '/States/P/Branches/2', 'JSONata'],
      ['M', '/States/M', 'Map', '', 'JSONPath'],
      ['a/b~c', '/States/M/ItemProcessor/States/a~1b~0c', 'Succeed', '/States/M/ItemProcessor', 'JSONPath'],
    ]);
  });

  it('lists every name of a scope, also those whose value is not an object', () => {
    expect(walk.scopes[2]?.names).toEqual(['B2', 'Broken']);
    expect(walk.scopes[2]?.walkedStates.map((s) => s.name)).toEqual(['B2']);
  });

  it('takes a JSONata top level as the default', () => {
    const jsonata = walkDefinition({ QueryLanguage: 'JSONata', StartAt: 'A', States: { A: { Type: 'Succeed' } } });
    expect(jsonata.queryLanguage).toBe('JSONata');
    expect(jsonata.states[0]?.queryLanguage).toBe('JSONata');
  });

  it('walks a legacy Iterator', () => {
    const legacy = walkDefinition({
      StartAt: 'M',
      States: { M: { Type: 'Map', Iterator: { StartAt: 'X', States: { X: { Type: 'Succeed' } } }, End: true } },
    });
    expect(legacy.scopes.map((s) => s.pointer)).toEqual(['', '/States/M/Iterator']);
  });

  it.each([null, 42, 'text', [], { States: [] }, { States: { A: null } }, { StartAt: 1 }])('is total over %j', (value) => {
    const result = walkDefinition(value);
    expect(result.states).toEqual([]);
    expect(result.queryLanguage).toBe('JSONPath');
  });

  it('never mutates the definition', () => {
    const copy = structuredClone(definition);
    walkDefinition(definition);
    expect(definition).toEqual(copy);
  });
});
