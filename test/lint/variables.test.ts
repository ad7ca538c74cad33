import { describe, expect, it } from 'vitest';
import { walkDefinition } from '../../src/definition/walk.js';
import { jsonPathVariables, variablesOf, visibleScopes } from '../../src/lint/variables.js';

describe('jsonPathVariables', () => {
  it.each([
    ['$order.id', ['order']],
    ['$_x[0]', ['_x']],
    ['$número', ['número']],
    ['$', []],
    ['$.a', []],
    ['$$.Execution.Id', []],
    ['$[0]', []],
    ["States.Format('{} and $notMe {}', $a, $$.x, $.y, States.ArrayGetItem($list, 0))", ['a', 'list']],
    ["States.Format('it\\'s $quoted', $b)", ['b']],
    ['plain', []],
  ])('%s -> %j', (text, expected) => {
    expect(jsonPathVariables(text)).toEqual(expected);
  });
});

const definition = {
  StartAt: 'Init',
  States: {
    Init: { Type: 'Pass', Assign: { a: 1, 'b.$': '$.b' }, Next: 'Choose' },
    Choose: {
      Type: 'Choice',
      Choices: [{ Not: { Variable: '$a', IsPresent: true }, Assign: { 'c.$': '$b' }, Next: 'Par' }],
      Default: 'Par',
    },
    Par: {
      Type: 'Parallel',
      Branches: [
        {
          StartAt: 'J',
          States: { J: { Type: 'Pass', QueryLanguage: 'JSONata', Assign: { d: '{% $c & $string(1) %}' }, Output: '{% $map([1], $string) %}', End: true } },
        },
      ],
      Catch: [{ ErrorEquals: ['States.ALL'], Assign: { 'e.$': "States.Format('{}', $a)" }, Next: 'Dist' }],
      Next: 'Dist',
    },
    Dist: {
      Type: 'Map',
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED' }, StartAt: 'In', States: { In: { Type: 'Pass', InputPath: '$e', End: true } } },
      End: true,
    },
  },
};

describe('variablesOf', () => {
  const walk = walkDefinition(definition);
  const variables = variablesOf(walk);
  const [root, branch, dist] = walk.scopes;

  it('records assignments per scope, catchers and Choice rules in the scope of their state', () => {
    expect([...(variables.scopes.get(root!)?.assigned.keys() ?? [])]).toEqual(['a', 'b', 'c', 'e']);
    expect(variables.scopes.get(root!)?.assigned.get('b')?.pointer).toBe('/States/Init/Assign/b.$');
    expect([...(variables.scopes.get(branch!)?.assigned.keys() ?? [])]).toEqual(['d']);
  });

  it('records reads in both languages with their pointers', () => {
    const reads = (scope: typeof root) => variables.scopes.get(scope!)?.reads.map((r) => [r.name, r.pointer, r.mayBeFunction]);
    expect(reads(root)).toEqual([
      ['a', '/States/Choose/Choices/0/Not/Variable', false],
      ['b', '/States/Choose/Choices/0/Assign/c.$', false],
      ['a', '/States/Par/Catch/0/Assign/e.$', false],
    ]);
    expect(reads(branch)).toEqual([
      ['c', '/States/Par/Branches/0/States/J/Assign/d', false],
      ['string', '/States/Par/Branches/0/States/J/Output', true],
    ]);
    expect(reads(dist)).toEqual([['e', '/States/Dist/ItemProcessor/States/In/InputPath', false]]);
    expect([...variables.readNames].sort()).toEqual(['a', 'b', 'c', 'e', 'string']);
  });

  it('stops visibility at a distributed Map processor', () => {
    expect(visibleScopes(branch!)).toEqual([branch, root]);
    expect(visibleScopes(dist!)).toEqual([dist]);
  });

  it('is computed once per walk', () => {
    expect(variablesOf(walk)).toBe(variables);
  });
});
