import { describe, expect, it } from 'vitest';
import { compilePath, compilePayloadTemplate } from '../../../src/expressions/paths/index.js';
import { PATH_CACHE_LIMIT } from '../../../src/expressions/paths/path.js';
import type { EvaluationEnv } from '../../../src/expressions/types.js';

const env: EvaluationEnv = { context: { Execution: { Id: 'e-1' } }, variables: { v: { n: 7 } }, random: () => 0.5 };

describe('compilePath: one compile per text and kind', () => {
  it.each([
    ['$.order.id', 'Path'],
    ['$.order.id', 'ReferencePath'],
    ['$..id', 'Path'],
    ['$$.Execution.Id', 'Path'],
    ['$v.n', 'ReferencePath'],
  ] as const)('%s as %s gives the same result object twice', (text, kind) => {
    expect(compilePath(text, kind)).toBe(compilePath(text, kind));
  });

  it('the default kind is Path', () => {
    expect(compilePath('$.a')).toBe(compilePath('$.a', 'Path'));
  });

  it('a Path and a Reference Path of one text are different compiles', () => {
    const path = compilePath('$.a[0]', 'Path');
    const reference = compilePath('$.a[0]', 'ReferencePath');
    expect(path).not.toBe(reference);
    expect(path.ok && reference.ok).toBe(true);
  });

  it('keeps each kind its own verdict: a wildcard is a Path but not a Reference Path', () => {
    expect(compilePath('$.items[*]', 'Path').ok).toBe(true);
    expect(compilePath('$.items[*]', 'ReferencePath')).toEqual({
      ok: false,
      issues: [{ message: "Value is not a Reference Path: Reference path can't contain '*'", offset: 8, data: { detail: "Reference path can't contain '*'" } }],
    });
    expect(compilePath('$.items[*]', 'Path').ok).toBe(true);
  });

  it('caches failures too, as frozen data', () => {
    const first = compilePath('bug$.a', 'Path');
    expect(compilePath('bug$.a', 'Path')).toBe(first);
    expect(first.ok).toBe(false);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('a non-string is an issue, not a crash and not a cache entry', () => {
    const result = compilePath(42 as unknown as string, 'ReferencePath');
    expect(result).toEqual({ ok: false, issues: [{ message: 'Value is not a Reference Path: a path must be a string', data: { detail: 'a path must be a string' } }] });
    expect(compilePath(42 as unknown as string, 'ReferencePath')).not.toBe(result);
  });

  it('a shared compiled path reads each caller its own data', () => {
    const compiled = compilePath('$v.n', 'Path');
    if (!compiled.ok) throw new Error('did not compile');
    expect(compiled.value.evaluate({}, env)).toBe(7);
    expect(compiled.value.evaluate({}, { ...env, variables: { v: { n: 8 } } })).toBe(8);
  });

  it('is bounded: past the limit the oldest text is compiled again, with the same behaviour', () => {
    const oldest = compilePath('$.evicted.first', 'Path');
    for (let i = 0; i < PATH_CACHE_LIMIT; i++) compilePath(`$.filler${i}`, 'Path');
    const again = compilePath('$.evicted.first', 'Path');
    expect(again).not.toBe(oldest);
    if (!again.ok) throw new Error('did not compile');
    expect(again.value.evaluate({ evicted: { first: 'x' } }, env)).toBe('x');
  });
});

describe('compilePayloadTemplate: one compile per JSON text and field', () => {
  const template = { 'id.$': '$.order.id', fixed: [1, { 'at.$': '$$.Execution.Id' }] };

  it('equal text in different objects gives the same result', () => {
    const a = compilePayloadTemplate(template, { field: 'Parameters' });
    const b = compilePayloadTemplate(structuredClone(template), { field: 'Parameters' });
    expect(b).toBe(a);
    if (!a.ok) throw new Error('did not compile');
    expect(a.value.evaluate({ order: { id: 'o-1' } }, env)).toEqual({ id: 'o-1', fixed: [1, { at: 'e-1' }] });
  });

  it('each evaluation builds fresh objects', () => {
    const compiled = compilePayloadTemplate(template, { field: 'Parameters' });
    if (!compiled.ok) throw new Error('did not compile');
    const first = compiled.value.evaluate({ order: { id: 1 } }, env);
    const second = compiled.value.evaluate({ order: { id: 1 } }, env);
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
  });

  it.each([
    ['Parameters', 'ResultSelector'],
    ['Parameters', undefined],
    ['', undefined],
  ])('field %j and field %j are different compiles', (one, other) => {
    const options = (field: string | undefined) => (field === undefined ? {} : { field });
    expect(compilePayloadTemplate(template, options(one))).not.toBe(compilePayloadTemplate(template, options(other)));
  });

  it('issues keep the field of their own compile', () => {
    const bad = { 'x.$': 'not a path' };
    const inParameters = compilePayloadTemplate(bad, { field: 'Parameters' });
    const inAssign = compilePayloadTemplate(bad, { field: 'Assign' });
    expect(inParameters.ok || inParameters.issues[0]?.path).toEqual(['Parameters', 'x.$']);
    expect(inAssign.ok || inAssign.issues[0]?.path).toEqual(['Assign', 'x.$']);
  });

  it('different templates are different compiles', () => {
    expect(compilePayloadTemplate({ 'a.$': '$.a' })).not.toBe(compilePayloadTemplate({ 'a.$': '$.b' }));
  });
});
