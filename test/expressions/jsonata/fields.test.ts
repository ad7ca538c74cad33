import { describe, expect, it } from 'vitest';
import { analyzeJsonata, analyzeJsonataOnce, jsonataLocation, jsonataStringsOf } from '../../../src/expressions/jsonata/index.js';

describe('jsonataStringsOf', () => {
  it('finds expressions and malformed ones where AWS evaluates them, with field and owner', () => {
    const state = {
      Type: 'Task',
      Comment: '{% never %}',
      Resource: 'arn:aws:states:::lambda:invoke',
      Arguments: { FunctionName: 'f', Payload: { list: ['{% $a %}', 'plain', '{% 1 %'] } },
      Output: '{% $states.result %}',
      TimeoutSeconds: '{% $t %}',
      Credentials: { RoleArn: '{% $role %}' },
      Retry: [{ ErrorEquals: ['{% x %}'] }],
      Catch: [{ ErrorEquals: ['States.ALL'], Output: 'x %}', Assign: { e: '{% $states.errorOutput %}' }, Next: 'N' }],
    };
    expect(jsonataStringsOf({ state: state }).map(({ text, path, field, owner }) => ({ text, path, field, owner }))).toEqual([
      { text: '{% $a %}', path: ['Arguments', 'Payload', 'list', 0], field: 'Arguments', owner: 'state' },
      { text: '{% 1 %', path: ['Arguments', 'Payload', 'list', 2], field: 'Arguments', owner: 'state' },
      { text: '{% $states.result %}', path: ['Output'], field: 'Output', owner: 'state' },
      { text: '{% $t %}', path: ['TimeoutSeconds'], field: 'TimeoutSeconds', owner: 'state' },
      { text: '{% $role %}', path: ['Credentials', 'RoleArn'], field: 'Credentials', owner: 'state' },
      { text: 'x %}', path: ['Catch', 0, 'Output'], field: 'Output', owner: 'catcher' },
      { text: '{% $states.errorOutput %}', path: ['Catch', 0, 'Assign', 'e'], field: 'Assign', owner: 'catcher' },
    ]);
  });

  it('reads Choice conditions and the nested Map configuration, not their literal members', () => {
    const choice = { Type: 'Choice', Choices: [{ Condition: '{% $x %}', Output: { o: '{% 1 %}' }, Next: 'A' }], Default: 'A' };
    expect(jsonataStringsOf({ state: choice }).map((s) => [s.path, s.owner])).toEqual([
      [['Choices', 0, 'Condition'], 'choiceRule'],
      [['Choices', 0, 'Output', 'o'], 'choiceRule'],
    ]);
    const map = {
      Type: 'Map',
      Items: '{% $items %}',
      ItemSelector: { v: '{% $states.context.Map.Item.Value %}' },
      ItemReader: { Resource: '{% r %}', ReaderConfig: { InputType: '{% JSON %}', MaxItems: '{% 5 %}' }, Arguments: { Bucket: '{% $b %}' } },
      ItemBatcher: { MaxItemsPerBatch: '{% 2 %}', BatchInput: { k: '{% $k %}' } },
      ResultWriter: { Arguments: { Bucket: '{% $w %}' } },
      Label: '{% label %}',
    };
    expect(jsonataStringsOf({ state: map }).map((s) => s.path.join('/'))).toEqual([
      'Items',
      'ItemSelector/v',
      'ItemReader/Arguments/Bucket',
      'ItemReader/ReaderConfig/MaxItems',
      'ItemBatcher/BatchInput/k',
      'ItemBatcher/MaxItemsPerBatch',
      'ResultWriter/Arguments/Bucket',
    ]);
  });

  it('collects once per walked state, afresh for a new walk of an edited state, and survives depth', () => {
    const state: Record<string, unknown> = { Type: 'Pass', Output: '{% 1 %}' };
    const walked = { state };
    expect(jsonataStringsOf(walked)).toBe(jsonataStringsOf(walked));
    state['Output'] = '{% 2 %}';
    expect(jsonataStringsOf({ state }).map((s) => s.text)).toEqual(['{% 2 %}']);
    let deep: unknown = '{% 1 %}';
    for (let i = 0; i < 5000; i++) deep = [deep];
    expect(jsonataStringsOf({ state: { Type: 'Pass', Output: deep } })).toEqual([]);
  });
});

describe('jsonataLocation', () => {
  it.each([
    [['Output'], 'Output'],
    [['Output', 'values', 0], 'Output/values[0]'],
    [['Catch', 0, 'Assign', 'x'], 'Catch[0]/Assign/x'],
    [['Items', 0, 1], 'Items[0][1]'],
  ] as const)('%j -> %s', (path, expected) => {
    expect(jsonataLocation(path)).toBe(expected);
  });
});

describe('analyzeJsonataOnce', () => {
  it('gives the same analysis as analyzeJsonata, computed once per text', () => {
    const text = '{% $a + $count($states.input.items) %}';
    const first = analyzeJsonataOnce(text);
    expect(first).toEqual(analyzeJsonata(text));
    expect(analyzeJsonataOnce(text)).toBe(first);
    expect(first.variables).toEqual(['a']);
  });
});
